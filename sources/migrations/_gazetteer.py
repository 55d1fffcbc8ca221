"""The gazetteer loader shared by data migrations (sources/data/gazetteer.json)."""

import json
from pathlib import Path


GAZETTEER = Path(__file__).resolve().parent.parent / "data" / "gazetteer.json"


def load_gazetteer(apps, schema_editor):
    """Add the gazetteer's outlets, and spellings an existing outlet lacks; never undo an editor's change."""
    Outlet = apps.get_model("sources", "Outlet")
    OutletDomain = apps.get_model("sources", "OutletDomain")
    for entry in json.loads(GAZETTEER.read_text(encoding="utf-8")):
        domains = entry.pop("domains")
        outlet, created = Outlet.objects.get_or_create(slug=entry["slug"], defaults=entry)
        if created:
            for domain in domains:
                OutletDomain.objects.get_or_create(domain=domain, defaults={"outlet": outlet})
        else:
            missing = [alias for alias in entry["aliases"] if alias not in outlet.aliases]
            if missing:
                outlet.aliases = [*outlet.aliases, *missing]
                outlet.save(update_fields=["aliases"])

"""Load the built-in gazetteer of outlets (sources/data/gazetteer.json); editors edit it in the admin."""

import json
from pathlib import Path

from django.db import migrations

GAZETTEER = Path(__file__).resolve().parent.parent / "data" / "gazetteer.json"


def load_gazetteer(apps, schema_editor):
    Outlet = apps.get_model("sources", "Outlet")
    OutletDomain = apps.get_model("sources", "OutletDomain")
    for entry in json.loads(GAZETTEER.read_text(encoding="utf-8")):
        domains = entry.pop("domains")
        outlet, created = Outlet.objects.get_or_create(slug=entry["slug"], defaults=entry)
        if created:
            for domain in domains:
                OutletDomain.objects.get_or_create(domain=domain, defaults={"outlet": outlet})


class Migration(migrations.Migration):
    dependencies = [("sources", "0001_initial")]
    operations = [migrations.RunPython(load_gazetteer, migrations.RunPython.noop)]

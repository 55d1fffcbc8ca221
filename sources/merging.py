"""Merging outlets: an editor folds a placeholder (or a duplicate) into the outlet it really is.

Ingest makes a placeholder for every media name the gazetteer does not know («الرؤية»
الإماراتية, a misspelt agency), so nothing is dropped or merged into the wrong outlet; deciding
that two names are one outlet is an editor's call. Merging moves every article the merged outlets
published and every citation of them to the outlet kept, and their domains with them; their names
become the kept outlet's aliases, so later ingests resolve those names there. Provenance is linked
again for the articles whose citations or publisher changed, and their events are refreshed.
Shared text between two articles that are now the same outlet's is dropped, as ingest never
records an outlet repeating itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from sources.models import Outlet, OutletDomain
from sources.resolver import name_key


@dataclass
class Merge:
    outlets: int
    articles: int
    citations: int


@transaction.atomic
def merge_outlets(merged: list[Outlet], kept: Outlet) -> Merge:
    """Fold `merged` into `kept`; what moved."""
    from articles.events.naming import refresh_events
    from articles.models import Article, Attribution, SharedText
    from articles.provenance.linking import link_upstreams

    merged = [outlet for outlet in merged if outlet.pk != kept.pk]
    if not merged:
        return Merge(0, 0, 0)
    published = list(Article.objects.filter(publisher__in=merged).values_list("pk", "event"))
    citing = set(Attribution.objects.filter(outlet__in=merged).values_list("article", flat=True))
    Article.objects.filter(publisher__in=merged).update(publisher=kept)
    citations = Attribution.objects.filter(outlet__in=merged).update(outlet=kept)
    OutletDomain.objects.filter(outlet__in=merged).update(outlet=kept)
    _take_names(kept, merged)
    for outlet in merged:
        outlet.delete()
    # An outlet repeating itself is not republication (articles.provenance.reuse): pairs that are
    # now one outlet's are dropped, and their automatic links redone below.
    SharedText.objects.filter(first__publisher=kept, second__publisher=kept).delete()
    # Articles citing the kept outlet may now find their upstream among the ones it gained.
    citing |= set(Attribution.objects.filter(outlet=kept).values_list("article", flat=True))
    link_upstreams(citing | {pk for pk, _ in published})
    refresh_events({event for _, event in published if event})
    return Merge(len(merged), len(published), citations)


def _take_names(kept: Outlet, merged: list[Outlet]) -> None:
    known = {name_key(name) for name in [kept.name_ar, kept.name_latin, *kept.aliases] if name}
    for outlet in merged:
        for name in [outlet.name_ar, outlet.name_latin, *outlet.aliases]:
            if name and name_key(name) not in known:
                kept.aliases.append(name[:200])
                known.add(name_key(name))
        if outlet.notes:
            kept.notes = f"{kept.notes}\n{outlet.notes}".strip()
    kept.save(update_fields=["aliases", "notes"])

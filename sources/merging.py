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
from django.utils import timezone

from sources.models import Outlet, OutletDomain, OutletMerge
from sources.resolver import name_key

OUTLET_FIELDS = ["name_ar", "name_latin", "slug", "kind", "country", "aliases", "is_placeholder", "notes"]


@dataclass
class Merge:
    outlets: int
    articles: int
    citations: int
    record: OutletMerge | None = None


@transaction.atomic
def merge_outlets(merged: list[Outlet], kept: Outlet, user=None) -> Merge:
    """Fold `merged` into `kept`; what moved, recorded (OutletMerge) so that it can be undone."""
    from articles.events.naming import refresh_events
    from articles.models import Article, Attribution, SharedText
    from articles.provenance.linking import link_upstreams

    merged = [outlet for outlet in merged if outlet.pk != kept.pk]
    if not merged:
        return Merge(0, 0, 0)
    snapshot = [_snapshot(outlet) for outlet in merged]
    published = list(Article.objects.filter(publisher__in=merged).values_list("pk", "event"))
    citing = set(Attribution.objects.filter(outlet__in=merged).values_list("article", flat=True))
    Article.objects.filter(publisher__in=merged).update(publisher=kept)
    citations = Attribution.objects.filter(outlet__in=merged).update(outlet=kept)
    OutletDomain.objects.filter(outlet__in=merged).update(outlet=kept)
    added = _take_names(kept, merged)
    for outlet in merged:
        outlet.delete()
    # An outlet repeating itself is not republication (articles.provenance.reuse): pairs that are
    # now one outlet's are dropped, and their automatic links redone below.
    SharedText.objects.filter(first__publisher=kept, second__publisher=kept).delete()
    # Articles citing the kept outlet may now find their upstream among the ones it gained.
    citing |= set(Attribution.objects.filter(outlet=kept).values_list("article", flat=True))
    link_upstreams(citing | {pk for pk, _ in published})
    refresh_events({event for _, event in published if event})
    record = OutletMerge.objects.create(kept=kept, merged=snapshot, added_aliases=added, merged_by=user)
    return Merge(len(merged), len(published), citations, record)


def _snapshot(outlet: Outlet) -> dict:
    from articles.models import Article, Attribution

    return {
        "pk": outlet.pk,
        **{name: getattr(outlet, name) for name in OUTLET_FIELDS},
        "domains": list(outlet.domains.values_list("domain", flat=True)),
        "articles": list(Article.objects.filter(publisher=outlet).values_list("pk", flat=True)),
        "citations": list(Attribution.objects.filter(outlet=outlet).values_list("pk", flat=True)),
    }


@transaction.atomic
def undo_merge(record: OutletMerge) -> list[Outlet]:
    """Put back the outlets a merge folded away, with their articles, citations, domains and
    names; the outlets restored. Articles and citations since moved elsewhere stay where they are."""
    from articles.events.naming import refresh_events
    from articles.models import Article, Attribution
    from articles.provenance.linking import link_upstreams

    if record.undone_at is not None:
        return []
    kept, restored, touched = record.kept, [], set()
    for old in record.merged:
        slug = old["slug"] if not Outlet.objects.filter(slug=old["slug"]).exists() else f"{old['slug']}-{old['pk']}"
        outlet = Outlet.objects.create(**{name: old[name] for name in OUTLET_FIELDS if name != "slug"}, slug=slug)
        Article.objects.filter(pk__in=old["articles"], publisher=kept).update(publisher=outlet)
        Attribution.objects.filter(pk__in=old["citations"], outlet=kept).update(outlet=outlet)
        OutletDomain.objects.filter(domain__in=old["domains"], outlet=kept).update(outlet=outlet)
        touched |= set(old["articles"]) | set(
            Attribution.objects.filter(pk__in=old["citations"]).values_list("article", flat=True)
        )
        restored.append(outlet)
    kept.aliases = [name for name in kept.aliases if name not in set(record.added_aliases)]
    kept.save(update_fields=["aliases"])
    link_upstreams(touched)
    refresh_events(set(Article.objects.filter(pk__in=touched, event__isnull=False).values_list("event", flat=True)))
    record.undone_at = timezone.now()
    record.save(update_fields=["undone_at"])
    return restored


def _take_names(kept: Outlet, merged: list[Outlet]) -> list[str]:
    known = {name_key(name) for name in [kept.name_ar, kept.name_latin, *kept.aliases] if name}
    added = []
    for outlet in merged:
        for name in [outlet.name_ar, outlet.name_latin, *outlet.aliases]:
            if name and name_key(name) not in known:
                kept.aliases.append(name[:200])
                added.append(name[:200])
                known.add(name_key(name))
        if outlet.notes:
            kept.notes = f"{kept.notes}\n{outlet.notes}".strip()
    kept.save(update_fields=["aliases", "notes"])
    return added

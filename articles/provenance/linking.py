"""From shared text to upstream links, recorded as attributions that editors can review.

For each article: every attribution that credits an outlet whose article in the archive shares its
text gets that article as `upstream` (the disclosure resolved). An article that credits none of
its copies but was shown by other evidence (a wire agency's item, an earlier publication) to copy
one gets an attribution of its own, claimed by text reuse: undisclosed reuse, said so.

Editors win: a rejected link is never made again, and an article with a link an editor confirmed
or added keeps it untouched. Only unreviewed automatic links are redone.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.db import transaction
from django.db.models import Q

from articles.models.id_lists import any_of
from articles.provenance.direction import COPY_KINDS, DISCLOSED, STRENGTH, Direction, facts_of, orient
from articles.provenance.reuse import STRONG

CHUNK = 2000


def link_upstreams(ids: Iterable[int], progress=None) -> int:
    """Link the given articles to their upstream articles again; the number of links made.
    `progress(n)` is told of every chunk of articles done."""
    ids, made = sorted(set(ids)), 0
    for start in range(0, len(ids), CHUNK):
        with transaction.atomic():
            made += _link(ids[start : start + CHUNK])
        if progress:
            progress(len(ids[start : start + CHUNK]))
    return made


def _link(ids: list[int]) -> int:
    from articles.models import Attribution, ClaimedBy, Review, SharedText

    pairs = list(SharedText.objects.filter(Q(first__in=ids) | Q(second__in=ids)))
    facts = facts_of({pk for pair in pairs for pk in (pair.first_id, pair.second_id)} | set(ids))
    upstreams: dict[int, list[tuple[Direction, SharedText]]] = defaultdict(list)
    for pair in pairs:
        direction = orient(facts[pair.first_id], facts[pair.second_id])
        if direction and direction.reason != "cycle" and direction.downstream in ids:
            upstreams[direction.downstream].append((direction, pair))
    Attribution.objects.filter(
        article__in=any_of(ids), claimed_by=ClaimedBy.TEXT_REUSE, review=Review.UNREVIEWED
    ).delete()
    Attribution.objects.filter(
        article__in=any_of(ids), claimed_by=ClaimedBy.PARSER, review=Review.UNREVIEWED, upstream__isnull=False
    ).update(upstream=None)
    attributions = defaultdict(list)
    for attribution in Attribution.objects.filter(article__in=any_of(ids)).select_related("upstream"):
        attributions[attribution.article_id].append(attribution)
    new, made = [], 0
    for article, found in upstreams.items():
        made += _resolve(article, found, attributions[article], facts, new)
    Attribution.objects.bulk_create(new)
    return made + len(new)


def _resolve(article: int, found, attributions, facts, new: list) -> int:
    """Link one article; disclosed links update its attributions, an undisclosed one is added."""
    from articles.models import Review

    if any(a.review == Review.CONFIRMED and a.upstream_id for a in attributions):
        return 0  # an editor has said where it came from
    rejected = {a.upstream_id for a in attributions if a.review == Review.REJECTED and a.upstream_id}
    found = [(d, pair) for d, pair in found if d.upstream not in rejected]
    found.sort(key=lambda item: (-STRENGTH[item[0].reason], -item[1].containment_of(article)))
    disclosed = [(d, pair) for d, pair in found if d.reason == DISCLOSED]
    if disclosed:
        return sum(_resolve_credit(d, attributions, facts) for d, _ in disclosed)
    # An undisclosed link needs most of one text inside the other; a shared passage alone (a quoted
    # statement, a common wire paragraph) is shown as shared text but links nothing.
    strong = [(d, pair) for d, pair in found if max(pair.first_in_second, pair.second_in_first) >= STRONG]
    if strong:
        new.append(_undisclosed(*strong[0], facts))
    return 0


def _resolve_credit(direction: Direction, attributions, facts) -> int:
    outlet = facts[direction.upstream].publisher_id
    for attribution in attributions:
        matches = attribution.kind in COPY_KINDS and attribution.outlet_id == outlet
        if matches and attribution.upstream_id is None and attribution.review != "rejected":
            attribution.upstream_id = direction.upstream
            attribution.save(update_fields=["upstream"])
            return 1
    return 0


def _undisclosed(direction: Direction, pair, facts):
    from articles.models import Attribution, AttributionKind, ClaimedBy

    upstream = facts[direction.upstream]
    share, other = (
        round(100 * pair.containment_of(direction.downstream)),
        round(100 * pair.containment_of(direction.upstream)),
    )
    why = "والآخر مادة وكالة أنباء" if direction.reason == "wire" else "والآخر نُشر قبله"
    return Attribution(
        article_id=direction.downstream,
        kind=AttributionKind.WIRE_CREDIT
        if upstream.publisher_kind == "wire_agency"
        else AttributionKind.REPUBLISHED_FROM,
        outlet_id=upstream.publisher_id,
        upstream_id=direction.upstream,
        evidence=f"{share}٪ من نصه و{other}٪ من نص مقال آخر مشتركان، {why}، ولم يذكر مصدره",
        confidence=direction.confidence,
        claimed_by=ClaimedBy.TEXT_REUSE,
    )

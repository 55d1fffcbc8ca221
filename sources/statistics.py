"""How much of an outlet's output is its own: originals, republished pieces and wire copy.

An article counts as republished when it credits an outlet it was taken from (or text reuse
found one), as wire copy when it credits only a wire agency, and as original otherwise: the
same definitions as the archive's filters (ArticleQuerySet.originals/republished/wire_copies).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Q

from articles.models import Article, Attribution, Review
from articles.models.article import COPY_KINDS, REPUBLICATION_KINDS

TOP = 5


@dataclass
class Originality:
    total: int = 0
    original: int = 0
    republished: int = 0
    wire_copy: int = 0
    sources: list[tuple[object, int]] = field(default_factory=list)  # (outlet, articles it took from it)
    copiers: list[tuple[object, int]] = field(default_factory=list)  # (outlet, articles it took from this one)

    def share(self, part: int) -> float:
        return part / self.total if self.total else 0.0

    @property
    def shares(self) -> list[tuple[str, str, int, float]]:
        return [
            ("original", "أصلي", self.original, self.share(self.original)),
            ("republished", "منقول", self.republished, self.share(self.republished)),
            ("wire_copy", "مادة وكالات", self.wire_copy, self.share(self.wire_copy)),
        ]


def _credits(kinds) -> Exists:
    return Exists(Attribution.objects.filter(article=OuterRef("pk"), kind__in=kinds).exclude(review=Review.REJECTED))


def originality(outlet) -> Originality:
    """The outlet's originality figures, its main sources and its main copiers (three queries)."""
    from sources.models import Outlet

    republished, wire = _credits(REPUBLICATION_KINDS), _credits(["wire_credit"])
    counts = (
        Article.objects.public()
        .filter(publisher=outlet)
        .aggregate(
            total=Count("pk"),
            republished=Count("pk", filter=Q(republished)),
            wire_copy=Count("pk", filter=Q(wire) & ~Q(republished)),
        )
    )
    result = Originality(**counts)
    result.original = result.total - result.republished - result.wire_copy
    live = Attribution.objects.filter(kind__in=COPY_KINDS).exclude(review=Review.REJECTED)
    sources = (
        live.filter(article__publisher=outlet, article__visibility="public", outlet__isnull=False)
        .exclude(outlet=outlet)
        .values("outlet")
        .annotate(n=Count("article", distinct=True))
        .order_by("-n")[:TOP]
    )
    copiers = (
        live.filter(outlet=outlet, article__visibility="public", article__publisher__isnull=False)
        .exclude(article__publisher=outlet)
        .values("article__publisher")
        .annotate(n=Count("article", distinct=True))
        .order_by("-n")[:TOP]
    )
    sources, copiers = list(sources), list(copiers)
    outlets = Outlet.objects.in_bulk(
        [row["outlet"] for row in sources] + [row["article__publisher"] for row in copiers]
    )
    result.sources = [(outlets[row["outlet"]], row["n"]) for row in sources]
    result.copiers = [(outlets[row["article__publisher"]], row["n"]) for row in copiers]
    return result

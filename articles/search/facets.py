"""Counts per filter value over the matched articles, for the search page's side panel and the API."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count as Counted
from django.db.models.functions import ExtractYear

from articles.filters import PROVENANCE_CHOICES
from sources.models import OutletKind

TOP = 10


@dataclass(frozen=True)
class Count:
    value: str
    label: str
    count: int


def count(matched) -> dict[str, list[Count]]:
    plain = matched.order_by()
    return {
        "outlet": _top(plain, "publisher__slug", "publisher__name_ar"),
        "kind": _labelled(plain, "publisher__kind", dict(OutletKind.choices)),
        "country": _top(plain, "publisher__country", "publisher__country"),
        "event": _top(plain, "event__slug", "event__title"),
        "year": _years(plain),
        "provenance": _provenance(plain),
    }


def _top(matched, value: str, label: str) -> list[Count]:
    rows = (
        matched.exclude(**{f"{value}__isnull": True})
        .exclude(**{value: ""})
        .values(value, label)
        .annotate(n=Counted("pk"))
        .order_by("-n", value)[:TOP]
    )
    return [Count(row[value], row[label], row["n"]) for row in rows]


def _labelled(matched, value: str, labels: dict) -> list[Count]:
    rows = matched.exclude(**{f"{value}__isnull": True}).values(value).annotate(n=Counted("pk")).order_by("-n")
    return [Count(row[value], labels.get(row[value], row[value]), row["n"]) for row in rows]


def _years(matched) -> list[Count]:
    rows = (
        matched.exclude(published_at__isnull=True)
        .annotate(year=ExtractYear("published_at"))
        .values("year")
        .annotate(n=Counted("pk"))
        .order_by("-year")
    )
    return [Count(str(row["year"]), str(row["year"]), row["n"]) for row in rows]


def _provenance(matched) -> list[Count]:
    classes = {"original": matched.originals(), "republished": matched.republished(), "wire": matched.wire_copies()}
    return [Count(value, label, classes[value].count()) for value, label in PROVENANCE_CHOICES]

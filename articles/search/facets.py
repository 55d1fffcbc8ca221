"""Counts per filter value over the matched articles, for the search page's side panel and the API.

Counted in Python over the rows the search already fetched (id, publisher, event, date), with one
query for the attributions and one per label table: the match is never run again per facet.
"""

from __future__ import annotations

import bisect
import datetime
import functools
import zoneinfo
from collections import Counter
from dataclasses import dataclass

from django.db import connection
from django.utils import timezone

from articles.filters import PROVENANCE_CHOICES
from articles.models import Attribution, Event
from articles.models.article import COPY_KINDS
from articles.models.id_lists import bigint_array
from sources.countries import country_name
from sources.models import Outlet, OutletKind

TOP = 10


@dataclass(frozen=True)
class Count:
    value: str
    label: str
    count: int


def count(rows, classes: dict[int, str] | None = None) -> dict[str, list[Count]]:
    """The facets of the matches; `classes` (provenance_classes of the rows) when already read."""
    outlets = Outlet.objects.only("slug", "name_ar", "kind", "country").in_bulk(
        {publisher for _, publisher, _, _ in rows if publisher}
    )
    per_outlet = Counter(publisher for _, publisher, _, _ in rows if publisher in outlets)
    kinds, countries = Counter(), Counter()
    for publisher, n in per_outlet.items():
        kinds[outlets[publisher].kind] += n
        if outlets[publisher].country:
            countries[outlets[publisher].country] += n
    per_event = Counter(event for _, _, event, _ in rows if event)
    top_events = per_event.most_common(TOP)  # thousands of events among the matches; ten are shown
    events = Event.objects.public().only("slug", "title").in_bulk([event for event, _ in top_events])
    years = Counter(_years(published for _, _, _, published in rows if published is not None))
    labels = dict(OutletKind.choices)
    return {
        "outlet": [Count(outlets[p].slug, outlets[p].name_ar, n) for p, n in per_outlet.most_common(TOP)],
        "kind": [Count(kind, labels.get(kind, kind), n) for kind, n in kinds.most_common()],
        "country": [Count(country, country_name(country), n) for country, n in countries.most_common(TOP)],
        "event": [Count(events[e].slug, events[e].title, n) for e, n in top_events if e in events],
        "year": [Count(str(year), str(year), years[year]) for year in sorted(years, reverse=True)],
        "provenance": _provenance(classes if classes is not None else provenance_classes([pk for pk, *_ in rows])),
    }


def _years(stamps) -> list[int]:
    """The year (in the archive's time zone) of each publication time given in epoch seconds."""
    zone = timezone.get_current_timezone()
    starts = _year_starts(str(zone))
    return [FIRST_YEAR + bisect.bisect_right(starts, stamp) - 1 for stamp in stamps]


FIRST_YEAR, LAST_YEAR = 1900, 2200


@functools.lru_cache(maxsize=8)
def _year_starts(zone: str) -> list[float]:
    tz = zoneinfo.ZoneInfo(zone)
    return [datetime.datetime(year, 1, 1, tzinfo=tz).timestamp() for year in range(FIRST_YEAR, LAST_YEAR)]


def provenance_classes(ids: list[int]) -> dict[int, str]:
    """Each article's provenance class: «original» (no upstream credited), «republished», or
    «wire» (credited to an agency only)."""
    republished, wire = set(), set()
    with connection.cursor() as cursor:  # one array parameter: thousands of ids bind fast
        cursor.execute(
            f"SELECT article_id, kind FROM {Attribution._meta.db_table} "
            "WHERE article_id = ANY(%s::bigint[]) AND kind = ANY(%s) AND review <> 'rejected'",
            [bigint_array(ids), COPY_KINDS],
        )
        for article, kind in cursor.fetchall():
            (wire if kind == "wire_credit" else republished).add(article)
    return {pk: "republished" if pk in republished else "wire" if pk in wire else "original" for pk in ids}


def _provenance(classes: dict[int, str]) -> list[Count]:
    """Originals (no upstream credited), republications, and wire copies (credited to an agency only)."""
    counts = Counter(classes.values())
    return [Count(value, label, counts[value]) for value, label in PROVENANCE_CHOICES]

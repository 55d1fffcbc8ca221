"""The most recent matches of a broad query, without reading and sorting them all.

A query matching a large part of the archive (اليوم, قال) is ranked over its most recent matches
only (articles.search.engine). Reading every match to sort them by date costs a row read per
match. Matches in titles and leads come in date order from a RUM index where the database has one
(migration 0023); otherwise, and for matches in the whole text, the dates are bounded first, with
the planner's own estimates, so that a few thousand rows are read.
"""

from __future__ import annotations

import math
import re
import time
from contextlib import contextmanager
from datetime import UTC, datetime

from django.db import connection
from django.db.models import F, FloatField, Func, Value

from articles.models import Article

SAFETY = 4  # the most recent matches are looked for among 4x the articles estimated to hold them
MAX_SHARE = 0.5  # unless that is half the archive or more: then all the matches are read
# Reading a match row costs about eight entries of the date index (0.9 against 0.11 microseconds,
# measured at a million articles): a bound over 290,000 articles costs ترامب more than reading its
# 27,000 title-and-lead matches (48 against 26 ms), and saves اليوم reading 230,000 (23 against 238).
ROW_COST = 8
# The RUM index collects every match's date and sorts them before it returns the first: about two
# date-index entries' time a match (ترامب: 8 ms for 30,000; اليوم: 50 ms for 230,000). So the bound
# still pays for اليوم (35,000 entries and 8,000 rows against 230,000 dates), not for ترامب أو بوتين
# (200,000 entries: 50 ms, against 20 in the index's order).
RUM_ENTRY_COST = 2
HISTOGRAM_SECONDS = 600


def most_recent(
    matches, columns: tuple[str, ...], count: int, *, oldest: bool = False, in_headlines: bool = False
) -> list[tuple]:
    """The `count` most recent (or oldest) matches, without reading every match.

    Sorting all the matches of a broad query means reading every one of them from the table
    (230,000 rows for اليوم at a million articles, 0.3 s). Instead, from the planner's estimate of
    how many articles match, the span of newest articles likely to hold `count` matches (four
    times that, for safety) is bounded with the date index, and the matches are looked for in it
    alone. If `count` of them are there, no match outside can come before them. The bound is used
    only where it costs less than the other way (`_bound_pays`).

    Otherwise, matches of the title-and-lead vector (`in_headlines`) come in date order from the
    RUM index where the database has one, and only the `count` wanted are read (ترامب at a million
    articles: 17 ms against 36 to sort its 28,000). Else every match is read and sorted. Undated
    articles sort last.
    """
    ordered = matches.oldest_first() if oldest else matches.latest_first()
    estimate, archive = estimated_rows(matches), estimated_rows(Article.objects.all())
    span = int(archive * SAFETY * count / estimate) if estimate else archive
    in_date_order = in_headlines and dated_headlines_index()
    if span < archive * MAX_SHARE and _bound_pays(span, estimate, count, in_date_order=in_date_order):
        edge = _date_edge(span, archive, oldest=oldest)
        if edge is not None:  # None: fewer dated articles than that, so no bound
            bounded = ordered.filter(**{"published_at__lte" if oldest else "published_at__gte": edge})
            with _without_date_index_walk():
                found = list(bounded.values_list(*columns)[:count])
            if len(found) >= count:
                return found
    if in_date_order:
        return _in_date_order(matches, columns, count, oldest=oldest)
    with _without_date_index_walk():
        return list(ordered.values_list(*columns)[:count])


def _in_date_order(matches, columns: tuple[str, ...], count: int, *, oldest: bool) -> list[tuple]:
    """Headline matches read in date order from the RUM index, which holds dated articles only;
    the undated follow, in the order of every other read (by id)."""
    dated = matches.filter(search_date__isnull=False).order_by(FromEdge(oldest=oldest))
    # The planner underestimates a phrase's matches (2,000 for كأس العالم's 21,000 at a million
    # articles) and would collect and sort them all: 42 ms, against 24 in the index's order.
    with _planner_without("bitmapscan"):
        found = list(dated.values_list(*columns)[:count])
    if len(found) < count:
        undated = matches.filter(published_at__isnull=True).order_by("id" if oldest else "-id")
        with _without_date_index_walk():
            found += undated.values_list(*columns)[: count - len(found)]
    return found


class FromEdge(Func):
    """How far an article's publication date (`search_date`, its copy for the index) lies from a
    date after every other (before, for the oldest first): the order in which the RUM index
    returns matches. Among articles of one date the index's order decides, not the id."""

    template = "(%(expressions)s)"
    arg_joiner = " <=> "
    output_field = FloatField()
    NEWEST, OLDEST = datetime(3000, 1, 1, tzinfo=UTC), datetime(1000, 1, 1, tzinfo=UTC)

    def __init__(self, *, oldest: bool = False):
        super().__init__(F("search_date"), Value(self.OLDEST if oldest else self.NEWEST))


DATED_HEADLINES = "article_head_dated"  # migration 0023


def dated_headlines_index() -> bool:
    """Whether this database has the RUM index of titles and leads with their dates, looked up
    once a process per database (the migration that makes it runs before the server starts)."""
    database = connection.settings_dict["NAME"]
    if database not in _dated_index:
        with connection.cursor() as cursor:
            cursor.execute("SELECT to_regclass(%s) IS NOT NULL", [DATED_HEADLINES])
            _dated_index[database] = cursor.fetchone()[0]
    return _dated_index[database]


_dated_index: dict[str, bool] = {}


def _bound_pays(span: int, estimate: int, count: int, *, in_date_order: bool = False) -> bool:
    """Whether reading within the date bound (`span` entries of the date index, then the matches
    among them, about SAFETY x count) costs less than the other way: reading every one of
    `estimate` matches or, `in_date_order` from the RUM index, collecting each match's date and
    reading only `count` rows."""
    bounded = span + ROW_COST * SAFETY * count
    if in_date_order:
        return bounded < RUM_ENTRY_COST * estimate + ROW_COST * count
    return bounded < ROW_COST * estimate


def _date_edge(span: int, archive: int, *, oldest: bool):
    """The publication date with about `span` articles after it (before it, for oldest), or None.

    Read from the planner's histogram of dates (each bound a percentile of the dated articles),
    rounded outwards; without one (a table never analysed), counted off the date index.
    """
    histogram = _date_histogram()
    if histogram:
        null_share, bounds = histogram
        steps = len(bounds) - 1
        step = math.ceil(span / max(archive * (1 - null_share), 1) * steps)
        if step >= steps:
            return None
        return bounds[step] if oldest else bounds[steps - step]
    order = F("published_at").asc(nulls_first=True) if oldest else F("published_at").desc(nulls_last=True)
    dated = Article.objects.filter(published_at__isnull=False).order_by(order)
    return dated.values_list("published_at", flat=True)[span : span + 1].first()


def _date_histogram() -> tuple[float, list] | None:
    """(share of undated articles, the histogram's date bounds), kept for a few minutes per database."""
    database = connection.settings_dict["NAME"]
    until, value = _histograms.get(database, (0.0, None))
    if until < time.monotonic():
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT null_frac, histogram_bounds::text::timestamptz[] FROM pg_stats "
                "WHERE schemaname = current_schema() AND tablename = %s AND attname = 'published_at'",
                [Article._meta.db_table],
            )
            row = cursor.fetchone()
        value = (row[0], row[1]) if row and row[1] and len(row[1]) > 2 else None
        _histograms[database] = (time.monotonic() + HISTOGRAM_SECONDS, value)
    return value


_histograms: dict[str, tuple[float, tuple | None]] = {}


def estimated_rows(queryset) -> int:
    """The planner's estimate of how many rows a query returns (0 when it says nothing)."""
    match = re.search(r"rows=(\d+)", queryset.order_by().values("pk").explain())
    return int(match.group(1)) if match else 0


def _without_date_index_walk():
    """For "the most recent matches" the planner likes to walk the date index and test article
    after article until enough match: fine for قال, 5 s for غوتيريش at a million articles.
    Collecting the matches from the text index and sorting them is never that slow."""
    return _planner_without("indexscan")


@contextmanager
def _planner_without(method: str):
    """Within this transaction (searches run in one), the planner does without a kind of scan."""
    with connection.cursor() as cursor:
        cursor.execute(f"SET LOCAL enable_{method} = off")
        try:
            yield
        finally:
            cursor.execute(f"SET LOCAL enable_{method} = on")

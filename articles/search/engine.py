"""Run a search: the one entry point for the search page, the API and the admin.

`run_search(params)` takes the query string parameters (q, filters, sort, page), and returns the
page of hits with highlighted snippets, the total, the facet counts, the spelling variants that
were admitted, and suggestions when nothing matched.
"""

from __future__ import annotations

import math
import re
import time
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
from django.db import connection, transaction
from django.db.models import F
from django.utils.safestring import SafeString

from articles.filters import ArticleFilter
from articles.models import Article
from articles.search import facets, ranking, vocabulary
from articles.search.compile import CompiledQuery, compile_query
from articles.search.expressions import Matches
from articles.search.query import ParsedQuery, parse
from articles.search.snippets import highlight, snippet

PAGE_SIZE = 20
MAX_PAGE = 50  # nobody reads result 1,000; deep pages cost the same ranking again
# A query matching more than this many articles is broad (السعودية, قال): only its most recent
# BROAD matches are ranked and counted in the facets. The total is still exact.
BROAD = 2000
COUNTED = 5_000  # a broad query's total is exact up to here, then "more than"
SAFETY = 4  # a broad query's most recent matches are looked for among 4x the articles estimated to hold them
MAX_SHARE = 0.5  # unless that is half the archive or more: then all the matches are read
HEAD = "search_head"
LISTED_FIELDS = ["pk", "title", "body", "publisher", "published_at", "date_precision", "url", "visibility"]


@dataclass
class Hit:
    article: Article
    title: SafeString
    snippet: SafeString
    exact: bool


@dataclass
class SearchResults:
    text: str
    sort: str
    parsed: ParsedQuery
    compiled: CompiledQuery
    filters: ArticleFilter
    page: Page
    total: int = 0
    hits: list[Hit] = field(default_factory=list)
    facets: dict[str, list[facets.Count]] = field(default_factory=dict)
    broad: bool = False  # ranked and faceted over the most recent BROAD matches only

    @property
    def total_is_lower_bound(self) -> bool:
        return self.total > COUNTED

    suggestions: list[str] = field(default_factory=list)

    @property
    def variants(self) -> list[str]:
        return self.compiled.variants


def run_search(params, *, articles=None, page_size: int = PAGE_SIZE) -> SearchResults:
    """Search the public archive (or `articles`) with the request's parameters."""
    with transaction.atomic(), connection.cursor() as cursor:
        # The planner prices `@@` as cheap and, for a word in a third of the archive, reads every
        # row instead of the GIN index; but each row costs a detoasted tsvector (0.9 s against
        # 0.04 s for قال on the corpus). Searches always go through the index.
        cursor.execute("SET LOCAL enable_seqscan = off")
        return _run(params, articles, page_size)


def _run(params, articles, page_size: int) -> SearchResults:
    text = (params.get("q") or "").strip()
    filters = ArticleFilter(params, queryset=articles if articles is not None else Article.objects.public())
    parsed = parse(text)
    compiled = compile_query(parsed)
    sort = (filters.form.cleaned_data.get("sort") if filters.is_valid() else "") or "relevance"
    if not text and sort == "relevance":
        sort = "newest"  # nothing to be relevant to: browsing the archive
    matched = filters.qs.filter(Matches(compiled.tsquery)) if text else filters.qs
    if text and not compiled:
        matched = matched.none()
    rows, total, broad = _scope(matched, sort=sort, headlines=filters.qs.filter(Matches(compiled.tsquery, HEAD)))
    ranked = ranking.order(rows, compiled, sort, exact_in=HEAD if broad else "search_vector")
    page = Paginator(ranked, page_size).get_page(min(_number(params.get("page")), MAX_PAGE))
    results = SearchResults(text, sort, parsed, compiled, filters, page, total=total, broad=broad)
    results.hits = _hits(page.object_list, compiled, ranked)
    results.facets = facets.count(rows)
    if text and not total:
        results.suggestions = _suggestions(parsed)
    return results


def _scope(matched, *, sort: str, headlines) -> tuple[list[ranking.Row], int, bool]:
    """(the matches to rank and facet, how many match, whether the query is broad).

    Up to BROAD matches are all of them. Beyond, a broad query ranks the BROAD most recent
    articles that match in their title or lead (`headlines`, on the small vector's own index):
    ranking reads only title and lead, so an article matching in its body alone would rank below
    them all anyway. Sorted by date, the BROAD newest (or oldest) matches. Totals past COUNTED
    are not counted further. Each row is (id, publisher, event, published_at)."""
    columns = ("pk", "publisher_id", "event_id", "published_at")
    rows = list(matched.order_by().values_list(*columns)[: COUNTED + 1])  # the matches and their count, in one read
    total = len(rows)
    if total <= BROAD:
        return rows, total, False
    if sort == "relevance":
        rows = _most_recent(headlines, columns) or rows[:BROAD]
    else:
        rows = _most_recent(matched, columns, oldest=sort == "oldest")
    return rows, total, True


def _most_recent(matches, columns: tuple[str, ...], *, oldest: bool = False) -> list[ranking.Row]:
    """The BROAD most recent (or oldest) matches, without reading every match.

    Sorting all the matches of a broad query means reading every one of them from the table
    (230,000 rows for اليوم at a million articles, 0.3 s). Instead, from the planner's estimate of
    how many articles match, the span of newest articles likely to hold BROAD matches (four
    times that, for safety) is bounded with the date index, and the matches are looked for in it
    alone. If BROAD of them are there, no match outside can come before them; if not, every match
    is read as before. Undated articles sort last, so only the unbounded read reaches them.
    """
    ordered = matches.oldest_first() if oldest else matches.latest_first()
    estimate, archive = _estimated_rows(matches), _estimated_rows(Article.objects.all())
    span = int(archive * SAFETY * BROAD / estimate) if estimate else archive
    if span < archive * MAX_SHARE:
        edge = _date_edge(span, archive, oldest=oldest)
        if edge is not None:  # None: fewer dated articles than that, so no bound
            bounded = ordered.filter(**{"published_at__lte" if oldest else "published_at__gte": edge})
            with _without_date_index_walk():
                found = list(bounded.values_list(*columns)[:BROAD])
            if len(found) >= BROAD:
                return found
    with _without_date_index_walk():
        return list(ordered.values_list(*columns)[:BROAD])


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
HISTOGRAM_SECONDS = 600


def _estimated_rows(queryset) -> int:
    """The planner's estimate of how many rows a query returns (0 when it says nothing)."""
    match = re.search(r"rows=(\d+)", queryset.order_by().values("pk").explain())
    return int(match.group(1)) if match else 0


@contextmanager
def _without_date_index_walk():
    """For "the most recent matches" the planner likes to walk the date index and test article
    after article until enough match: fine for قال, 5 s for غوتيريش at a million articles.
    Collecting the matches from the text index and sorting them is never that slow."""
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_indexscan = off")
        try:
            yield
        finally:
            cursor.execute("SET LOCAL enable_indexscan = on")


def _hits(ids: list[int], compiled: CompiledQuery, ranked: ranking.Ranked) -> list[Hit]:
    fields = [*LISTED_FIELDS, "publisher__name_ar", "publisher__slug"]
    articles = Article.objects.filter(pk__in=ids).select_related("publisher").only(*fields).in_bulk()
    return [_hit(articles[pk], compiled, ranked.exact(pk)) for pk in ids if pk in articles]


def _hit(article: Article, compiled: CompiledQuery, exact: bool) -> Hit:
    lexemes = compiled.lexemes
    return Hit(article, highlight(article.title, lexemes), snippet(article.body, lexemes), exact)


def _suggestions(parsed: ParsedQuery) -> list[str]:
    found = []
    for clause in parsed.clauses:
        for slot in clause.slots:
            if slot:
                found += [s for s in vocabulary.suggestions(slot[0].form) if s not in found]
    return found[:8]


def _number(value) -> int:
    try:
        return max(int(value), 1)
    except (TypeError, ValueError):
        return 1

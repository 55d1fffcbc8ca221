"""Run a search: the one entry point for the search page, the API and the admin.

`run_search(params)` takes the query string parameters (q, filters, sort, page), and returns the
page of hits with highlighted snippets, the total, the facet counts, the spelling variants that
were admitted, and suggestions when nothing matched.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
from django.db import connection, transaction
from django.utils.safestring import SafeString

from articles.filters import ArticleFilter
from articles.models import Article
from articles.search import facets, ranking, recency, vocabulary
from articles.search.compile import CompiledQuery, compile_query
from articles.search.expressions import Matches, Stamp, matching
from articles.search.query import ParsedQuery, parse
from articles.search.snippets import highlight, snippet

PAGE_SIZE = 20
MAX_PAGE = 50  # nobody reads result 1,000; deep pages cost the same ranking again
# A query matching more than this many articles is broad (السعودية, قال): only its most recent
# BROAD matches are ranked and counted in the facets. The total is still exact.
BROAD = 2000
COUNTED = 5_000  # a broad query's total is exact up to here, then "more than"
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
    matched = filters.qs.filter(*matching(compiled)) if text else filters.qs
    if text and not compiled:
        matched = matched.none()
    headlines = filters.qs.filter(Matches(compiled.tsquery, HEAD))
    rows, total, broad = _scope(matched, sort=sort, headlines=headlines, phrases=bool(compiled.loose_tsquery))
    ranked = ranking.order(rows, compiled, sort, exact_in=HEAD if broad else "search_vector")
    page = Paginator(ranked, page_size).get_page(min(_number(params.get("page")), MAX_PAGE))
    results = SearchResults(text, sort, parsed, compiled, filters, page, total=total, broad=broad)
    results.hits = _hits(page.object_list, compiled, ranked)
    results.facets = facets.count(rows)
    if text and not total:
        results.suggestions = _suggestions(parsed)
    return results


def _scope(matched, *, sort: str, headlines, phrases: bool) -> tuple[list[ranking.Row], int, bool]:
    """(the matches to rank and facet, how many match, whether the query is broad).

    Up to BROAD matches are all of them. Beyond, a broad query ranks the BROAD most recent
    articles that match in their title or lead (`headlines`, on the small vector's own index):
    ranking reads only title and lead, so an article matching in its body alone would rank below
    them all anyway. Sorted by date, the BROAD newest (or oldest) matches. Totals past COUNTED
    are not counted further. Each row is (id, publisher, event, publication time in epoch seconds)."""
    columns = ("pk", "publisher_id", "event_id", "stamp")
    matched, headlines = matched.annotate(stamp=Stamp()), headlines.annotate(stamp=Stamp())
    if phrases and sort == "relevance" and headlines.order_by().values("pk")[: COUNTED + 1].count() > COUNTED:
        # A phrase is checked in titles and leads without reading any text's whole vector back from
        # TOAST: when they alone hold more than COUNTED matches, the total is past counting anyway.
        return recency.most_recent(headlines, columns, BROAD), COUNTED + 1, True
    rows = list(matched.order_by().values_list(*columns)[: COUNTED + 1])  # the matches and their count, in one read
    total = len(rows)
    if total <= BROAD:
        return rows, total, False
    if sort == "relevance":
        rows = recency.most_recent(headlines, columns, BROAD) or rows[:BROAD]
    else:
        rows = recency.most_recent(matched, columns, BROAD, oldest=sort == "oldest")
    return rows, total, True


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

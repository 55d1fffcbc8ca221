"""Run a search: the one entry point for the search page, the API and the admin.

`run_search(params)` takes the query string parameters (q, filters, sort, page), and returns the
page of hits with highlighted snippets, the total, the facet counts, the spelling variants that
were admitted, and suggestions when nothing matched.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
from django.utils.safestring import SafeString

from articles.filters import ArticleFilter
from articles.models import Article
from articles.search import facets, vocabulary
from articles.search.compile import CompiledQuery, compile_query
from articles.search.query import ParsedQuery, parse
from articles.search.snippets import highlight, snippet

PAGE_SIZE = 20
MAX_PAGE = 50  # nobody reads result 1,000; deep pages cost the same ranking again
# A query matching more than this many articles is broad (السعودية, ترامب): ranking every match
# costs a detoasted tsvector each, so only the most recent BROAD matches are ranked, and facets
# are counted over them. The total is still exact.
BROAD = 5000
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
    hits: list[Hit] = field(default_factory=list)
    facets: dict[str, list[facets.Count]] = field(default_factory=dict)
    broad: bool = False  # ranked and faceted over the most recent BROAD matches only
    suggestions: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.page.paginator.count

    @property
    def variants(self) -> list[str]:
        return self.compiled.variants


def run_search(params, *, articles=None, page_size: int = PAGE_SIZE) -> SearchResults:
    """Search the public archive (or `articles`) with the request's parameters."""
    text = (params.get("q") or "").strip()
    filters = ArticleFilter(params, queryset=articles if articles is not None else Article.objects.public())
    matched = filters.qs
    parsed = parse(text)
    compiled = compile_query(parsed)
    sort = filters.form.cleaned_data.get("sort") if filters.is_valid() else ""
    if text:
        matched = matched.search(compiled)
    sort = sort or ("relevance" if text else "newest")
    scope, broad = _scope(matched)
    ordered = _ordered(scope if sort == "relevance" else matched, sort if text or sort != "relevance" else "newest")
    paginator = Paginator(
        ordered.select_related("publisher").only(*LISTED_FIELDS, "publisher__name_ar", "publisher__slug"), page_size
    )
    paginator.count = matched.count()
    page = paginator.get_page(min(_number(params.get("page")), MAX_PAGE))
    results = SearchResults(text, sort, parsed, compiled, filters, page, broad=broad)
    results.hits = [_hit(article, compiled) for article in page.object_list]
    results.facets = facets.count(scope)
    if text and not results.total:
        results.suggestions = _suggestions(parsed)
    return results


def _scope(matched):
    """(what to rank and facet, whether the query is broad): the most recent BROAD matches of a
    broad query (those published since the BROAD-th most recent), else every match."""
    if matched.order_by().values("pk")[: BROAD + 1].count() <= BROAD:
        return matched, False
    cutoff = matched.latest_first().values_list("published_at", flat=True)[BROAD - 1 : BROAD].first()
    return (matched.filter(published_at__gte=cutoff), True) if cutoff else (matched, False)


def _ordered(matched, sort: str):
    if sort == "relevance":
        return matched.by_relevance()
    return matched.oldest_first() if sort == "oldest" else matched.latest_first()


def _hit(article: Article, compiled: CompiledQuery) -> Hit:
    lexemes = compiled.lexemes
    return Hit(
        article=article,
        title=highlight(article.title, lexemes),
        snippet=snippet(article.body, lexemes),
        exact=getattr(article, "exact_match", True),
    )


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

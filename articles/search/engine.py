"""Run a search: the one entry point for the search page, the API and the admin.

`run_search(params)` takes the query string parameters (q, filters, sort, page), and returns the
page of hits with highlighted snippets, the total, the facet counts, the spelling variants that
were admitted, and suggestions when nothing matched.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from django.core.paginator import Page, Paginator
from django.db import connection, transaction
from django.utils.safestring import SafeString

from articles.arabic import fold
from articles.filters import ArticleFilter
from articles.models import Article
from articles.search import copies, facets, ranking, recency, vocabulary
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
REACHABLE = MAX_PAGE * PAGE_SIZE  # the results a reader can page to
HEAD = "search_head"
REFUSED = "without_spelling"  # a spelling variant the reader does not want admitted (repeatable)
MAX_REFUSED = 20
LISTED_FIELDS = ["pk", "title", "body", "publisher", "published_at", "date_precision", "url", "visibility"]


@dataclass
class Hit:
    article: Article
    title: SafeString
    snippet: SafeString
    exact: bool
    provenance: str = "original"  # original, republished or wire (facets.provenance_of)
    copies: list[Article] = field(default_factory=list)  # other outlets' copies of this text (copies.fold)


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
    total_is_lower_bound: bool = False  # past COUNTED, or a phrase's body-only matches not checked
    suggestions: list[str] = field(default_factory=list)

    @property
    def past_counting(self) -> bool:
        """Whether more matched than are counted (the page says "more than COUNTED")."""
        return self.total > COUNTED

    @property
    def variants(self) -> list[str]:
        return self.compiled.variants

    @property
    def declined(self) -> list[str]:
        """The variants the query would admit and the reader turned away."""
        return self.compiled.declined


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
    compiled = compile_query(parsed, refused_spellings(params))
    sort = (filters.form.cleaned_data.get("sort") if filters.is_valid() else "") or "relevance"
    if not text and sort == "relevance":
        sort = "newest"  # nothing to be relevant to: browsing the archive
    matched = filters.qs.filter(*matching(compiled)) if text else filters.qs
    if text and not compiled:
        matched = matched.none()
    headlines = filters.qs.filter(Matches(compiled.tsquery, HEAD))
    scope = _scope(matched, sort=sort, headlines=headlines, phrases=bool(compiled.loose_tsquery))
    # A broad query ranked by relevance has only title-and-lead matches as candidates: their
    # exactness is read there, in the row. Otherwise the whole text decides.
    exact_in = HEAD if scope.broad and sort == "relevance" else "search_vector"
    number = min(_number(params.get("page")), MAX_PAGE)
    ranked = ranking.order(scope.rows, compiled, sort, exact_in=exact_in, shown=number * page_size)
    dates = {pk: stamp for pk, _, _, stamp in scope.rows} if sort == "relevance" else None
    shown, copies_of = copies.fold(ranked, number * page_size, dates)
    page = Paginator(ranking.Ranked(shown, ranked.variant_only), page_size).get_page(number)
    results = SearchResults(
        text, sort, parsed, compiled, filters, page, total=scope.total, broad=scope.broad,
        total_is_lower_bound=scope.lower_bound,
    )  # fmt: skip
    # Each match's provenance class, read once: the facet counts them, each hit shows its own.
    classes = facets.provenance_classes([pk for pk, *_ in scope.rows])
    results.hits = _hits(page.object_list, compiled, ranked, classes, copies_of)
    results.facets = facets.count(scope.rows, classes)
    if text and not scope.total:
        results.suggestions = _suggestions(parsed)
    return results


def refused_spellings(params) -> frozenset[str]:
    """The spellings the reader turned away (`without_spelling`, repeatable), folded as variants are."""
    values = params.getlist(REFUSED) if hasattr(params, "getlist") else [params.get(REFUSED) or ""]
    return frozenset(fold(value[:100]) for value in values[:MAX_REFUSED] if value and value.strip())


class Scope(NamedTuple):
    rows: list[ranking.Row]  # the matches to rank and facet: (id, publisher, event, epoch seconds)
    total: int  # how many match (as far as counted)
    broad: bool  # rows are the most recent BROAD matches only
    lower_bound: bool = False  # more may match than `total`


def _scope(matched, *, sort: str, headlines, phrases: bool) -> Scope:
    """The matches to rank and facet, and how many match.

    Up to BROAD matches are all of them. Beyond, a broad query ranks the BROAD most recent
    articles that match in their title or lead (`headlines`, on the small vector's own index):
    ranking reads only title and lead, so an article matching in its body alone would rank below
    them all anyway. Sorted by date, the BROAD newest (or oldest) matches. Totals past COUNTED
    are not counted further.

    A phrase is checked on word positions: in titles and leads from the row, in a body only by
    reading the text's whole vector back from TOAST, some 40 microseconds an article. When titles
    and leads alone fill every page a reader can reach (REACHABLE), the body-only matches, which
    rank below them, are never shown, and they are not checked: the total says "at least" (at a
    million articles, "مجلس التعاون الخليجي" took 110 ms to count to 5,000 this way, 10 ms not).

    So is any query whose titles and leads alone match past COUNTED (the planner's estimate says
    when to count them): its total is past counting whatever the bodies add, and the whole text's
    matches are read only for a sort by date. At a million articles, counting العام's titles and
    leads to 5,000 takes 32 ms, reading 5,000 of its matches from the whole text 80.
    """
    columns = ("pk", "publisher_id", "event_id", "stamp")
    matched, headlines = matched.annotate(stamp=Stamp()), headlines.annotate(stamp=Stamp())
    by_relevance = sort == "relevance"
    if (phrases and by_relevance) or recency.estimated_rows(headlines) > COUNTED:
        in_headlines = headlines.order_by().values("pk")[: COUNTED + 1].count()
        if in_headlines > COUNTED or (phrases and by_relevance and in_headlines > REACHABLE):
            ranked = headlines if by_relevance else matched
            rows = recency.most_recent(ranked, columns, BROAD, oldest=sort == "oldest", in_headlines=by_relevance)
            return Scope(rows, in_headlines, True, lower_bound=True)
    rows = list(matched.order_by().values_list(*columns)[: COUNTED + 1])  # the matches and their count, in one read
    total = len(rows)
    if total <= BROAD:
        return Scope(rows, total, False)
    if sort == "relevance":
        rows = recency.most_recent(headlines, columns, BROAD, in_headlines=True) or rows[:BROAD]
    else:
        rows = recency.most_recent(matched, columns, BROAD, oldest=sort == "oldest")
    return Scope(rows, total, True, lower_bound=total > COUNTED)


def _hits(
    ids: list[int], compiled: CompiledQuery, ranked: ranking.Ranked, classes: dict[int, str], copies_of: dict
) -> list[Hit]:
    fields = [*LISTED_FIELDS, "publisher__name_ar", "publisher__slug"]
    folded = [pk for shown in ids for pk in copies_of.get(shown, ())]
    articles = Article.objects.filter(pk__in=[*ids, *folded]).select_related("publisher").only(*fields).in_bulk()
    hits = []
    for pk in ids:
        if pk in articles:
            hit = _hit(articles[pk], compiled, ranked.exact(pk), classes.get(pk, "original"))
            hit.copies = [articles[copy] for copy in copies_of.get(pk, ()) if copy in articles]
            hits.append(hit)
    return hits


def _hit(article: Article, compiled: CompiledQuery, exact: bool, provenance: str) -> Hit:
    lexemes = compiled.lexemes
    return Hit(article, highlight(article.title, lexemes), snippet(article.body, lexemes), exact, provenance)


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

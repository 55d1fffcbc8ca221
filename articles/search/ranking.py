"""Ordering the matches of a search.

By relevance, an article ranks by, in turn:
1. whether it matches exactly (not only through a spelling variant);
2. coverage: how many of the query's concepts (its words, or phrases) its title and lead hold:
   every one above most above one above none, so a headline with one word of a three-word topic
   never outranks the article whose opening has all three. A name that light stemming cuts into
   another word's stem counts only as written (ميسي, whose stem ميس ميسون shares; كيني, read as
   ك + ين, the yen): compile._clause, vocabulary.is_name;
3. where they are: each concept found in the title counts twice what the lead does, weighted by
   how rare the concept is in the archive (its inverse document frequency), so for «سيول جدة» the
   floods in a headline count for more than the city;
4. where the words are placed alike, whether title or lead has them side by side, as typed
   («العنف ضد المرأة»). Ranked before placement, this put opinion pieces quoting a phrase in their
   lead above the news with the words in its headline (measured on the judged set, events fell
   from 0.94 to 0.90 nDCG@10). Except for a term, every word typed with the article (الأمن
   الغذائي, الرعاية الصحية), or a person's name, a given name first (أحمد الطيب):
   query.ParsedQuery.term. Its words apart in a headline and a lead mean something else (الأمن,
   and غذائي further on), so side by side ranks before placement (judged set, per article: 0.889
   to 0.895 for the first, 11 queries better, 5 worse; 0.888 to 0.889 for names, 3 better). A
   noun construed with definite words (مجلس الأمن الدولي) was tried as a term too: 0.889 to 0.891
   on the queries it was tried on, 0.797 to 0.789 on thirty written after it (held-out-10);
5. how often they occur in title and lead (ts_rank), the forms as typed counting extra. Cover
   density (ts_rank_cd) was tried here: it cost a third of a search at a million articles (20 of
   60 ms) and ranked no better on the judged set (0.916 against 0.918);
6. for an article that has none of the concepts in its title or lead, cover density over the
   whole text, normalised by its length, read only when the reader's page reaches those articles: an article that names the city once in passing comes after
   one about it;
and only then by recency.

Title and lead are read from `search_head`, kept in the row; the whole text's vector comes from
TOAST and is read only for the articles that match in their body alone (and only when a query is
not broad: a broad query's candidates all match in title or lead).
Sorted by date, exact matches still come before matches through a variant, as by relevance: a
wrongly admitted spelling (غلاء/جلاء) never sits among the exact matches.
"""

from __future__ import annotations

import math
import time

from django.db import connection

from articles.models.id_lists import bigint_array
from articles.search.compile import CompiledQuery
from articles.search.expressions import NORMALIZATION, WEIGHTS

Row = tuple[int, int | None, int | None, int | None]  # id, publisher, event, publication time (epoch seconds)
UNDATED = -(2**62)  # sorts before every date
TITLE, LEAD = 2.0, 1.0  # what a concept counts in the title, in the lead
BODY_NORMALIZATION = 1  # ts_rank_cd divides by 1 + log(length) over the whole text


class Ranked(list):
    """Article ids in order; knows which matched only through a spelling variant."""

    def __init__(self, ids, variant_only: set[int] = frozenset()):
        super().__init__(ids)
        self.variant_only = variant_only

    def exact(self, pk: int) -> bool:
        return pk not in self.variant_only


def order(
    rows: list[Row], compiled: CompiledQuery, sort: str, exact_in: str = "search_vector", shown: int | None = None
) -> Ranked:
    """The matches in order. `shown`: how many the reader's page reaches; the articles matching in
    their body alone are ranked among themselves only when the page reaches them."""
    dates = {pk: UNDATED if published is None else published for pk, _, _, published in rows}
    if not compiled:
        return Ranked(sorted(dates, key=lambda pk: (dates[pk], pk), reverse=sort != "oldest"))
    if sort in ("newest", "oldest"):
        variant_only = _variant_only(list(dates), compiled, exact_in)
        newest = sort == "newest"
        key = (
            (lambda pk: (pk in variant_only, -dates[pk], -pk))
            if newest
            else (lambda pk: (pk in variant_only, dates[pk], pk))
        )
        return Ranked(sorted(dates, key=key), variant_only)
    scores, variant_only = _scores(list(dates), compiled, exact_in, shown)
    ranked = sorted(dates, key=lambda pk: (pk not in variant_only, *scores.get(pk, ()), dates[pk], pk), reverse=True)
    return Ranked(ranked, variant_only)


def _exactly(compiled: CompiledQuery, exact_in: str) -> tuple[str, list]:
    """(SQL condition, parameters): the article matches without a spelling variant, in `exact_in`."""
    if compiled.exact_tsquery == compiled.tsquery:
        return "true", []
    return f"{exact_in} @@ %s::tsquery", [compiled.exact_tsquery]


def _variant_only(ids: list[int], compiled: CompiledQuery, exact_in: str) -> set[int]:
    exact, params = _exactly(compiled, exact_in)
    if exact == "true" or not ids:
        return set()
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT id FROM articles_article WHERE id = ANY(%s::bigint[]) AND NOT ({exact})",
            [bigint_array(ids), *params],
        )
        return {pk for (pk,) in cursor.fetchall()}


def _scores(
    ids: list[int], compiled: CompiledQuery, exact_in: str, shown: int | None = None
) -> tuple[dict[int, tuple], set[int]]:
    """(the sort key of each article after exactness, the articles matching only through a variant)."""
    concepts = compiled.concepts or [(compiled.unheld(compiled.tsquery), ())]
    query = compiled.ranked_tsquery
    exact, exact_params = _exactly(compiled, exact_in)
    places, place_params = [], []
    for tsquery, _ in concepts:
        # ts_rank with one field's weight is above 0 when the concept is there: read in place, where
        # ts_filter would copy the vector twice a concept (a third of the ranking's time). A held
        # word (compile._held) must be there as the query searches it, not as another word's tail.
        held = compiled.held_in(tsquery)
        there, there_params = ("", []) if held == tsquery else (" AND search_head @@ %s::tsquery", [held])
        places += [
            f"ts_rank('{{0, 0, 0, 1}}', search_head, %s::tsquery) > 0{there}",
            f"ts_rank('{{0, 0, 1, 0}}', search_head, %s::tsquery) > 0{there}",
        ]
        place_params += [tsquery, *there_params, tsquery, *there_params]
    together, together_params = "false", []
    if compiled.together_tsquery:
        together, together_params = "search_head @@ %s::tsquery", [compiled.together_tsquery]
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT id, {exact}, {together}, ts_rank(%s, search_head, %s::tsquery, %s), "
            f"{', '.join(places)} FROM articles_article WHERE id = ANY(%s::bigint[])",
            [*exact_params, *together_params, WEIGHTS, query, NORMALIZATION, *place_params, bigint_array(ids)],
        )
        rows = cursor.fetchall()
    weights = _rarity([forms for _, forms in concepts])
    scores, variant_only = {}, set()
    for pk, is_exact, side_by_side, head, *found in rows:
        if not is_exact:
            variant_only.add(pk)
        in_title, in_lead = found[0::2], found[1::2]
        coverage = sum(1 for t, lead in zip(in_title, in_lead, strict=True) if t or lead)
        placed = round(
            sum(w * (TITLE * t + LEAD * lead) for w, t, lead in zip(weights, in_title, in_lead, strict=True)), 6
        )
        scores[pk] = (
            (coverage, side_by_side, placed, head, 0.0)
            if compiled.term
            else (coverage, placed, side_by_side, head, 0.0)
        )
    body_only = [pk for pk, key in scores.items() if not key[0]]
    exact_in_head = sum(1 for pk, key in scores.items() if key[0] and pk not in variant_only)
    # The body-only matches follow every exact match in title or lead: when those fill the pages the
    # reader reaches, their order among themselves is never seen, and their vectors are not read.
    # (A broad query's candidates all match in title or lead.)
    if body_only and exact_in == "search_vector" and (shown is None or exact_in_head < shown):
        for pk, rank in _body_ranks(body_only, query).items():
            scores[pk] = (*scores[pk][:4], rank)
    return scores, variant_only


def _body_ranks(ids: list[int], query: str) -> dict[int, float]:
    """Cover density over the whole text, normalised by its length: read from TOAST, some 40
    microseconds an article."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT id, ts_rank_cd(%s, search_vector, %s::tsquery, %s) FROM articles_article "
            "WHERE id = ANY(%s::bigint[])",
            [WEIGHTS, query, BODY_NORMALIZATION, bigint_array(ids)],
        )
        return dict(cursor.fetchall())


def _rarity(concepts: list[tuple[str, ...]]) -> list[float]:
    """Each concept's inverse document frequency, from the vocabulary's article counts of the forms
    it was typed as (a phrase is as rare as its rarest word); 1 for all when counts are missing."""
    from articles.search import vocabulary

    forms = sorted({form for concept in concepts for form in concept})
    counts = vocabulary.article_counts(forms) if forms else {}
    archive = max(_archive_size(), 1)
    weights = []
    for concept in concepts:
        found = [counts[form] for form in concept if counts.get(form)]
        articles = min(found) if found else 0
        weights.append(math.log(1 + archive / (articles + 1)) if articles else 1.0)
    return weights


def _archive_size() -> int:
    """The planner's count of articles, kept for a few minutes per database: rarity needs its
    order of magnitude, not a round trip every search."""
    database = connection.settings_dict["NAME"]
    until, size = _sizes.get(database, (0.0, 1))
    if until < time.monotonic():
        with connection.cursor() as cursor:
            cursor.execute("SELECT reltuples::bigint FROM pg_class WHERE oid = 'articles_article'::regclass")
            row = cursor.fetchone()
        size = int(row[0]) if row and row[0] and row[0] > 0 else 1
        _sizes[database] = (time.monotonic() + SIZE_SECONDS, size)
    return size


SIZE_SECONDS = 600
_sizes: dict[str, tuple[float, int]] = {}

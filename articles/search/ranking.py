"""Ordering the matches of a search: exact before variant, then rank, then recency.

Rank is ts_rank over `search_head` (title and lead, kept in the row), so thousands of matches
are ranked without reading a single full tsvector back from TOAST; a word met only in the body
ranks after title and lead matches, and among those recency decides.
"""

from __future__ import annotations

from django.db import connection

from articles.models.id_lists import bigint_array
from articles.search.compile import CompiledQuery
from articles.search.expressions import NORMALIZATION, WEIGHTS

Row = tuple[int, int | None, int | None, int | None]  # id, publisher, event, publication time (epoch seconds)
UNDATED = -(2**62)  # sorts before every date


class Ranked(list):
    """Article ids in order; knows which matched only through a spelling variant."""

    def __init__(self, ids, variant_only: set[int] = frozenset()):
        super().__init__(ids)
        self.variant_only = variant_only

    def exact(self, pk: int) -> bool:
        return pk not in self.variant_only


def order(rows: list[Row], compiled: CompiledQuery, sort: str, exact_in: str = "search_vector") -> Ranked:
    dates = {pk: UNDATED if published is None else published for pk, _, _, published in rows}
    if sort == "oldest":
        return Ranked(sorted(dates, key=lambda pk: (dates[pk], pk)))
    if sort == "newest" or not compiled:
        return Ranked(sorted(dates, key=lambda pk: (dates[pk], pk), reverse=True))
    ranks, variant_only = _scores(list(dates), compiled, exact_in)
    ranked = Ranked(
        sorted(dates, key=lambda pk: (pk not in variant_only, ranks.get(pk, 0), dates[pk], pk), reverse=True)
    )
    ranked.variant_only = variant_only
    return ranked


def _scores(ids: list[int], compiled: CompiledQuery, exact_in: str) -> tuple[dict[int, float], set[int]]:
    """(rank of each article, the articles that match only through a variant in `exact_in`), in one read."""
    query = f"({compiled.tsquery}) | {compiled.forms_tsquery}" if compiled.forms_tsquery else compiled.tsquery
    if compiled.exact_tsquery == compiled.tsquery:
        exact, exact_params = "true", []
    else:
        exact, exact_params = f"{exact_in} @@ %s::tsquery", [compiled.exact_tsquery]
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT id, ts_rank(%s, search_head, %s::tsquery, %s), {exact} FROM articles_article WHERE id = ANY(%s::bigint[])",
            [WEIGHTS, query, NORMALIZATION, *exact_params, bigint_array(ids)],
        )
        rows = cursor.fetchall()
    return {pk: rank for pk, rank, _ in rows}, {pk for pk, _, is_exact in rows if not is_exact}

"""tsquery literals, matching and ranking as Django expressions."""

from django.contrib.postgres.search import SearchQueryField
from django.db.models import BigIntegerField, BooleanField, Case, F, FloatField, Func, Value, When

# ts_rank weights for D, C, B (lead), A (title). Ranking reads `search_head` (title and lead):
# a word met only in the body ranks below both, and such matches fall back on recency.
WEIGHTS = "{0.05, 0.2, 0.4, 1.0}"
NORMALIZATION = 0


class TsQuery(Func):
    """A tsquery written by articles.search.compile, cast as is (never re-parsed)."""

    template = "%(expressions)s::tsquery"
    output_field = SearchQueryField()

    def __init__(self, text: str):
        super().__init__(Value(text))


class Matches(Func):
    template = "%(expressions)s"
    arg_joiner = " @@ "
    output_field = BooleanField()

    def __init__(self, query: str, vector: str = "search_vector"):
        super().__init__(F(vector), TsQuery(query))


def matching(compiled) -> list:
    """The conditions for an article to match a compiled query (articles.search.compile).

    A phrase is checked on word positions, which the text index does not hold: each article that
    has the words is read back, and the whole text's vector comes from TOAST (five page reads).
    So a query with phrases finds the articles with its words through the index, then checks the
    phrase on the title-and-lead vector, kept in the row, and on the whole vector only where that
    fails. Exact: the title-and-lead vector holds the whole vector's words at the same positions,
    so a query without exclusions that matches it matches the whole vector.
    """
    if not compiled.loose_tsquery:
        return [Matches(compiled.tsquery)]
    in_head = When(Matches(compiled.tsquery, "search_head"), then=Value(True))
    # CASE, not OR: the planner would read an OR of two indexed conditions through both indexes.
    checked = Case(in_head, default=Matches(compiled.tsquery), output_field=BooleanField())
    return [Matches(compiled.loose_tsquery), checked]


class Rank(Func):
    function = "ts_rank"
    output_field = FloatField()

    def __init__(self, query: str):
        super().__init__(Value(WEIGHTS), F("search_head"), TsQuery(query), Value(NORMALIZATION))


class Stamp(Func):
    """Publication time as whole seconds since 1970 (UTC): thousands of match rows are read per
    search, and decoding an integer costs a fraction of decoding a timestamp (14 against 26 ms
    for 5,000 rows)."""

    template = "extract(epoch FROM %(expressions)s)::bigint"
    output_field = BigIntegerField()

    def __init__(self):
        super().__init__(F("published_at"))

    def get_db_converters(self, connection):
        # The driver already returns an int: Django's int() on each of 7,000 rows cost 8 ms a search.
        return []

"""Long lists of ids in queries, as one array literal instead of a placeholder per id.

Tracing an ingest batch asks for the articles, events and pairs of thousands of ids at a time.
Django writes `pk__in=ids` as one placeholder per id and psycopg then quotes each one: about
4 µs an id, a tenth of the events' time at ingest. `pk__in=any_of(ids)` sends the ids as one
text literal, which PostgreSQL reads as an array and counts for its plan.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models.expressions import RawSQL


def bigint_array(ids: Iterable[int]) -> str:
    """Integers as the text of a PostgreSQL array: '{1,2,3}'."""
    return "{" + ",".join(map(str, map(int, ids))) + "}"


def any_of(ids: Iterable[int]) -> RawSQL:
    """For `field__in=`: the given ids, as a subquery over one array."""
    return RawSQL("SELECT unnest(%s::bigint[])", [bigint_array(ids)])

"""Copies of one text, folded into one result.

A wire item or a rewrite copied by an aggregator and a content farm is one text in three outlets:
listed as three results, it fills a page with what a reader has already read (on the judged
queries, 58 of the top-10 slots of 31 queries were copies of a result above them; for «محمد بن
نايف», seven copies of one article about someone else). Each text is one result, at the place of
its best-ranked copy, and names the outlets that carry it too, with their dates, so the chain of
copies stays one click away. By relevance, the result shown is the text's first report (the
origin, as a reader of this archive wants it; the copies may rank a little above it on a
headline's wording); sorted by date, the first in that order.

Two articles are one text when each holds most of the other (provenance's SharedText, both shares
at least SAME_TEXT): a rewrite that keeps a passage, or a round-up that quotes one item, is
another article and stays a result of its own. A copy of a copy is folded under the same first.
"""

from __future__ import annotations

from django.db import connection

from articles.models.id_lists import bigint_array

SAME_TEXT = 0.7  # each of the two texts holds this share of the other


def fold(ids: list[int], reach: int, dates: dict[int, int] | None = None) -> tuple[list[int], dict[int, list[int]]]:
    """(the ids with copies left out, up to `reach` kept, the rest as they were; each kept id's
    copies, in the order they ranked). Only as far down as a reader's page reaches is folded.
    With `dates` (epoch seconds, None when undated), each text is shown by its first report."""
    window = max(reach * 2, reach + 20)
    while True:
        kept, copies = _fold(ids[:window])
        if len(kept) >= reach or window >= len(ids):
            break
        window *= 2
    if dates is not None:
        kept, copies = _first_reports(kept, copies, dates)
    return kept + ids[window:], copies


def _first_reports(kept: list[int], copies: dict[int, list[int]], dates: dict) -> tuple[list[int], dict]:
    """Each text shown by its earliest dated copy, in the place of its best-ranked one."""
    shown, folded = [], {}
    for pk in kept:
        text = [pk, *copies.get(pk, ())]
        first = min(text, key=lambda x: (dates.get(x) is None, dates.get(x) or 0, x))
        shown.append(first)
        if len(text) > 1:
            folded[first] = [x for x in text if x != first]
    return shown, folded


def _fold(ids: list[int]) -> tuple[list[int], dict[int, list[int]]]:
    same = same_text(ids)
    first_of: dict[int, int] = {}  # an id, and the first result of its text
    kept, copies, place = [], {}, {}
    for pk in ids:
        earlier = [first_of[other] for other in same.get(pk, ()) if other in first_of]
        if earlier:
            first = min(earlier, key=place.__getitem__)
            first_of[pk] = first
            copies.setdefault(first, []).append(pk)
        else:
            first_of[pk] = pk
            place[pk] = len(kept)
            kept.append(pk)
    return kept, copies


def same_text(ids: list[int]) -> dict[int, set[int]]:
    """For each of the given articles, those among them that are the same text (SAME_TEXT each way)."""
    if len(ids) < 2:
        return {}
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT first_id, second_id FROM articles_sharedtext WHERE first_id = ANY(%s::bigint[]) "
            "AND second_id = ANY(%s::bigint[]) AND first_in_second >= %s AND second_in_first >= %s",
            [bigint_array(ids), bigint_array(ids), SAME_TEXT, SAME_TEXT],
        )
        same: dict[int, set[int]] = {}
        for a, b in cursor.fetchall():
            same.setdefault(a, set()).add(b)
            same.setdefault(b, set()).add(a)
    return same

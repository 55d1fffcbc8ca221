"""Finding text shared across outlets, without comparing every pair of articles.

Candidates come from the fingerprint table: two articles are compared only if they share at
least MIN_SAMPLES sampled shingles that are rare in the archive (in at most MAX_DF articles, so
boilerplate such as «وكالة الأنباء السعودية» never pairs everything with everything). The cost
per article is a few index probes, whatever the archive's size. Candidates are then measured
precisely: the share of each text found in the other (containment) over all their shingles, and
the longest shared passage. A pair is kept when at least THRESHOLD of one of the two texts is
found in the other, in at least MIN_SHARED shingles, or, below half, in at least MIN_PASSAGE
shingles. The threshold is low because a rewrite keeps passages, not the whole: seed 000 (a
content farm's adaptation) keeps a quarter of Asharq's report word for word, with the country
spelled differently; unrelated stories on the same subject share under 5%. MIN_PASSAGE keeps
out short articles that share only a formula (a cable of congratulation, a weather intro).
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator

from django.db import connection, transaction

from articles.models.id_lists import any_of, bigint_array
from articles.provenance.shingles import Shingled, fingerprints, fingerprints_of

THRESHOLD = 0.2
MIN_SHARED = 15
STRONG = 0.5
MIN_PASSAGE = 40
MIN_SAMPLES = 3
MAX_DF = 100
CHUNK = 1000

# One index probe per distinct hash lists its articles (up to MAX_DF + 1, to tell a rare hash
# from boilerplate); most hashes list only the new article itself and drop out at once.
CANDIDATES_FOR = f"""
WITH mine AS (SELECT * FROM unnest(%s::bigint[], %s::bigint[]) AS m(article_id, hash)),
rare AS (
    SELECT h.hash, listed.ids FROM (SELECT DISTINCT hash FROM mine) h
    CROSS JOIN LATERAL (
        SELECT array_agg(f.article_id) AS ids
        FROM (SELECT article_id FROM articles_fingerprint f WHERE f.hash = h.hash LIMIT {MAX_DF + 1}) f
    ) listed
    WHERE cardinality(listed.ids) BETWEEN 2 AND {MAX_DF}
)
SELECT m.article_id, other FROM mine m JOIN rare USING (hash) CROSS JOIN LATERAL unnest(rare.ids) other
WHERE other <> m.article_id GROUP BY 1, 2 HAVING count(*) >= {MIN_SAMPLES}
"""

# Each rare hash lists its articles once; pairs are counted from those short lists (at most
# MAX_DF² / 2 per hash), which the planner cannot get wrong the way it can a self-join.
ALL_CANDIDATES = f"""
WITH rare AS MATERIALIZED (
    SELECT array_agg(article_id ORDER BY article_id) AS ids FROM articles_fingerprint
    GROUP BY hash HAVING count(*) BETWEEN 2 AND {MAX_DF}
)
SELECT a, b FROM rare, unnest(ids) a, unnest(ids) b WHERE a < b GROUP BY 1, 2 HAVING count(*) >= {MIN_SAMPLES}
"""


def find_shared_text(ids: Iterable[int]) -> set[int]:
    """Fingerprint the given (new or changed) articles and store the text they share with others.

    Returns the ids of every article in a pair found, so their provenance can be linked again.
    """
    from articles.models import Article

    ids = list(ids)
    texts = dict(Article.objects.filter(pk__in=any_of(ids)).values_list("pk", "body"))
    found = {pk: fingerprints_of(Shingled.of(body).words) for pk, body in texts.items()}
    pairs: set[tuple[int, int]] = set()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM articles_fingerprint WHERE article_id = ANY(%s)", [list(texts)])
        article_ids = bigint_array(pk for pk, hashes in found.items() for _ in hashes)
        hashes = bigint_array(h for values in found.values() for h in values)
        cursor.execute(
            "INSERT INTO articles_fingerprint (article_id, hash) SELECT * FROM unnest(%s::bigint[], %s::bigint[]) ON CONFLICT DO NOTHING",
            [article_ids, hashes],
        )
        cursor.execute(CANDIDATES_FOR, [article_ids, hashes])
        pairs = {(min(a, b), max(a, b)) for a, b in cursor.fetchall()}
    _forget(texts)
    return _store(pairs)


def rebuild_shared_text(steps=None) -> tuple[int, int]:
    """Fingerprint the whole archive again and find every shared text; (articles, pairs).
    `steps` (articles.management.progress.Steps) shows the progress of each step."""
    from articles.models import Article, SharedText

    fingerprinted = steps.step("fingerprints", Article.objects.count()) if steps else None
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # TRUNCATE refuses pending foreign key checks
        cursor.execute("TRUNCATE articles_fingerprint")
        # Loading without the primary key and building it once is several times faster.
        cursor.execute("ALTER TABLE articles_fingerprint DROP CONSTRAINT articles_fingerprint_pkey")
        count = copy_fingerprints(
            cursor, Article.objects.values_list("pk", "body").iterator(chunk_size=2000), fingerprinted
        )
        cursor.execute(
            "ALTER TABLE articles_fingerprint ADD CONSTRAINT articles_fingerprint_pkey PRIMARY KEY (hash, article_id)"
        )
        cursor.execute("ANALYZE articles_fingerprint")
        cursor.execute(ALL_CANDIDATES)
        pairs = {(a, b) for a, b in cursor.fetchall()}
    SharedText.objects.all().delete()
    _store(pairs, steps.step("candidate pairs measured", len(pairs)) if steps else None)
    return count, SharedText.objects.count()


def copy_fingerprints(cursor, rows: Iterator[tuple[int, str]], progress=None) -> int:
    """Store the fingerprints of (id, body) rows with COPY; the number of rows."""
    count, buffer = 0, io.StringIO()
    for pk, body in rows:
        count += 1
        if progress and count % 1000 == 0:
            progress(1000)
        buffer.writelines(f"{h}\t{pk}\n" for h in fingerprints(body))
        if buffer.tell() > 8_000_000:
            _copy(cursor, buffer)
            buffer = io.StringIO()
    _copy(cursor, buffer)
    if progress and count % 1000:
        progress(count % 1000)
    return count


def _copy(cursor, buffer: io.StringIO) -> None:
    with cursor.copy("COPY articles_fingerprint (hash, article_id) FROM STDIN") as copy:
        copy.write(buffer.getvalue())


def _forget(texts: dict[int, str]) -> None:
    """Pairs of changed articles are measured again from scratch."""
    from django.db.models import Q

    from articles.models import SharedText

    SharedText.objects.filter(Q(first__in=list(texts)) | Q(second__in=list(texts))).delete()


def _store(pairs: set[tuple[int, int]], progress=None) -> set[int]:
    """Measure candidate pairs precisely and save those above the threshold; the ids involved."""
    from articles.models import Article, SharedText

    touched: set[int] = set()
    ordered = sorted(pairs)
    for start in range(0, len(ordered), CHUNK):
        chunk = ordered[start : start + CHUNK]
        ids = {pk for pair in chunk for pk in pair}
        rows = Article.objects.filter(pk__in=any_of(ids)).values_list("pk", "body", "publisher_id")
        texts = {pk: (Shingled.of(body), publisher) for pk, body, publisher in rows}
        found = [_measure(a, b, texts) for a, b in chunk if a in texts and b in texts]
        found = [pair for pair in found if pair]
        SharedText.objects.bulk_create(found, ignore_conflicts=True)
        touched |= {pk for pair in found for pk in (pair.first_id, pair.second_id)}
        if progress:
            progress(len(chunk))
    return touched


def is_shared_text(containment: float, shared: int) -> bool:
    """Enough of one text in the other, in enough words, to call it shared text."""
    if containment >= STRONG:
        return shared >= MIN_SHARED
    return containment >= THRESHOLD and shared >= MIN_PASSAGE


def _measure(a: int, b: int, texts: dict) -> object | None:
    from articles.models import SharedText

    (first, first_publisher), (second, second_publisher) = texts[a], texts[b]
    if first_publisher is not None and first_publisher == second_publisher:
        return None  # an outlet repeating itself is not republication
    first_in_second, second_in_first = first.contained_in(second), second.contained_in(first)
    shared = len(first.shingles & second.shingles)
    if not is_shared_text(max(first_in_second, second_in_first), shared):
        return None
    start, end = first.longest_shared_run(second)
    return SharedText(
        first_id=a,
        second_id=b,
        first_in_second=round(first_in_second, 4),
        second_in_first=round(second_in_first, 4),
        shared_shingles=shared,
        passage_start=start,
        passage_end=end,
    )

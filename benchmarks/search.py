"""Benchmark: search latency at the corpus scale and at a million articles, and indexing cost.

    make bench-search            (or: .venv/bin/python -m benchmarks.search [--million])

1. The corpus database (benchmarks/corpus_db.py: the 75k corpus, ingested once).
   Indexing cost: the analyzer and vector writing, timed over 5,000 corpus articles.
2. With --million, a database of 1,000,000 articles resampled from it: the corpus copied
   whole 13 times (plus a part), each copy with new ids, URLs and source keys, dates moved back by
   a random 0-3 years, and the raw input left out (search never reads it); the tsvectors are
   copied, then the GIN index built once, and the vocabulary's counts scaled by 13. Then 2,000 of
   its articles are indexed again, to time indexing into a million-article index.

For each scale, typical queries (names, topics, phrases) and broad ones (the commonest words) run
through `run_search` exactly as the search page runs them (ranking, total, snippets, facets) and,
in the same run, as the bare SQL of the match-and-rank step; it prints p50 and p95 of both and
their ratio.
"""

from __future__ import annotations

import importlib
import os
import sys
import time

TYPICAL = [
    "قرغيزستان", "ترامب", "بوتين", "ماكرون", "خاشقجي", "نتنياهو", "غوتيريش", "رونالدو", "أسعار النفط",
    "موسم الحج", "قيادة المرأة للسيارة", "اللاجئين السوريين", "الأمطار الغزيرة", "حادث مروري",
    '"مجلس التعاون الخليجي"', '"ولي العهد"', '"حقوق الإنسان"', '"كأس العالم"', "بوتين -سوريا",
    "ترامب أو بوتين", "رؤية 2030", "iPhone", "وبوتين", "بِالرِّيَاضِ", "كازخستان", "الاتفاق النووي الإيراني",
    "تهريب المخدرات", "البنك المركزي الأوروبي", "أوبك OPEC", "أرامكو",
]  # fmt: skip
BROAD = ["السعودية", "الرياض", "المملكة", "الرئيس", "الحكومة", "العام", "اليوم", "وزير", "قال", "مليون"]
RUNS = 3
SLOWEST = 4
MILLION = 1_000_000


def timed(function, *args) -> float:
    started = time.perf_counter()
    function(*args)
    return (time.perf_counter() - started) * 1000


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def page_search(query: str) -> None:
    from articles.search.engine import run_search

    results = run_search({"q": query})
    [str(hit.snippet) for hit in results.hits]  # snippets are built when the page is


def raw_sql(query: str) -> None:
    """The same match-and-rank step as hand-written SQL: no variants lookup, snippets or facets."""
    from django.db import connection

    from articles.search.compile import compile_query
    from articles.search.expressions import WEIGHTS
    from articles.search.query import parse

    compiled = compile_query(parse(query))
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT id, title FROM articles_article WHERE visibility = 'public' AND search_vector @@ %s::tsquery "
            "ORDER BY ts_rank(%s, search_head, %s::tsquery) DESC, published_at DESC NULLS LAST LIMIT 20",
            [compiled.tsquery, WEIGHTS, compiled.tsquery],
        )
        cursor.fetchall()


def latency(label: str) -> None:
    for name, queries in (("typical", TYPICAL), ("broad", BROAD)):
        for query in queries:  # warm the cache once, as a running site is
            page_search(query)
        page = [timed(page_search, q) for _ in range(RUNS) for q in queries]
        sql = [timed(raw_sql, q) for _ in range(RUNS) for q in queries]
        print(
            f"{label} {name:8} search page p50 {percentile(page, 50):6.1f} ms  p95 {percentile(page, 95):6.1f} ms | "
            f"raw SQL p50 {percentile(sql, 50):6.1f} ms  p95 {percentile(sql, 95):6.1f} ms | "
            f"ratio at p95 {percentile(page, 95) / max(percentile(sql, 95), 0.01):.1f}x",
            flush=True,
        )
        per_query = {q: percentile(page[i :: len(queries)], 50) for i, q in enumerate(queries)}
        slowest = sorted(per_query, key=per_query.get, reverse=True)[:SLOWEST]
        print(f"{label} {name:8} slowest (median): " + ", ".join(f"{q} {per_query[q]:.0f} ms" for q in slowest))


def indexing_cost(limit: int = 5000) -> None:
    """Analysis, vector and vocabulary writing per article, on corpus articles indexed again."""
    from articles.models import Article
    from articles.search.indexing import index_articles

    ids = list(Article.objects.order_by("?").values_list("pk", flat=True)[:limit])
    started = time.perf_counter()
    index_articles(ids)
    seconds = time.perf_counter() - started
    print(f"indexing: {seconds / len(ids) * 1000:.2f} ms per article ({len(ids)} articles re-indexed)", flush=True)


def build_million(source_url: str) -> str:
    """A database of a million articles resampled from the corpus database (built once)."""
    from django.db import connections

    from articles.search.analysis import index_version
    from newsroom import localdb

    name, url = "isnad_million", source_url.replace("/isnad_corpus?", "/isnad_million?")
    if localdb._psql(f"SELECT 1 FROM pg_database WHERE datname = '{name}'"):
        migrate(url)  # a database built by an earlier version gets the indexes added since
        complete = int(localdb._psql("SELECT count(*) FROM articles_article", database=name)) >= MILLION
        # Vectors copied from an older analyzer would not match the queries analysed by this one.
        stale = localdb._psql(
            f"SELECT 1 FROM articles_article WHERE indexed_with <> {index_version()} LIMIT 1", database=name
        )
        if complete and not stale:
            return url
        localdb._psql(f"DROP DATABASE {name}")
    connections.close_all()  # the template database must have no session open
    print("building the 1M-article database (once; about ten minutes)…", flush=True)
    started = time.perf_counter()
    localdb._psql(f"CREATE DATABASE {name} TEMPLATE isnad_corpus")
    for step in RESAMPLE:  # one transaction each: the index cannot be built under pending FK checks
        localdb._psql(step, database=name)
    print(f"  built in {time.perf_counter() - started:.0f} s", flush=True)
    return url


DATED_HEADLINES = importlib.import_module("articles.migrations.0023_headlines_in_date_order")
RESAMPLE = [
    "DROP INDEX article_search",
    f"DROP INDEX IF EXISTS {DATED_HEADLINES.INDEX}",
    f"""INSERT INTO articles_article (
        publisher_id, title, body, byline, dateline, section, captions, url, source_key, external_id,
        published_at, date_precision, crawled_at, source_text, visibility, event_id, ingest_run_id,
        raw, raw_format, raw_encoding, content_hash, source_name, search_vector, search_head, indexed_with,
        event_signature, ingested_at, updated_at)
    SELECT publisher_id, title, body, byline, dateline, section, captions,
        CASE WHEN url IS NULL THEN NULL ELSE left(url, 1980) || '#copy-' || copy END,
        md5(source_key || '-' || copy) || md5(source_key), left(external_id, 480) || '#copy-' || copy,
        published_at - make_interval(days => (random() * 1100)::int), date_precision, crawled_at, '',
        visibility, NULL, NULL, '', raw_format, raw_encoding, content_hash, source_name,
        search_vector, search_head, indexed_with, event_signature, now(), now()
    FROM articles_article, generate_series(1, 14) AS copy
    LIMIT {MILLION} - (SELECT count(*) FROM articles_article)""",
    "SET maintenance_work_mem = '1GB'; CREATE INDEX article_search ON articles_article USING gin (search_vector)",
    # Built again where the corpus database has it (its RUM extension is installed).
    "SET maintenance_work_mem = '1GB'; DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'rum') "
    f"THEN EXECUTE $create${DATED_HEADLINES.CREATE}$create$; END IF; END $$",
    "UPDATE articles_searchterm SET article_count = article_count * 13, definite_count = definite_count * 13, "
    "written_count = written_count * 13, with_article_count = with_article_count * 13",
    "VACUUM ANALYZE articles_article",
]


def migrate(url: str) -> None:
    import subprocess

    from benchmarks.corpus_db import ROOT, django_env

    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--no-input", "-v0"], env=django_env(url), check=True, cwd=ROOT
    )


def use_database(url: str) -> None:
    from django.db import connections

    connections["default"].close()
    import dj_database_url

    connections["default"].settings_dict.update(dj_database_url.parse(url))


def main() -> int:
    from benchmarks.corpus_db import CORPUS, corpus_database

    if not CORPUS.exists():
        print(f"skipped: {CORPUS} is absent (the corpus lives in ../shared/corpus)")
        return 0
    url = corpus_database()
    os.environ.update({"DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "newsroom.settings", "DJANGO_DEBUG": "0"})
    os.environ.setdefault("DJANGO_SECRET_KEY", "s" * 50)
    os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "localhost")
    import django

    django.setup()
    from articles.models import Article, SpellingPair

    print(f"corpus scale: {Article.objects.count()} articles", flush=True)
    latency("75k")
    indexing_cost()
    if "--million" in sys.argv:
        spellings = list(SpellingPair.objects.values_list("form", "other", "status", "copies", "usage", "listed"))
        use_database(build_million(url))
        # The million's words are the corpus's: it searches with the spelling table learned there.
        SpellingPair.objects.all().delete()
        SpellingPair.objects.bulk_create(
            SpellingPair(form=f, other=o, status=s, copies=c, usage=u, listed=n) for f, o, s, c, u, n in spellings
        )
        print(f"million scale: {Article.objects.count()} articles, {len(spellings)} spelling pairs", flush=True)
        latency("1M ")
        indexing_cost(2000)
    return 0


if __name__ == "__main__":
    sys.exit(main())

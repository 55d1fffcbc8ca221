"""Benchmark: the provenance page at the corpus scale, and rebuilding all provenance.

    make bench-provenance        (or: .venv/bin/python -m benchmarks.provenance [--rebuild])

On the corpus database (benchmarks/corpus_db.py), the public provenance page is requested through
Django's test client (the whole view: queries, chain, copies with their passages, template) for
500 random articles and for the 100 articles with the most copies, the worst case; it prints p50,
p95 and the maximum, and the SQL queries per page. The same for the JSON API. With --rebuild it
first times `manage.py rebuild_provenance` (fingerprints, candidates, measures, links) under
/usr/bin/time.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = 500
WORST = 100


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def pages(client, ids: list[int], url: str) -> tuple[list[float], list[int]]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    times, queries = [], []
    for pk in ids:
        connection.queries_log.clear()
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(url.format(pk=pk), secure=True)
            times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (pk, response.status_code)
        queries.append(len(captured))
    return times, queries


def report(label: str, times: list[float], queries: list[int]) -> None:
    print(f"{label:38} p50 {percentile(times, .5):6.1f} ms  p95 {percentile(times, .95):6.1f} ms  "
          f"max {max(times):6.1f} ms  queries {min(queries)}-{max(queries)}")  # fmt: skip


def main() -> int:
    from benchmarks.corpus_db import CORPUS, corpus_database, django_env

    if not CORPUS.exists():
        print(f"skipped: {CORPUS} is absent (the corpus lives in ../shared/corpus)")
        return 0
    url = corpus_database()
    if "--rebuild" in sys.argv:
        cmd = [sys.executable, "manage.py", "rebuild_provenance"]
        wrapper = ["/usr/bin/time", "-f", "rebuild_provenance: %e s wall, peak memory %M KB"]
        started = time.perf_counter()
        subprocess.run(
            wrapper + cmd if Path("/usr/bin/time").exists() else cmd, env=django_env(url), cwd=ROOT, check=True
        )
        print(f"rebuild_provenance: {time.perf_counter() - started:.1f} s")
    # Production settings, so hashed static files as in production.
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"], env=django_env(url), cwd=ROOT, check=True
    )
    os.environ.update(django_env(url) | {"DJANGO_SETTINGS_MODULE": "newsroom.settings"})
    import django

    django.setup()
    from django.db.models import Count
    from django.test import Client

    from articles.models import Article, SharedText

    if not SharedText.objects.exists():
        print("no shared text yet: run with --rebuild")
        return 1
    ids = list(Article.objects.public().values_list("pk", flat=True))
    sample = random.Random(11).sample(ids, SAMPLE)
    firsts = SharedText.objects.values("first").annotate(n=Count("pk")).order_by("-n")[:WORST]
    worst = [row["first"] for row in firsts]
    print(f"{len(ids)} public articles, {SharedText.objects.count()} shared-text pairs")
    client = Client(HTTP_HOST="localhost")
    pages(client, sample[:20], "/articles/{pk}/provenance/")  # warm up connections and templates
    report("provenance page, random articles", *pages(client, sample, "/articles/{pk}/provenance/"))
    report("provenance page, most-copied articles", *pages(client, worst, "/articles/{pk}/provenance/"))
    report("provenance API, random articles", *pages(client, sample, "/api/articles/{pk}/provenance"))
    report("article page (with its summary), random", *pages(client, sample, "/articles/{pk}/"))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Benchmark: what reading attributions costs in parsing corpus articles.

    make bench-attributions   (or: .venv/bin/python -m benchmarks.attributions [N] [CORPUS])

Parses the first N corpus records (default 5,000) as `ingest --dry-run` does, nothing written,
and times the attribution reader's entry points (notes, reporting in the story, agency codes,
photo credits) inside that parse. Prints the time per article of each and their share of the
whole parse. The parse is a part of ingest, which also saves, indexes and traces: the share of
ingest time is smaller still (compare with `make bench-ingest`).
"""

from __future__ import annotations

import io
import itertools
import lzma
import os
import sys
import time
from collections import Counter
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "arabic-news-75k.jsonl.xz"
TIMED = ("is_disclaimer", "disclaimer_attributions", "inline_attributions", "agency_codes", "photo_credit")


def main() -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    os.environ.setdefault("DJANGO_DEBUG", "1")
    import django

    django.setup()
    from articles.ingest import Overrides
    from articles.ingest import attributions as reader
    from articles.ingest.inputs import Input
    from articles.ingest.service import dry_run_report

    count = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    corpus = Path(sys.argv[2]) if len(sys.argv) > 2 else CORPUS
    if not corpus.exists():
        print(f"skipped: {corpus} is absent")
        return 0
    with lzma.open(corpus, "rb") as stream:
        data = b"".join(itertools.islice(stream, count))
    spent: Counter = Counter()

    def timed(name, function):
        def wrapper(*args, **kwargs):
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                spent[name] += time.perf_counter() - started

        return wrapper

    for name in TIMED:
        setattr(reader, name, timed(name, getattr(reader, name)))
    dry_run_report([], "auto", Overrides(), inputs=[Input("sample.jsonl", "jsonl", lambda: io.BytesIO(data))])  # warm
    spent.clear()
    started = time.perf_counter()
    report = dry_run_report([], "auto", Overrides(), inputs=[Input("sample.jsonl", "jsonl", lambda: io.BytesIO(data))])
    total = time.perf_counter() - started
    articles = len(report.drafts)
    found = sum(len(draft.attributions) for draft in report.drafts)
    print(f"{articles} articles parsed in {total:.1f} s ({total / articles * 1000:.2f} ms each), {found} attributions")
    for name in TIMED:
        print(f"  {name:26} {spent[name] / articles * 1000:6.3f} ms/article  {spent[name] / total:6.1%} of the parse")
    reading = sum(spent.values())
    print(
        f"  {'attributions in all':26} {reading / articles * 1000:6.3f} ms/article  {reading / total:6.1%} of the parse"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""How many placeholder outlets ingesting the corpus would create, per 1,000 articles, and which.

    .venv/bin/python -m evaluation.placeholders [--sample N] [--list]

A fixed sample of the corpus (every article whose id hashes into the first N of 75,247, the same
articles each run) is read as a dry run: nothing is written. Each name the gazetteer does not know
and the reader would make an outlet of is counted once (as the resolver would make it once). With
--list the names are printed with the sentence each came from, for a person to judge whether each
is a real outlet.
"""

from __future__ import annotations

import hashlib
import io
import json
import lzma
import os
import sys
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "arabic-news-75k.jsonl.xz"
TOTAL = 75_247


def sample_lines(size: int, corpus: Path = CORPUS) -> list[bytes]:
    """The `size` articles whose id hashes lowest: a sample that does not depend on file order."""
    keyed = []
    with lzma.open(corpus, "rb") as stream:
        for line in stream:
            key = json.loads(line)["id"]
            keyed.append((hashlib.sha256(str(key).encode()).hexdigest(), line))
    keyed.sort()
    return [line for _, line in keyed[:size]]


def placeholders(lines: list[bytes]) -> tuple[dict[str, str], int]:
    """{placeholder name: evidence}, and the number of articles read."""
    from articles.ingest import Overrides
    from articles.ingest.inputs import Input
    from articles.ingest.service import dry_run_report

    data = b"".join(lines)
    report = dry_run_report([], "auto", Overrides(), inputs=[Input("sample.jsonl", "jsonl", lambda: io.BytesIO(data))])
    found: dict[str, str] = {}
    for draft in report.drafts:
        outlets = [(draft.publisher, draft.title)] + [(a.outlet, a.evidence) for a in draft.attributions]
        for outlet, evidence in outlets:
            if outlet is not None and outlet.pk is None and outlet.is_placeholder:
                found.setdefault(outlet.name_ar, evidence[:160])
    return found, len(report.drafts)


def main() -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    os.environ.setdefault("DJANGO_DEBUG", "1")
    import django

    django.setup()
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} is absent")
        return 0
    size = int(sys.argv[sys.argv.index("--sample") + 1]) if "--sample" in sys.argv else 2000
    found, read = placeholders(sample_lines(size))
    if "--list" in sys.argv:
        for name, evidence in sorted(found.items()):
            print(f"{name}\t{evidence}")
    print(json.dumps({"articles": read, "placeholders": len(found),
                      "per_1000_articles": round(1000 * len(found) / max(read, 1), 1)}, ensure_ascii=False))  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())

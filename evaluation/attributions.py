"""Precision and recall of attribution extraction and outlet resolution on labelled corpus articles.

    .venv/bin/python -m evaluation.attributions [CORPUS]

Labels: evaluation/attribution_labels.json (ids and expected attributions; the texts stay in
../shared/corpus). Two scores:
- extraction: an attribution of the right kind was found for a labelled one (outlet ignored);
- resolution: the right kind and the right outlet (a gazetteer outlet, or for 'new:<name>' a
  placeholder outlet of that name, or no outlet for unnamed agencies).
"""

from __future__ import annotations

import io
import json
import lzma
import os
import sys
from collections import Counter
from pathlib import Path

LABELS = Path(__file__).resolve().parent / "attribution_labels.json"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "arabic-news-75k.jsonl.xz"


def predicted(draft) -> list[tuple[str, str | None]]:
    found = []
    for attribution in draft.attributions:
        outlet = attribution.outlet
        if outlet is None and not attribution.unnamed:  # a quoted source the gazetteer does not know, by name
            found.append((str(attribution.kind), f"new:{attribution.name}"))
        elif outlet is None:
            found.append((str(attribution.kind), None))
        elif outlet.is_placeholder:
            found.append((str(attribution.kind), f"new:{outlet.name_ar}"))
        else:
            found.append((str(attribution.kind), outlet.slug))
    return sorted(set(found), key=str)


def same_outlet(expected: str | None, got: str | None) -> bool:
    from articles.arabic import fold

    if expected is None or got is None:
        return expected == got
    if expected.startswith("new:") and got.startswith("new:"):
        # One name, once folded: «الجيش» is not «إذاعة الجيش الإسرائيلي».
        a, b = fold(expected[4:]), fold(got[4:])
        return a == b
    return expected == got


def score(pairs: list[tuple[list, list]]) -> dict:
    """pairs of (expected, predicted) lists of (kind, outlet) per article."""
    totals = Counter()
    for expected, got in pairs:
        totals["expected"] += len(expected)
        totals["predicted"] += len(got)
        kinds_left = Counter(kind for kind, _ in got)
        for kind, _ in expected:
            if kinds_left[kind] > 0:
                kinds_left[kind] -= 1
                totals["kind_matches"] += 1
        unmatched = list(got)
        for kind, outlet in expected:
            hit = next((g for g in unmatched if g[0] == kind and same_outlet(outlet, g[1])), None)
            if hit:
                unmatched.remove(hit)
                totals["outlet_matches"] += 1

    def ratio(a, b):
        return round(totals[a] / totals[b], 3) if totals[b] else 1.0

    return {
        "articles": len(pairs),
        "expected": totals["expected"],
        "predicted": totals["predicted"],
        "extraction_precision": ratio("kind_matches", "predicted"),
        "extraction_recall": ratio("kind_matches", "expected"),
        "resolution_precision": ratio("outlet_matches", "predicted"),
        "resolution_recall": ratio("outlet_matches", "expected"),
    }


def evaluate(corpus: Path = CORPUS) -> tuple[dict, list]:
    from articles.ingest import Overrides
    from articles.ingest.inputs import Input
    from articles.ingest.service import dry_run_report

    labels = json.loads(LABELS.read_text(encoding="utf-8"))["articles"]
    wanted = {item["id"] for item in labels}
    lines = []
    with lzma.open(corpus, "rb") as stream:
        for line in stream:
            if json.loads(line)["id"] in wanted:
                lines.append(line)
    data = b"".join(lines)
    report = dry_run_report([], "auto", Overrides(), inputs=[Input("sample.jsonl", "jsonl", lambda: io.BytesIO(data))])
    by_id = {draft.external_id: draft for draft in report.drafts}
    pairs, mistakes = [], []
    for item in labels:
        expected = [tuple(x) for x in item["expected"]]
        got = predicted(by_id[item["id"]]) if item["id"] in by_id else []
        pairs.append((expected, got))
        if sorted(expected, key=str) != got:
            mistakes.append({"id": item["id"], "expected": expected, "predicted": got})
    return score(pairs), mistakes


def main() -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    os.environ.setdefault("DJANGO_DEBUG", "1")
    import django

    django.setup()
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else CORPUS
    if not corpus.exists():
        print(f"skipped: {corpus} is absent")
        return 0
    scores, mistakes = evaluate(corpus)
    for mistake in mistakes:
        print(f"  {mistake['id'][:60]}: expected {mistake['expected']} got {mistake['predicted']}")
    print(json.dumps(scores, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())

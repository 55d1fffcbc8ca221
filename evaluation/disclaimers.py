"""The disclaimer reader on the team's labelled pages (evaluation/disclaimer_cases.json): precision,
recall and F1 of (kind, outlet) per half, per kind and per class of case.

    .venv/bin/python -m evaluation.disclaimers [--half held_out|development] [--mistakes]

The held-out half was labelled before the reader was changed and is scored once per change (see
the cases' own notes). An outlet is a gazetteer slug, "+name" for a placeholder the reader would
create (its name folded), or None for an unnamed credit. Nothing is written to the database.
"""

from __future__ import annotations

import io
import json
import os
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

CASES = Path(__file__).with_name("disclaimer_cases.json")
CORPUS_LABELS = Path(__file__).with_name("disclaimer_corpus_labels.json")
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "arabic-news-75k.jsonl.xz"


def comparable(name: str) -> str:
    """A name as two spellings of it compare: folded, without quotes, dots, extra spaces, or an
    article in front («الديلي ميل», «ذا تايمز», «The Sun»): whether two spellings of one name make
    one placeholder is tested apart (tests/test_ingest_attributions.py)."""
    from articles.arabic import fold

    words = re.sub(r"[«»\"“”'’.،,:()\-–]", " ", fold(name)).split()
    if words and words[0].lower() in ("ذا", "ذي", "the"):
        words = words[1:]
    if words and words[0].startswith("ال") and len(words[0]) > 4:
        words[0] = words[0][2:]
    return " ".join(words)


def identity(attribution) -> str | None:
    """The outlet an attribution credits: a gazetteer slug, "+name" for an outlet not in the
    gazetteer (a placeholder, or a quoted source kept by name), None for unnamed agencies."""
    outlet = attribution.outlet
    if attribution.unnamed:
        return None
    if outlet is not None and outlet.pk and not outlet.is_placeholder:
        return outlet.slug
    return "+" + comparable(outlet.name_ar if outlet is not None else attribution.name)


def expected_of(case: dict) -> Counter:
    return Counter((kind, "+" + comparable(o[1:]) if o and o.startswith("+") else o) for kind, o in case["expected"])


def predicted_of(case: dict) -> Counter:
    from articles.ingest import Overrides
    from articles.ingest.inputs import Input
    from articles.ingest.service import dry_run_report

    data = case["text"].encode("utf-8")
    report = dry_run_report(
        [], "auto", Overrides(), inputs=[Input(f"{case['id']}.txt", "txt", lambda: io.BytesIO(data))]
    )
    found = Counter()
    for draft in report.drafts:
        found.update((str(a.kind), identity(a)) for a in draft.attributions)
    return found


def corpus_rows() -> list[tuple[dict, Counter, Counter]]:
    """The labelled corpus paragraphs, each read as a record of its article holding it alone."""
    import lzma

    from articles.ingest import Overrides
    from articles.ingest.inputs import Input
    from articles.ingest.service import dry_run_report

    labels = json.loads(CORPUS_LABELS.read_text(encoding="utf-8"))["paragraphs"]
    wanted = {item["id"] for item in labels}
    records = {}
    with lzma.open(CORPUS, "rb") as stream:
        for line in stream:
            record = json.loads(line)
            if record["id"] in wanted:
                records[record["id"]] = record
    rows = []
    for item in labels:
        record = dict(records[item["id"]])
        paragraphs = [p for p in (record["text"] or "").split("\n") if p.strip()]
        # The paragraph alone, under its article's headline (a note alone would be no article).
        record.update(text=paragraphs[item["paragraph"]], byline=None, id=f"{item['id']}#{item['paragraph']}")
        data = json.dumps(record, ensure_ascii=False).encode()
        report = dry_run_report(
            [], "auto", Overrides(), inputs=[Input("p.jsonl", "jsonl", lambda data=data: io.BytesIO(data))]
        )
        found = Counter((str(a.kind), identity(a)) for draft in report.drafts for a in draft.attributions)
        half = "corpus_second" if item.get("set") == "second" else "corpus"
        case = {"id": f"corpus-{item['n']}", "half": half, "class": half}
        rows.append((case, expected_of({"expected": item["expected"]}), found))
    return rows


def score(rows: list[tuple[dict, Counter, Counter]]) -> dict:
    """Micro precision, recall and F1 over (kind, outlet) pairs."""
    tp = sum(sum((expected & predicted).values()) for _, expected, predicted in rows)
    expected = sum(sum(e.values()) for _, e, _ in rows)
    predicted = sum(sum(p.values()) for _, _, p in rows)
    precision = tp / predicted if predicted else 1.0
    recall = tp / expected if expected else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    exact = sum(e == p for _, e, p in rows)
    return {"cases": len(rows), "expected": expected, "predicted": predicted, "correct": tp,
            "precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3),
            "cases_exactly_right": exact}  # fmt: skip


def by_kind(rows) -> dict:
    kinds = sorted({k for _, e, p in rows for k, _ in (e + p)})
    found = {}
    for kind in kinds:
        only = [(c, Counter({k: n for k, n in e.items() if k[0] == kind}), Counter({k: n for k, n in p.items() if k[0] == kind}))
                for c, e, p in rows]  # fmt: skip
        found[kind] = score(only)
    return found


def evaluate(half: str | None = None) -> tuple[dict, list]:
    cases = json.loads(CASES.read_text(encoding="utf-8"))["cases"]
    rows = [(case, expected_of(case), predicted_of(case)) for case in cases if half in (None, case["half"])]
    if half in (None, "corpus", "corpus_second") and CORPUS.exists():
        rows += [row for row in corpus_rows() if half in (None, row[0]["half"])]
    report = {}
    for name in ("held_out", "development", "corpus", "corpus_second"):
        part = [row for row in rows if row[0]["half"] == name]
        if not part:
            continue
        classes = defaultdict(list)
        for row in part:
            classes[row[0]["class"]].append(row)
        report[name] = {
            "all": score(part),
            "by_kind": by_kind(part),
            "by_class": {cls: score(items) for cls, items in sorted(classes.items())},
        }
    mistakes = [
        {"id": c["id"], "half": c["half"], "class": c["class"], "expected": sorted(e.elements(), key=str),
         "predicted": sorted(p.elements(), key=str)}
        for c, e, p in rows if e != p
    ]  # fmt: skip
    return report, mistakes


def main() -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    os.environ.setdefault("DJANGO_DEBUG", "1")
    import django

    django.setup()
    half = sys.argv[sys.argv.index("--half") + 1] if "--half" in sys.argv else None
    report, mistakes = evaluate(half)
    if "--mistakes" in sys.argv:
        for mistake in mistakes:
            print(f"  {mistake['id']} [{mistake['class']}] expected {mistake['expected']} got {mistake['predicted']}")
    for name, part in report.items():
        s = part["all"]
        print(f"{name}: {s['cases']} cases, P {s['precision']} R {s['recall']} F1 {s['f1']} "
              f"({s['correct']} of {s['expected']} expected, {s['predicted']} found; {s['cases_exactly_right']} cases exactly right)")  # fmt: skip
        for label, group in (("kind", part["by_kind"]), ("class", part["by_class"])):
            for key, t in group.items():
                print(
                    f"    {label} {key:26} P {t['precision']:.3f} R {t['recall']:.3f} F1 {t['f1']:.3f}  ({t['expected']} expected)"
                )
    print(json.dumps({name: part["all"] for name, part in report.items()}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Events as a reader meets them: pairs of articles drawn from the events as they fall, read by a
person, one story or two.

    .venv/bin/python -m evaluation.event_pairs                    (score the judged samples)
    .venv/bin/python -m evaluation.event_pairs --draw N SEED      (print N new pairs to judge)

The labelled events (evaluation/events.py) are pooled around seed articles, so a large event
weighs there as one label among many; for a reader it weighs as its pairs do: an event of 30
articles holds 435 pairs, and a wrong member in it is read 29 times. Here each pair is drawn by
first drawing an event with a weight of its number of pairs, then two of its articles: every pair
of articles that share an event is equally likely. A sample drawn from one grouping gives that
grouping's pairwise precision as a reader meets it (the share of pairs judged one story).

Labels: evaluation/event_pairs.json, a list of samples, each with the grouping it was drawn from
and its pairs (corpus ids, the event's size then, and the judgement). Scored on the archive's
events now, a sample reports the pairs still together and the share of them judged one story,
and how many of the pairs judged one story are still together. For the sample drawn from the
events now that is their precision; for an earlier sample it covers only the pairs both groupings
share (a grouping that only splits events is measured exactly; new pairs are not seen).
"""

from __future__ import annotations

import json
import math
import random
import sys
from pathlib import Path

from evaluation.events import _key

HERE = Path(__file__).resolve().parent
LABELS = HERE / "event_pairs.json"


def draw(n: int, seed: int) -> list[dict]:
    """n pairs of articles that share an event, every such pair equally likely; printed for a
    person to judge (title and opening of each)."""
    from articles.events.grouping import article_time
    from articles.models import Article, Event

    rng = random.Random(seed)
    events = list(Event.objects.filter(article_count__gt=1).order_by("pk").values_list("pk", "article_count"))
    picked = rng.choices(events, weights=[size * (size - 1) // 2 for _, size in events], k=n)
    pairs = []
    for number, (event, _) in enumerate(picked):
        members = list(Article.objects.filter(event=event).select_related("publisher").annotate(at=article_time()))
        members.sort(key=lambda article: article.pk)
        a, b = sorted(rng.sample(members, 2), key=lambda article: (article.at is None, article.at, article.pk))
        pairs.append({"a": _key(a), "b": _key(b), "size": len(members)})
        print(f"## {number} event of {len(members)}")
        for side, article in (("A", a), ("B", b)):
            opening = " ".join(article.body.split()[:18])
            print(f"  {side} {str(article.at)[:16]} {str(article.publisher)[:12]} | {article.title[:90]} | {opening}")
    return pairs


def score(sample: dict) -> dict:
    """The sample's pairs on the archive's events now: still together, judged one story among them."""
    from articles.models import Article

    keys = {key for pair in sample["pairs"] for key in (pair["a"], pair["b"])}
    event_of = {_key(a): a.event_id for a in Article.objects.filter(external_id__in=keys).only("external_id", "url")}
    together = [p for p in sample["pairs"] if event_of.get(p["a"]) and event_of.get(p["a"]) == event_of.get(p["b"])]
    same = sum(p["same"] for p in together)
    judged_same = sum(p["same"] for p in sample["pairs"])
    precision = same / len(together) if together else 0.0
    return {
        "pairs": len(sample["pairs"]),
        "together now": len(together),
        "one story among them": same,
        "precision": round(precision, 3),
        "95% interval": round(1.96 * math.sqrt(precision * (1 - precision) / max(1, len(together))), 3),
        "pairs of one story kept together": f"{sum(p['same'] for p in together)} of {judged_same}",
        "share of pairs in events of 11 or more": round(
            sum(p["size"] > 10 for p in together) / max(1, len(together)), 2
        ),
    }


def main() -> int:
    from benchmarks.corpus_db import use_corpus_database

    if not use_corpus_database():
        return 0
    if "--draw" in sys.argv:
        at = sys.argv.index("--draw")
        pairs = draw(int(sys.argv[at + 1]), int(sys.argv[at + 2]))
        Path("/tmp/event_pairs_drawn.json").write_text(json.dumps(pairs, ensure_ascii=False))
        return 0
    for sample in json.loads(LABELS.read_text(encoding="utf-8"))["samples"]:
        print(f"{sample['name']} (drawn from {sample['drawn from']}):")
        print(json.dumps(score(sample), ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

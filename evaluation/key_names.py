"""Events' key names on the corpus, against words judged by hand.

    .venv/bin/python -m evaluation.key_names [--stored]   (part of make eval-events)

The sample: the events (of two articles or more) of the corpus articles whose id's MD5 starts with
SAMPLE_PREFIX, so it stays the same through rebuilds; and a second one, HELD_OUT_PREFIX, judged
after the rules were last changed (2026-12-04), and a third, FRESH_PREFIX, judged after the list
check (naming.listed, 2026-12-06). Each event's key names are extracted again
from its members' titles (articles.events.naming.key_names); `--stored` scores those saved with
the events instead (what the extractor of their last rebuild found), and `--unlisted` those found
without the list check, by the archive's usage alone. Labels
(evaluation/name_labels.json) judge words as shown: a name of a person, place or organisation
(or part of one: سيتي، جيرمان), or not. Printed: the share of the key names shown that are names
(precision), the names shown per event, and the words not judged yet.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
LABELS = HERE / "name_labels.json"
SAMPLE_PREFIX = "00"
# A second sample, judged after the rules of 2026-12-04 were fixed: held out.
HELD_OUT_PREFIX = "01"
# A third, judged after the list check (naming.listed) was written, and scored once: held out.
FRESH_PREFIX = "02"
SAMPLES = (("sample", SAMPLE_PREFIX), ("held out", HELD_OUT_PREFIX), ("fresh, held out", FRESH_PREFIX))


def sample_events(prefix: str = SAMPLE_PREFIX) -> dict[int, list[dict]]:
    """The sampled events' members, in time order, as refresh_events reads them."""
    from django.db.models.functions import MD5

    from articles.events.grouping import article_time
    from articles.models import Article

    seeds = Article.objects.annotate(key=MD5("external_id")).filter(key__startswith=prefix, event__article_count__gte=2)
    members = defaultdict(list)
    rows = Article.objects.filter(event__in=seeds.values("event")).annotate(at=article_time()).order_by("at", "pk")
    for row in rows.values("pk", "event", "title", "event_signature", "at"):
        members[row["event"]].append(row)
    return dict(members)


def shown(members: dict[int, list[dict]], stored: bool, listed: bool = True) -> dict[int, list[str]]:
    from articles.events import names, naming
    from articles.models import Event

    if stored:
        return dict(Event.objects.filter(pk__in=list(members)).values_list("pk", "key_names"))
    return naming.key_names_of(members, names.Lexicon(), confirm=None if listed else lambda name: True)


def score(found: dict[int, list[str]]) -> dict:
    labels = json.loads(LABELS.read_text(encoding="utf-8"))
    names, not_names = set(labels["names"]), set(labels["not_names"])
    words = [word for event in found.values() for word in event]
    judged = [word for word in words if word in names or word in not_names]
    right = sum(word in names for word in judged)
    return {
        "events": len(found),
        "key_names_shown": len(words),
        "precision": round(right / len(judged), 3) if judged else None,
        "names_per_event": round(right / len(found), 2) if found else None,
        "events_without_names": sum(not any(word in names for word in event) for event in found.values()),
        "unjudged": sorted({word for word in words if word not in names and word not in not_names}),
    }


def main() -> int:
    from benchmarks.corpus_db import use_corpus_database

    if not use_corpus_database():
        return 0
    stored, listed = "--stored" in sys.argv, "--unlisted" not in sys.argv
    for name, prefix in SAMPLES:
        print(name, json.dumps(score(shown(sample_events(prefix), stored, listed)), ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Event grouping on the corpus, against events labelled by hand.

    make eval-events            (or: .venv/bin/python -m evaluation.events [--keep] [--pool N] [--sweep] [--signals [--meaning]])

Labels (evaluation/event_labels.json) name articles by corpus id only; the texts stay in
../shared/corpus. Each label is one story: a seed article, the articles judged to report the
same story (`members`) and the pooled candidates judged not to (`others`). Candidates were pooled,
for each seed, from three sources so the grouping under test does not choose its own exam: the
seed's predicted event, every article within three days sharing one of its heaviest title and
lead terms (ranked by signature similarity, far below the grouping's threshold), and articles
sharing text with it. `--pool N` prints such pools for N new seeds, for a person to judge; with
`--meaning`, each pool also holds the seed's nearest articles by LSA (`Neighbours`), a fourth source.
`--keep` scores the events as they are, without a rebuild first; `--as-ingested` scores those of
the database DATABASE_URL names (`make bench-ingest` scores the events its ingest made).
`--sweep` groups the archive in memory at several thresholds (a few seconds each) and prints the
precision/recall trade-off. `--signals` asks how well each signal the grouping has tells a judged
pair of one story from a judged pair of two (see `signals`); `--meaning` adds models of meaning
(LSA, word vectors trained on the archive, a packaged sentence model: evaluation/meaning.py).

Scores over the judged articles: pairwise precision and recall (pairs of members of one label
are positive; a member with an `other` of its label is negative), and B-cubed precision and
recall over the members. They are printed for every label, for the labels the grouping's settings
were chosen on, for the late ones (those with a `"set"`, labelled after the settings were fixed),
and for each set of late labels apart (`late`, 2026-11-24; `late-2`, 2026-12-03; `late-3`, 2026-12-04;
`late-4`, 2026-12-06, pooled with `--meaning` as well).
"""

from __future__ import annotations

import dataclasses
import json
import os
import random
import sys
from collections.abc import Iterable
from datetime import timedelta
from itertools import combinations
from pathlib import Path

HERE = Path(__file__).resolve().parent
LABELS = HERE / "event_labels.json"
POOL_SIMILAR = 15
POOL_EVENT = 15
POOL_MEANING = 10


def _key(article) -> str:
    return article.external_id or article.url or str(article.pk)


def pool(seed, meaning=None) -> list[tuple[object, float, str]]:
    """(article, similarity to the seed, where it came from) for one seed article; `meaning`
    (a Neighbours) adds the articles nearest it by a model of meaning."""
    from django.db.models import Q

    from articles.events.grouping import article_time
    from articles.events.signature import similarity
    from articles.models import Article, EventPosting, SharedText

    found: dict[int, tuple[object, float, str]] = {}
    rows = Article.objects.select_related("publisher").annotate(at=article_time())
    if seed.event_id:
        for other in rows.filter(event=seed.event_id).exclude(pk=seed.pk)[:POOL_EVENT]:
            found[other.pk] = (other, similarity(seed.event_signature, other.event_signature), "event")
    probes = sorted(seed.event_signature, key=lambda t: -seed.event_signature[t])[:6]
    postings = EventPosting.objects.filter(term__in=probes).exclude(article=seed.pk)
    if seed.at:
        postings = postings.filter(at__range=(seed.at - timedelta(days=3), seed.at + timedelta(days=3)))
    near = rows.filter(pk__in=postings.values("article"))
    scored = sorted(
        ((similarity(seed.event_signature, o.event_signature), o) for o in near[:3000]), key=lambda p: -p[0]
    )
    for score, other in scored[:POOL_SIMILAR]:
        found.setdefault(other.pk, (other, score, "similar"))
    pairs = SharedText.objects.filter(Q(first=seed) | Q(second=seed))
    for other in rows.filter(pk__in=[p.other(seed.pk) for p in pairs])[:10]:
        found.setdefault(other.pk, (other, similarity(seed.event_signature, other.event_signature), "shared text"))
    if meaning is not None:
        for other in rows.filter(pk__in=meaning.nearest(seed.pk, POOL_MEANING)):
            found.setdefault(other.pk, (other, similarity(seed.event_signature, other.event_signature), "meaning"))
    return sorted(found.values(), key=lambda item: (item[0].at is None, item[0].at))


class Neighbours:
    """The articles nearest each article by LSA over titles and leads (evaluation/meaning.py),
    within three days of it: a pool source that does not share the grouping's lexical signal,
    so one story told in other words can reach the pool."""

    def __init__(self):
        import numpy as np

        from articles.events.grouping import article_time
        from articles.models import Article
        from evaluation import meaning

        ids, texts = meaning._archive()
        self.matrix, self.row, self.ids = meaning.lsa(texts), {pk: n for n, pk in enumerate(ids)}, np.asarray(ids)
        at = dict(Article.objects.annotate(at=article_time()).values_list("pk", "at"))
        self.days = np.asarray([at[pk].timestamp() / 86400 if at.get(pk) else np.nan for pk in ids])

    def nearest(self, pk: int, count: int) -> list[int]:
        import numpy as np

        n = self.row[pk]
        similarity = self.matrix @ self.matrix[n]
        if not np.isnan(self.days[n]):
            similarity[~(np.abs(self.days - self.days[n]) <= 3)] = -1
        similarity[n] = -1
        return [int(self.ids[i]) for i in np.argsort(-similarity)[:count] if similarity[i] > 0]


def print_pools(n: int, meaning: bool = False) -> None:
    from articles.events.grouping import article_time
    from articles.models import Article

    neighbours = Neighbours() if meaning else None

    labelled = {label["seed"] for label in _labels()}
    rng = random.Random(2026 + len(labelled))
    eligible = list(
        Article.objects.filter(publisher__isnull=False, source_name__contains="arabic-news").values_list(
            "pk", "event__article_count"
        )
    )
    grouped = [pk for pk, count in eligible if (count or 0) > 1]
    seeds = rng.sample(grouped, n * 2 // 3) + rng.sample([pk for pk, _ in eligible], n - n * 2 // 3)
    pools = []
    for seed in Article.objects.filter(pk__in=seeds).select_related("publisher").annotate(at=article_time()):
        if _key(seed) in labelled:
            continue
        candidates = pool(seed, neighbours)
        pools.append({"seed": _key(seed), "candidates": [_key(other) for other, _, _ in candidates]})
        print(
            f"## {len(pools) - 1} {seed.publisher} {str(seed.at)[:16]} | {seed.title} | {' '.join(seed.body.split()[:25])}"
        )
        for i, (other, score, source) in enumerate(candidates):
            print(
                f"  {i:2} {str(other.publisher)[:14]:14} {str(other.at)[5:16]} {score:.2f} {source[:3]} | {other.title[:90]}"
            )
    Path("/tmp/event_pools.json").write_text(json.dumps(pools, ensure_ascii=False))


def _labels() -> list[dict]:
    return json.loads(LABELS.read_text(encoding="utf-8"))["events"] if LABELS.exists() else []


def _late(labels: list[dict]) -> list[dict]:
    """The labels added after the grouping's settings were chosen (see the labels' "about")."""
    return [label for label in labels if label.get("set")]


def report() -> dict:
    """Scores on every label, on those the settings were chosen on, on the late ones, and on each
    set of late ones alone."""
    labels = _labels()
    late = _late(labels)
    earlier = [label for label in labels if label not in late]
    scores = {
        "all labels": evaluate(labels=labels),
        "earlier labels": evaluate(labels=earlier),
        "late labels": evaluate(labels=late),
    }
    for name in sorted({label["set"] for label in late}):
        scores[f"late labels, set {name}"] = evaluate(labels=[label for label in late if label["set"] == name])
    return scores


def evaluate(grouped: dict[int, object] | None = None, labels: list[dict] | None = None) -> dict:
    """Scores of the archive's events, or of `grouped` (article id -> group) when given, on the
    labels (all unless given)."""
    from articles.models import Article

    labels = _labels() if labels is None else labels
    keys = {key for label in labels for key in [label["seed"], *label["members"], *label["others"]]}
    event_of = {}
    for article in Article.objects.filter(external_id__in=keys).only("external_id", "url", "event_id"):
        event_of[_key(article)] = article.event_id if grouped is None else grouped.get(article.pk)
    missing = keys - set(event_of)
    tp = fp = fn = tn = 0
    b_precision, b_recall, b_count = 0.0, 0.0, 0
    for label in labels:
        members = [k for k in [label["seed"], *label["members"]] if k in event_of]
        others = [k for k in label["others"] if k in event_of]
        for a, b in combinations(members, 2):
            same = event_of[a] is not None and event_of[a] == event_of[b]
            tp, fn = tp + same, fn + (not same)
        for a in members:
            for b in others:
                same = event_of[a] is not None and event_of[a] == event_of[b]
                fp, tn = fp + same, tn + (not same)
        judged = members + others
        for a in members:  # B-cubed over the judged articles of this label
            predicted = {b for b in judged if event_of[b] == event_of[a] and event_of[a] is not None} | {a}
            b_precision += len(predicted & set(members)) / len(predicted)
            b_recall += len(predicted & set(members)) / len(members)
            b_count += 1
    return {
        "labels": len(labels),
        "judged_articles": len(keys) - len(missing),
        "missing_from_archive": len(missing),
        "pairwise_precision": tp / max(1, tp + fp),
        "pairwise_recall": tp / max(1, tp + fn),
        "positive_pairs": tp + fn,
        "negative_pairs": fp + tn,
        "bcubed_precision": b_precision / max(1, b_count),
        "bcubed_recall": b_recall / max(1, b_count),
    }


def sweep(settings: list[tuple[float, float]]) -> None:
    """Group the archive in memory (the rebuild's rule, on the stored signatures: run a rebuild
    first) at several (threshold, centroid threshold) settings, and print the scores of each."""
    from articles.events import grouping
    from articles.models import Article

    items = list(grouping.stored_items(Article.objects.all()))
    shared = grouping.shared_pairs()
    labels = _labels()
    late = _late(labels)
    kept = grouping.THRESHOLD, grouping.CENTROID_THRESHOLD
    try:
        for threshold, centroid in settings:
            grouping.THRESHOLD, grouping.CENTROID_THRESHOLD = threshold, centroid
            clusters = grouping.group([dataclasses.replace(item) for item in items], shared)
            grouped = {m.pk: n for n, cluster in enumerate(clusters) for m in cluster.members}
            scores, late_scores = evaluate(grouped, labels), evaluate(grouped, late)
            print(
                f"threshold {threshold:.2f} centroid {centroid:.2f}: events {len(clusters)}, "
                f"pairwise P {scores['pairwise_precision']:.3f} R {scores['pairwise_recall']:.3f}, "
                f"B-cubed P {scores['bcubed_precision']:.3f} R {scores['bcubed_recall']:.3f}; "
                f"late labels pairwise P {late_scores['pairwise_precision']:.3f} R {late_scores['pairwise_recall']:.3f}",
                flush=True,
            )
    finally:
        grouping.THRESHOLD, grouping.CENTROID_THRESHOLD = kept


def signals(extra: dict | None = None) -> dict:
    """How well each pairwise signal ranks the judged pairs of one story above the judged pairs of
    two, per set of labels: average precision, and the best balance of precision and recall a
    threshold on that signal alone reaches (the larger of min(P, R) over thresholds).

    The judged "others" were pooled as the articles most like each seed, so these are the hard
    pairs: what the grouping must tell apart. The grouping's events reach more than one pair at a
    time (an article joins an event through its nearest member), so a pair's signal is not a
    ceiling on the events' scores; it shows how much any threshold on it can do.

    `extra` adds signals: a name for each function of two article ids, or of the pair's measures
    so far and the ids (to combine a signal with the grouping's score).
    """
    from articles.events import grouping
    from articles.events import signature as signatures
    from articles.models import Article

    labels = _labels()
    keys = {key for label in labels for key in [label["seed"], *label["members"], *label["others"]]}
    articles = Article.objects.filter(external_id__in=keys)
    pk_of = {_key(article): article.pk for article in articles.only("external_id", "url")}
    items = {item.pk: item for item in grouping.stored_items(articles)}
    df, archive = signatures.document_frequencies()
    publisher, titles = {}, {}
    for pk, outlet, title in articles.values_list("pk", "publisher_id", "title"):
        publisher[pk] = outlet  # a title's vector is the signature of the title alone
        titles[pk] = signatures.weigh(signatures.read(title, ""), df, archive)
    shared = grouping.shared_pairs(items)

    def measures(a: grouping.Item, b: grouping.Item) -> dict[str, float]:
        hours = abs((a.time - b.time).total_seconds()) / 3600 if a.time and b.time else 48.0
        copies = {b.pk} if grouping.same_text(a, b, shared) else set()
        return {
            "signature cosine": signatures.similarity(a.signature, b.signature),
            "title cosine": signatures.similarity(titles[a.pk], titles[b.pk]),
            "headline names shared": len(a.names & b.names),
            "shared text": float(b.pk in shared.get(a.pk, {})),
            "hours apart (fewer first)": -hours,
            "other outlet": float(publisher[a.pk] != publisher[b.pk]),
            "grouping's score": grouping.score(a, b, copies) - grouping.threshold(a, b),
        }

    def measured(a: grouping.Item, b: grouping.Item) -> dict[str, float]:
        values = measures(a, b)
        for name, signal in (extra or {}).items():
            values[name] = signal(values, a.pk, b.pk)
        return values

    by_set: dict[str, list[tuple[dict, bool]]] = {}
    for label in labels:
        members = [items[pk_of[k]] for k in [label["seed"], *label["members"]] if k in pk_of]
        others = [items[pk_of[k]] for k in label["others"] if k in pk_of]
        pairs = by_set.setdefault(label.get("set") or "earlier", [])
        pairs += [(measured(a, b), True) for a, b in combinations(members, 2)]
        pairs += [(measured(a, b), False) for a in members for b in others]
    report = {}
    for name, pairs in sorted(by_set.items()):
        positives = sum(same for _, same in pairs)
        report[name] = {"pairs of one story": positives, "pairs of two": len(pairs) - positives}
        for signal in pairs[0][0]:
            ranked = [same for _, same in sorted(pairs, key=lambda pair: -pair[0][signal])]
            report[name][signal] = _ranking_quality(ranked)
    return report


def print_signals(report: dict) -> None:
    """The signals' report as a table: a row per signal, a column per set of labels."""
    sets = list(report)

    def row(name: str, cells: Iterable[str]) -> str:
        return f"{name:32}" + "".join(f"{cell:>16}" for cell in cells)

    print(row("", sets))
    print(
        row(
            "pairs (one story / two)",
            (f"{report[s]['pairs of one story']} / {report[s]['pairs of two']}" for s in sets),
        )
    )
    print("average precision; best min(P, R) of a threshold on the signal alone")
    for signal in [key for key, value in report[sets[0]].items() if isinstance(value, dict)]:
        quality = [report[s][signal] for s in sets]
        print(row(signal, (f"{q['average precision']:.3f}; {q['best min(P, R)']:.3f}" for q in quality)))


def _ranking_quality(ranked: list[bool]) -> dict[str, float]:
    """Average precision of a ranking of pairs (True: one story), and the best min(P, R) of a cut."""
    found, precisions, best = 0, [], 0.0
    total = sum(ranked) or 1
    for rank, same in enumerate(ranked, 1):
        found += same
        if same:
            precisions.append(found / rank)
        best = max(best, min(found / rank, found / total))
    return {"average precision": round(sum(precisions) / total, 3), "best min(P, R)": round(best, 3)}


SWEEP = [(0.55, 0.2), (0.5, 0.2), (0.45, 0.2), (0.4, 0.2), (0.4, 0.3), (0.35, 0.2), (0.3, 0.2), (0.25, 0.15)]


def main() -> int:
    from benchmarks.corpus_db import use_corpus_database

    if "--as-ingested" in sys.argv:  # DATABASE_URL's events as ingest made them (make bench-ingest)
        import django

        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
        django.setup()
        print(json.dumps(report(), indent=1))
        return 0
    if not use_corpus_database():
        return 0
    from django.core.management import call_command

    from articles.models import EventTerm

    if "--pool" in sys.argv:
        print_pools(int(sys.argv[sys.argv.index("--pool") + 1]), meaning="--meaning" in sys.argv)
        return 0
    if "--sweep" in sys.argv or "--signals" in sys.argv:
        if not EventTerm.objects.exists():
            call_command("rebuild_events")
        if "--signals" in sys.argv:
            extra = None
            if "--meaning" in sys.argv:  # models of meaning (evaluation/meaning.py): minutes
                from evaluation import meaning

                labels = _labels()
                extra = meaning.extra_signals({k for x in labels for k in [x["seed"], *x["members"], *x["others"]]})
            print_signals(signals(extra))
        else:
            sweep(SWEEP)
        return 0
    if "--keep" not in sys.argv or not EventTerm.objects.exists():
        call_command("rebuild_events")
    print(json.dumps(report(), indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

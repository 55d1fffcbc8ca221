"""Provenance on the corpus: is the shared text found, and do wire copies point to the agency?

    make eval-provenance        (or: .venv/bin/python -m evaluation.provenance)

Runs on the corpus database (benchmarks.corpus_db: the corpus ingested, so provenance computed at
ingest time, article by article). Three measures:

1. Shared text, against an exhaustive reference: every cross-outlet pair of SaudiNewsNet articles
   whose whole shingle sets overlap (all shingles, not the stored sample; shingles in more than
   1,000 articles skipped), with the same precise measure. Recall of the archive's pairs at the
   archive's threshold and at "half of one text" (the notes' figure), and precision: the share of
   the archive's pairs the reference confirms.
2. SPA copies: SaudiNewsNet articles with at least half of their text or of an SPA item's text
   in common with an SPA item. Correct when the article's provenance chain reaches an SPA article,
   counted separately for copies whose byline credits «واس» and copies that do not.
3. AlArabiya republication notes («نقلا عن X»): how many point to an outlet, with the note as
   evidence, and how many of those are outlets the gazetteer knows.
"""

from __future__ import annotations

import json
import lzma
import random
from collections import Counter, defaultdict

MAX_DF = 1000


def saudi_ids(corpus) -> set[str]:
    ids = set()
    with lzma.open(corpus, "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if record["corpus"] == "SaudiNewsNet":
                ids.add(record["id"])
    return ids


def reference_pairs(articles: dict[int, tuple[int | None, str]]) -> dict[tuple[int, int], tuple[float, float, int]]:
    """Every cross-outlet pair above the archive's threshold, found without sampling."""
    from articles.provenance.reuse import is_shared_text
    from articles.provenance.shingles import Shingled

    shingled = {pk: Shingled.of(body) for pk, (_, body) in articles.items()}
    postings: dict[int, list[int]] = defaultdict(list)
    for pk, text in shingled.items():
        for shingle in text.shingles:
            postings[shingle].append(pk)
    found = {}
    for pk, text in shingled.items():
        shared = Counter()
        for shingle in text.shingles:
            ids = postings[shingle]
            if len(ids) <= MAX_DF:
                shared.update(other for other in ids if other > pk)
        for other, n in shared.items():
            if articles[pk][0] == articles[other][0] is not None:
                continue
            a_in_b, b_in_a = n / len(text.shingles), n / len(shingled[other].shingles)
            if is_shared_text(max(a_in_b, b_in_a), n):
                found[pk, other] = (a_in_b, b_in_a, n)
    return found


def shared_text_measures(saudi: set[int]) -> tuple[dict, dict]:
    from articles.models import Article, SharedText

    articles = {
        pk: (pub, body)
        for pk, pub, body in Article.objects.filter(pk__in=saudi).values_list("pk", "publisher_id", "body")
    }
    reference = reference_pairs(articles)
    stored = {
        (p.first_id, p.second_id): max(p.first_in_second, p.second_in_first)
        for p in SharedText.objects.filter(first__in=saudi, second__in=saudi)
    }
    measures = {}
    for label, floor in (("threshold (0.2)", 0.0), ("half of one text", 0.5)):
        ref = {pair for pair, (a, b, _) in reference.items() if max(a, b) >= floor}
        got = {pair for pair, c in stored.items() if c >= floor}
        hit = len(ref & got)
        measures[label] = {"reference_pairs": len(ref), "found_pairs": len(got), "recall": hit / max(1, len(ref)),
                           "precision": hit / max(1, len(got))}  # fmt: skip
    return measures, reference


def spa_measures(reference: dict) -> dict:
    from articles.models import Article, Attribution
    from articles.provenance.graph import provenance_of

    spa = set(Article.objects.filter(publisher__slug="spa").values_list("pk", flat=True))
    copies = set()
    for (a, b), (a_in_b, b_in_a, _) in reference.items():
        if max(a_in_b, b_in_a) >= 0.5 and (a in spa) != (b in spa):
            copies.add(b if a in spa else a)
    credited = set(
        Attribution.objects.filter(
            article__in=copies, kind="wire_credit", outlet__slug="spa", claimed_by="parser"
        ).values_list("article_id", flat=True)
    )
    right = Counter()
    for article in Article.objects.filter(pk__in=copies).select_related("publisher"):
        chain = provenance_of(article).chain
        ok = any(node.article and node.article.pk in spa for node in chain[1:])
        right["credited" if article.pk in credited else "uncredited", ok] += 1
    result = {}
    for group in ("credited", "uncredited"):
        total = right[group, True] + right[group, False]
        result[group] = {
            "copies": total,
            "spa_upstream": right[group, True],
            "share": right[group, True] / max(1, total),
        }
    total = sum(right.values())
    result["all"] = {"copies": total, "spa_upstream": right["credited", True] + right["uncredited", True],
                     "share": (right["credited", True] + right["uncredited", True]) / max(1, total)}  # fmt: skip
    return result


def alarabiya_notes() -> dict:
    from articles.models import Attribution

    notes = Attribution.objects.filter(
        article__publisher__slug="alarabiya", kind="republished_from", claimed_by="parser", evidence__contains="نقل"
    )
    with_outlet = notes.filter(outlet__isnull=False)
    return {
        "notes": notes.count(),
        "pointing_to_an_outlet": with_outlet.count(),
        "known_outlets": with_outlet.filter(outlet__is_placeholder=False).count(),
        "top": Counter(with_outlet.values_list("outlet__name_ar", flat=True)).most_common(8),
    }


def near_threshold_sample(n: int = 12) -> list[dict]:
    """Pairs just above the threshold, with their shared passage, for a person to judge."""
    from articles.models import Article, SharedText
    from articles.provenance.shingles import original_passage

    pairs = list(
        SharedText.objects.filter(first_in_second__lt=0.3, second_in_first__lt=0.3).values_list("pk", flat=True)
    )
    sample = []
    for pk in random.Random(7).sample(pairs, min(n, len(pairs))):
        pair = SharedText.objects.get(pk=pk)
        first, second = Article.objects.get(pk=pair.first_id), Article.objects.get(pk=pair.second_id)
        passage = original_passage(first.body, pair.passage_start, pair.passage_end)
        sample.append({"titles": [first.title, second.title], "containment": [pair.first_in_second, pair.second_in_first],
                       "passage": " ".join(passage.split()[:40])})  # fmt: skip
    return sample


def main() -> int:
    from benchmarks.corpus_db import CORPUS, use_corpus_database

    if not use_corpus_database():
        return 0
    from django.core.management import call_command

    from articles.models import Article, SharedText

    if not SharedText.objects.exists():
        print("no shared text in the corpus database yet: rebuilding provenance (about a minute and a half)…")
        call_command("rebuild_provenance")
    ids = saudi_ids(CORPUS)
    saudi = set(Article.objects.filter(external_id__in=ids).values_list("pk", flat=True))
    measures, reference = shared_text_measures(saudi)
    print(f"SaudiNewsNet: {len(saudi)} articles")
    for label, m in measures.items():
        print(f"shared text at {label}: reference {m['reference_pairs']} pairs, archive {m['found_pairs']}, "
              f"recall {m['recall']:.3f}, precision {m['precision']:.3f}")  # fmt: skip
    spa = spa_measures(reference)
    for group, m in spa.items():
        print(f"SPA copies ({group}): {m['copies']}, SPA item upstream in {m['spa_upstream']} ({m['share']:.1%})")
    print("AlArabiya «نقلا عن» notes:", json.dumps(alarabiya_notes(), ensure_ascii=False))
    print("pairs just above the threshold, to judge by eye:")
    for item in near_threshold_sample():
        print(" ", json.dumps(item, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

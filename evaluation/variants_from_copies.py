"""A study for the spelling-variants issue: which word pairs do copies of one text attest?

    .venv/bin/python -m evaluation.variants_from_copies [--pairs N] [--top K]

Reads N pairs of articles that share text (SharedText, most shared first) from the corpus
database, aligns the two texts word by word (folded, as search sees them), and counts every
place where one word of one text stands for exactly one word of the other between matching
words on both sides. Prints the K most attested pairs and how many were seen once. Nothing is
written: this measures the signal before a variants table is built on it.
"""

from __future__ import annotations

import sys
from collections import Counter


def main() -> int:
    from benchmarks.corpus_db import use_corpus_database

    if not use_corpus_database():
        return 0
    from articles.arabic import fold
    from articles.models import Article, SharedText
    from articles.search.analysis import TOKEN
    from articles.spellings.copies import substitutions

    limit = int(sys.argv[sys.argv.index("--pairs") + 1]) if "--pairs" in sys.argv else 5000
    top = int(sys.argv[sys.argv.index("--top") + 1]) if "--top" in sys.argv else 40
    pairs = list(SharedText.objects.order_by("-shared_shingles").values_list("first_id", "second_id")[:limit])
    bodies = dict(Article.objects.filter(pk__in={pk for pair in pairs for pk in pair}).values_list("pk", "body"))
    counts: Counter[tuple[str, str]] = Counter()
    for first, second in pairs:
        a, b = ([fold(w) for w in TOKEN.findall(bodies.get(pk, ""))][:3000] for pk in (first, second))
        counts.update(substitutions(a, b))
    print(f"{len(pairs)} pairs of articles sharing text; {len(counts)} distinct word pairs attested")
    print(f"attested by one pair of copies only: {sum(1 for n in counts.values() if n == 1)}")
    for (a, b), n in counts.most_common(top):
        print(f"{n:5}  {a} / {b}")
    alike = {pair: n for pair, n in counts.items() if _spelled_alike(*pair)}
    print("\nof which spelled alike (4+ letters, at most 2 edits, same letters but vowels and the")
    print(
        f"letters of one foreign sound): {len(alike)} pairs, {sum(alike.values())} attestations of "
        f"{sum(counts.values())}; the most attested:"
    )
    for (a, b), n in sorted(alike.items(), key=lambda item: -item[1])[:top]:
        print(f"{n:5}  {a} / {b}")
    return 0


def _spelled_alike(a: str, b: str) -> bool:
    """Two spellings of one word rather than two words: long enough, few edits, one skeleton."""
    from articles.search.analysis import sound_skeleton, strip_article
    from articles.search.vocabulary import edit_distance

    a, b = strip_article(a), strip_article(b)
    if min(len(a), len(b)) < 4 or edit_distance(a, b) > 2:
        return False
    return sound_skeleton(a) == sound_skeleton(b) or edit_distance(a, b) == 1


if __name__ == "__main__":
    sys.exit(main())

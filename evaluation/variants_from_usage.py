"""A study for the spelling-variants issue: does the archive's usage find the variants the letter
rules miss, and only those?

    .venv/bin/python -m evaluation.variants_from_usage [--top K]     (make eval-meaning tools; 5 min)

Word vectors trained on the corpus (evaluation/meaning.py) give each form's nearest words. A
neighbour is a candidate variant when the two are spelled alike: the same first letter, at most
two letters apart, each used MIN_USES times or more, and cosine MIN_COSINE or more. Printed: the
issue's misses with their cosine and rank among the form's neighbours; how many candidates the
letter rules (articles.search.vocabulary) already find; and the K commonest of the others, for a
person to read. Nothing is written: this measures the signal before a table is built on it.
"""

from __future__ import annotations

import sys

MIN_USES = 20
MIN_COSINE = 0.55
NEIGHBOURS = 20
ISSUE_MISSES = [("بوتين", "بوتن"), ("ميونخ", "ميونيخ"), ("مورينيو", "مورينهو"), ("كلينتون", "كلنتون"),
                ("نرويج", "نروج"), ("فلبين", "فيليبين"), ("يوتيوب", "يوتوب")]  # fmt: skip


def alike(a: str, b: str) -> bool:
    from articles.search.vocabulary import edit_distance

    return a[0] == b[0] and min(len(a), len(b)) >= 4 and edit_distance(a, b) <= 2


def main() -> int:
    from benchmarks.corpus_db import use_corpus_database

    if not use_corpus_database():
        return 0
    from articles.search.vocabulary import variants
    from articles.spellings.usage import archive_vectors

    top = int(sys.argv[sys.argv.index("--top") + 1]) if "--top" in sys.argv else 80
    vectors, uses = archive_vectors()

    for form, other in ISSUE_MISSES:
        if form in vectors.key_to_index and other in vectors.key_to_index:
            near = [word for word, _ in vectors.most_similar(form, topn=NEIGHBOURS)]
            rank = near.index(other) + 1 if other in near else None
            print(
                f"{form}/{other}: cosine {vectors.similarity(form, other):.2f}, rank {rank}, uses {uses[form]}/{uses[other]}"
            )
        else:
            print(f"{form}/{other}: not both in the vectors")

    candidates = {}
    for form, count in uses.items():
        if count < MIN_USES or form not in vectors.key_to_index or not form.isalpha():
            continue
        for other, cosine in vectors.most_similar(form, topn=NEIGHBOURS):
            if cosine >= MIN_COSINE and uses[other] >= MIN_USES and alike(form, other):
                candidates[tuple(sorted((form, other)))] = cosine
    by_rules = {pair for pair in candidates if pair[1] in {v.form for v in variants(pair[0])}}
    others = sorted((pair for pair in candidates if pair not in by_rules), key=lambda pair: -min(uses[p] for p in pair))
    print(f"pairs spelled alike and used alike: {len(candidates)}; the letter rules find {len(by_rules)}")
    for a, b in others[:top]:
        print(f"{a}\t{b}\t{candidates[(a, b)]:.2f}\t{uses[a]}\t{uses[b]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

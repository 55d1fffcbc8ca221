"""How many of the search stemmer's classes join words of different meanings, told by usage.

    .venv/bin/python -m evaluation.stem_collisions [--top N]     (make eval-meaning; 4-5 minutes)

Light stemming joins every form with the same stem: السيولة (liquidity) with سيول (floods), جامعة
(university) with جامع (mosque), رياضة (sport) with الرياض. Word vectors trained on the archive
(evaluation/meaning.py) say which forms are used alike. For every stem the corpus writes in two
forms or more (each in MIN_USES running words at least), each form is compared with the stem's
commonest form; a pair whose vectors' cosine is under APART is printed as a likely collision,
with how many running words it touches. The threshold was set before reading the list; it also
flags forms of related words used in other contexts (وطن/وطني), so the printed pairs are for a
person to read (docs/measurements.md says how many of them are different words).
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict

MIN_USES = 30
APART = 0.35


def collisions(counts: Counter, vectors) -> list[tuple[str, str, float, int]]:
    """(commonest form, other form, cosine, the other form's uses) for forms used apart."""
    from articles.search.analysis import strip_suffixes

    classes = defaultdict(list)
    for form, uses in counts.items():
        if uses >= MIN_USES and form in vectors.key_to_index:
            classes[strip_suffixes(form)].append(form)
    found = []
    for forms in classes.values():
        if len(forms) < 2:
            continue
        head, *others = sorted(forms, key=lambda form: -counts[form])
        for other in others:
            cosine = float(vectors.similarity(head, other))
            if cosine < APART:
                found.append((head, other, cosine, counts[other]))
    return sorted(found, key=lambda pair: -pair[3])


def main() -> int:
    from benchmarks.corpus_db import use_corpus_database

    if not use_corpus_database():
        return 0
    from articles.search.analysis import strip_suffixes
    from articles.spellings.usage import archive_vectors

    top = int(sys.argv[sys.argv.index("--top") + 1]) if "--top" in sys.argv else 60
    vectors, counts = archive_vectors()
    found = collisions(counts, vectors)
    classes = Counter(strip_suffixes(form) for form, uses in counts.items() if uses >= MIN_USES)
    joined = sum(1 for n in classes.values() if n >= 2)
    words = sum(counts.values())
    touched = sum(uses for *_, uses in found)
    print(f"stems written in two forms or more (each {MIN_USES}+ uses): {joined}")
    print(f"forms used apart from their stem's commonest form (cosine < {APART}): {len(found)}")
    print(f"running words in those forms: {touched} of {words} ({touched / words:.2%})")
    for head, other, cosine, uses in found[:top]:
        print(f"{head}\t{other}\t{cosine:.2f}\t{uses}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

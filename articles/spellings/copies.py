"""Words that copies of one text write differently: candidates for spellings of one word.

Two articles sharing text (SharedText) are aligned word by word, as search reads them; where
one word of one copy stands for one word of the other between matching words, the two are
attested once for that pair of copies. Most such pairs are editors' rewrites (اليوم/أمس) or
inflections (learning.py keeps the ones spelled alike); a pair attested by many copies is a
spelling the archive's outlets really use.
"""

from __future__ import annotations

from collections import Counter
from difflib import SequenceMatcher

from articles.models.spelling import ordered
from articles.spellings.usage import tokens

ALIGNED_WORDS = 400  # the lead and beyond: where the names are, at a bounded cost per pair
CHUNK = 500


def substitutions(first: list[str], second: list[str]) -> set[tuple[str, str]]:
    """Single-word substitutions between two word lists, each flanked by matching words."""
    found = set()
    matcher = SequenceMatcher(None, first, second, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "replace" and i2 - i1 == 1 and j2 - j1 == 1 and i1 > 0 and i2 < len(first):
            a, b = first[i1], second[j1]
            if a != b and not a.isdigit() and not b.isdigit():
                found.add(ordered(a, b))
    return found


def attested(pairs: list[tuple[int, int]] | None = None, progress=None) -> Counter[tuple[str, str]]:
    """For each pair of forms, how many of the given pairs of copies (by default every SharedText
    pair in the archive) attest it."""
    from articles.models import Article, SharedText

    if pairs is None:
        pairs = list(SharedText.objects.values_list("first_id", "second_id"))
    counts: Counter[tuple[str, str]] = Counter()
    for start in range(0, len(pairs), CHUNK):
        chunk = pairs[start : start + CHUNK]
        bodies = dict(Article.objects.filter(pk__in={pk for pair in chunk for pk in pair}).values_list("pk", "body"))
        for first, second in chunk:
            if first in bodies and second in bodies:
                a, b = (tokens(" ".join(bodies[pk].split()[:ALIGNED_WORDS])) for pk in (first, second))
                counts.update(substitutions(a, b))
        if progress:
            progress(len(chunk))
    return counts

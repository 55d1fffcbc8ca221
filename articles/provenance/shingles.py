"""Word shingles of an article's text, after the same Arabic folding the search uses.

Two articles share text when they share runs of five words. Every run (a shingle) is hashed;
a fixed quarter of them, chosen by the hash itself, is the article's fingerprint, stored in the
database to find candidates. Because the choice depends only on the shingle, two copies of one
passage keep the same fingerprints, whatever else surrounds them (hash-based sampling, as in
winnowing and passim's rare n-grams). The precise measure then compares whole shingle sets.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from hashlib import blake2b

from articles.arabic import fold

SIZE = 5  # words per shingle
SAMPLE = 4  # one shingle in SAMPLE is a fingerprint
WORD = re.compile(r"\w+")
RECENT = 5000  # texts whose shingles are kept in memory
_recent: dict[str, Shingled] = {}


def words(text: str) -> list[str]:
    """The folded words of a text: hamza forms, ta marbuta, harakat, digits all compare equal."""
    return WORD.findall(fold(text))


def fingerprints(text: str) -> set[int]:
    """The stored sample of the text's shingle hashes (signed 64-bit, for a bigint column)."""
    return fingerprints_of(words(text))


def fingerprints_of(folded: list[str]) -> set[int]:
    """The sampled shingles' 64-bit digests.

    Not two CRCs glued together: CRC is linear, so two seeds give halves that differ by a constant
    for every shingle of a given length, and PostgreSQL's hash of a bigint (the halves XORed)
    then put millions of fingerprints into a hundred-odd buckets.
    """
    found = set()
    encoded = [word.encode() for word in folded]  # a shingle's bytes are its words' bytes, spaced
    for i in range(len(encoded) - SIZE + 1):
        data = b" ".join(encoded[i : i + SIZE])
        if zlib.crc32(data) % SAMPLE == 0:  # the cheap hash chooses, a 64-bit digest is stored
            found.add(int.from_bytes(blake2b(data, digest_size=8).digest(), "big", signed=True))
    return found


@dataclass
class Shingled:
    """An article's words and the set of its shingles, for the precise comparison."""

    words: list[str]
    shingles: frozenset

    @classmethod
    def of(cls, text: str) -> Shingled:
        """The text's shingles; recently seen texts come from a cache (ingest meets them again)."""
        found = _recent.get(text)
        if found is None:
            folded = words(text)
            runs = zip(*(folded[k:] for k in range(SIZE)), strict=False)  # every run of SIZE words
            found = cls(folded, frozenset(map(hash, runs)))
            if len(_recent) >= RECENT:
                _recent.pop(next(iter(_recent)))
            _recent[text] = found
        return found

    def contained_in(self, other: Shingled) -> float:
        """The share of this text's shingles that the other text has too."""
        if not self.shingles:
            return 0.0
        return len(self.shingles & other.shingles) / len(self.shingles)

    def longest_shared_run(self, other: Shingled) -> tuple[int, int]:
        """(first word, end word) of the longest passage of this text also found in the other."""
        best, start = (0, 0), None
        for i in range(len(self.words) - SIZE + 2):
            inside = i <= len(self.words) - SIZE and hash(tuple(self.words[i : i + SIZE])) in other.shingles
            if inside and start is None:
                start = i
            elif not inside and start is not None:
                if i - start > best[1] - best[0] - SIZE + 1:
                    best = (start, i - 1 + SIZE)
                start = None
        return best


def original_passage(text: str, first: int, end: int) -> str:
    """The original text of folded words [first, end): the passage as the article printed it."""
    start = stop = None
    count = 0
    for token in re.finditer(r"\S+", text):
        count += len(words(token.group()))
        if start is None and count > first:
            start = token.start()
        if count >= end:
            stop = token.end()
            break
    if start is None:
        return ""
    return text[start : stop or len(text)]

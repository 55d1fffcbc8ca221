"""The names written beside a name: the archive's evidence that two forms name one person or place.

A given name is written before the same family names however it is spelled (كيفن دي بروين and
كيفين دي بروين), a family name after the same given names (فلاديمير بوتين, فلاديمير بوتن); two
names that only look alike stand beside different ones (ستيفن هوكينغ, ستيفان دي ميستورا). Read
from the same text as the word vectors (usage.py: each article's title and first words, as search
reads them), so it costs one more pass over sentences already in memory.

Three measures of a pair:
- `shared`: the specific words (beside at most SPECIFIC forms MIN_BESIDE times or more: a family
  name, not قال or الرئيس) that each form stands beside at least MIN_BESIDE times, on the same
  side. One such word is a witness, as a pair of copies is;
- `alike`: the cosine of the two forms' neighbours on either side, each weighted by how rare it is
  in the archive (a family name counts, a common word hardly);
- `place`, of each: a given name stands before the names beside it, a family name after them. Two
  look-alikes of which one is written first and the other last are two names (سيموني إنزاغي and
  دييغو سيميوني, غرانيت تشاكا and هيو غرانت).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from itertools import combinations

from articles.search.analysis import STOP_WORDS

SPECIFIC = 30  # a word beside more forms than this says little about any of them
# Read through, so that a name's neighbour is the next name: كيفن دي بروين, ستافان دي ميستورا,
# محمد بن سلمان. Without it دي, beside hundreds of names, hid every family name after it.
NAME_PARTICLES = frozenset({"دي", "دا", "دو", "ديل", "ديلا", "دير", "دوس", "فان", "فون", "بن", "ابن", "بنت", "ابو"})
MIN_BESIDE = 2  # times a form stands beside a word for that word to witness it
MIN_USES = 5  # rarer forms are not compared: their neighbours are too few to tell
PLACE_USES = 5  # uses beside specific words for a form's place in a name to be read
PLACE_SHARE = 0.7  # of those uses, on one side of it


class Companions:
    """The words beside each form, on its right and on its left, counted over training sentences."""

    def __init__(self, sentences: list[list[str]]):
        self.uses = Counter(word for sentence in sentences for word in sentence)
        self.total = max(sum(self.uses.values()), 1)
        # side -> form -> the words on that side of it: "after" the form, "before" it
        self.sides: dict[str, dict[str, Counter]] = {"after": defaultdict(Counter), "before": defaultdict(Counter)}
        after, before = self.sides["after"], self.sides["before"]
        for sentence in sentences:
            for first, second in _beside(sentence):
                if second not in STOP_WORDS:
                    after[first][second] += 1
                if first not in STOP_WORDS:
                    before[second][first] += 1
        self._vectors: dict[str, dict[tuple[str, str], float]] = {}
        self._spreads: dict[str, Counter] = {}

    def witnessed_pairs(self) -> Counter:
        """(form, other) -> how many specific words both stand beside, on the same side (forms in
        code-point order, each used MIN_USES times or more)."""
        pairs = Counter()
        for neighbours in self.sides.values():
            forms_beside = defaultdict(list)  # word -> the forms it stands beside, on this side
            for form, words in neighbours.items():
                if self.uses[form] >= MIN_USES:
                    for word, count in words.items():
                        if count >= MIN_BESIDE:
                            forms_beside[word].append(form)
            for forms in forms_beside.values():
                if 1 < len(forms) <= SPECIFIC:
                    pairs.update(combinations(sorted(forms), 2))
        return pairs

    def shared(self, form: str, other: str) -> list[str]:
        """The specific words both forms stand beside, on the same side, most used first."""
        found = Counter()
        for side, neighbours in self.sides.items():
            mine, theirs = neighbours.get(form, {}), neighbours.get(other, {})
            for word in mine.keys() & theirs.keys():
                if self._specific(side, word, min(mine[word], theirs[word])):
                    found[word] += mine[word] + theirs[word]
        return sorted(found, key=lambda word: (-found[word], word))  # ties in one order, run after run

    def place(self, form: str) -> str:
        """Where a form stands in the names it is written in: "first" where the specific words
        beside it mostly follow it (a given name: سيموني before إنزاغي), "last" where they mostly
        come before it (a family name: سيميوني after دييغو), "" where too few are read to tell."""
        after, before = (
            sum(count for word, count in self.sides[side].get(form, {}).items() if self._specific(side, word, count))
            for side in ("after", "before")
        )
        if after + before < PLACE_USES:
            return ""
        if after >= PLACE_SHARE * (after + before):
            return "first"
        return "last" if before >= PLACE_SHARE * (after + before) else ""

    def _specific(self, side: str, word: str, count: int) -> bool:
        """A word beside a form often enough, and beside few forms (a name, not قال)."""
        return count >= MIN_BESIDE and self._spread(side)[word] <= SPECIFIC

    def alike(self, form: str, other: str) -> float:
        """How alike the words beside the two forms are (0 to 1)."""
        mine, theirs = self._vector(form), self._vector(other)
        if not mine or not theirs:
            return 0.0
        dot = sum(weight * theirs.get(key, 0.0) for key, weight in mine.items())
        norms = math.sqrt(sum(w * w for w in mine.values()) * sum(w * w for w in theirs.values()))
        return round(dot / norms, 3)

    def _spread(self, side: str) -> Counter:
        """word -> how many forms it stands beside, on that side, MIN_BESIDE times or more."""
        if side not in self._spreads:
            self._spreads[side] = Counter(
                word for words in self.sides[side].values() for word, count in words.items() if count >= MIN_BESIDE
            )
        return self._spreads[side]

    def _vector(self, form: str) -> dict[tuple[str, str], float]:
        if form not in self._vectors:
            self._vectors[form] = {
                (side, word): math.log1p(count) * math.log(self.total / self.uses[word])
                for side, neighbours in self.sides.items()
                for word, count in neighbours.get(form, {}).items()
            }
        return self._vectors[form]


def _beside(sentence: list[str]):
    """Each word and the next, reading through a particle of names (دي, بن) to the name after it."""
    for at, word in enumerate(sentence):
        if word in NAME_PARTICLES:
            continue
        following = at + 1
        if following < len(sentence) and sentence[following] in NAME_PARTICLES:
            following += 1
        if following < len(sentence):
            yield word, sentence[following]

"""What a republisher added, removed or changed: a word diff of an article against its upstream."""

from __future__ import annotations

from dataclasses import dataclass, field
from difflib import SequenceMatcher

from articles.arabic import fold

BREAK = "\n"  # a paragraph break, kept as a token so the columns keep their paragraphs


@dataclass
class Column:
    paragraphs: list[list[tuple[str, str]]] = field(default_factory=lambda: [[]])  # [(same|added|removed, text)]

    def add(self, op: str, tokens: list[str]) -> None:
        for token in tokens:
            if token == BREAK:
                self.paragraphs.append([])
            elif self.paragraphs[-1] and self.paragraphs[-1][-1][0] == op:
                self.paragraphs[-1][-1] = (op, self.paragraphs[-1][-1][1] + " " + token)
            else:
                self.paragraphs[-1].append((op, token))


@dataclass
class Diff:
    upstream: Column
    downstream: Column
    same: int
    added: int
    removed: int

    @property
    def kept_share(self) -> float:
        """The share of the upstream's words the downstream kept."""
        return self.same / max(1, self.same + self.removed)


def _tokens(text: str) -> list[str]:
    tokens = []
    for paragraph in text.split("\n\n"):
        if paragraph.strip():
            tokens += [*paragraph.split(), BREAK]
    return tokens


def diff(upstream_text: str, downstream_text: str) -> Diff:
    """Compare two texts word by word, Arabic spelling variants counting as the same word."""
    left, right = _tokens(upstream_text), _tokens(downstream_text)
    matcher = SequenceMatcher(None, [fold(t) for t in left], [fold(t) for t in right], autojunk=False)
    up, down, counts = Column(), Column(), {"same": 0, "added": 0, "removed": 0}
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            up.add("same", left[i1:i2])
            down.add("same", right[j1:j2])
            counts["same"] += sum(t != BREAK for t in left[i1:i2])
            continue
        up.add("removed", left[i1:i2])
        down.add("added", right[j1:j2])
        counts["removed"] += sum(t != BREAK for t in left[i1:i2])
        counts["added"] += sum(t != BREAK for t in right[j1:j2])
    return Diff(up, down, **counts)

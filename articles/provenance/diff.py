"""What a republisher added, removed or changed: a word diff of an article against its upstream."""

from __future__ import annotations

from dataclasses import dataclass, field

from diff_match_patch import diff_match_patch

from articles.arabic import fold

BREAK = "\n"  # a paragraph break, kept as a token so the columns keep their paragraphs
# A page is one request: the words compared are bounded, and so is the time (Myers' diff, which
# gives up on a minimal answer after DIFF_SECONDS rather than run on; the old SequenceMatcher
# spent 30 s on one long pair).
MAX_WORDS = 20_000
DIFF_SECONDS = 2.0
OPS = {0: "equal", -1: "delete", 1: "insert"}


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
    truncated: bool = False  # one of the texts was longer than MAX_WORDS: only its start is compared

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
    truncated = len(left) > MAX_WORDS or len(right) > MAX_WORDS
    left, right = left[:MAX_WORDS], right[:MAX_WORDS]
    up, down, counts = Column(), Column(), {"same": 0, "added": 0, "removed": 0}
    i = j = 0
    for op, length in _word_opcodes([fold(t) for t in left], [fold(t) for t in right]):
        if op == "equal":
            up.add("same", left[i : i + length])
            down.add("same", right[j : j + length])
            counts["same"] += sum(t != BREAK for t in left[i : i + length])
            i, j = i + length, j + length
        elif op == "delete":
            up.add("removed", left[i : i + length])
            counts["removed"] += sum(t != BREAK for t in left[i : i + length])
            i += length
        else:
            down.add("added", right[j : j + length])
            counts["added"] += sum(t != BREAK for t in right[j : j + length])
            j += length
    return Diff(up, down, **counts, truncated=truncated)


def _word_opcodes(left: list[str], right: list[str]) -> list[tuple[str, int]]:
    """(equal|delete|insert, number of words): each distinct word is one character to the diff."""
    codes: dict[str, str] = {}
    for word in (*left, *right):
        codes.setdefault(word, chr(0x10000 + len(codes)))
    engine = diff_match_patch()
    engine.Diff_Timeout = DIFF_SECONDS
    found = engine.diff_main("".join(codes[w] for w in left), "".join(codes[w] for w in right), False)
    return [(OPS[op], len(text)) for op, text in found]

"""Web-search syntax: words, "quoted phrases", -exclusions, and OR / «أو» between alternatives.

    بوتين قرغيزستان              both words
    "معاهدة الأمن الجماعي"        the exact phrase (stop words inside quotes are kept as gaps)
    بوتين -كازاخستان             without the second word
    ترامب OR بايدن / ترامب أو بايدن  either

Stop words outside quotes are ignored and reported back to the user.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from articles.arabic import fold
from articles.search.analysis import STOP_WORDS, TOKEN, Reading, analyse, expression
from articles.search.gazetteer import GIVEN_NAMES

# Words are apart at a comma or semicolon even with no space after it (ترامب،بوتين is two words,
# not a phrase); a hyphen or a slash joins them (F-35, 24/7) as the index does.
PART = re.compile(r'(?P<minus>-)?(?:["“”«](?P<phrase>[^"“”»]*)["“”»]?|(?P<word>[^\s"“”«»،؛,;]+))')
OR_WORDS = {"or", "|", "او"}
ARTICLE = "ال"
MAX_CLAUSES = 12


@dataclass
class Clause:
    """A word or a phrase of the query, as analysed: one entry per token, None for a stop word."""

    text: str
    slots: list[tuple[Reading, ...] | None]
    phrase: bool = False

    @property
    def is_word(self) -> bool:
        return len(self.slots) == 1


@dataclass
class ParsedQuery:
    groups: list[list[Clause]] = field(default_factory=list)  # all groups must match; any clause of one
    excluded: list[Clause] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)  # stop words left out
    # Several plain words (no quotes, OR or exclusions): the same words as a phrase, stop words as
    # gaps. Not a condition: ranking puts the articles that have them side by side first.
    together: Clause | None = None
    # Every one of those words typed with the article (الأمن الغذائي, الخطوط الجوية السعودية): a
    # definite noun and the definite adjectives that describe it, one term whose words apart mean
    # something else (الأمن in a headline, غذائي further on). Or a person's name, a listed given name
    # first (أحمد الطيب: not أحمد in one place and «طيبة» in another). Ranking reads them side by side first.
    term: bool = False

    def __bool__(self) -> bool:
        return bool(self.groups)

    @property
    def clauses(self) -> list[Clause]:
        return [clause for group in self.groups for clause in group]


def parse(text: str) -> ParsedQuery:
    """Parse a query typed into the search box. Never fails: anything unusable is ignored."""
    parsed, join_next = ParsedQuery(), False
    for word, phrase, minus in _parts(text or ""):
        if word is not None and not minus and fold(word) in OR_WORDS:
            join_next = bool(parsed.groups)
            continue
        clause = _clause(phrase if phrase is not None else word, quoted=phrase is not None, parsed=parsed)
        if clause is None:
            continue
        if minus:
            parsed.excluded.append(clause)
        elif join_next:
            parsed.groups[-1].append(clause)
        else:
            parsed.groups.append([clause])
        join_next = False
    parsed.groups = parsed.groups[:MAX_CLAUSES]
    plain = len(parsed.groups) > 1 and not parsed.excluded and all(len(g) == 1 and g[0].is_word for g in parsed.groups)
    if plain and not any(mark in (text or "") for mark in '"“”«»'):
        parsed.together = _clause(text, quoted=True, parsed=ParsedQuery())
        tokens = [fold(token) for token in TOKEN.findall(text)]
        parsed.term = all(token.startswith(ARTICLE) for token in tokens) or tokens[0] in GIVEN_NAMES
    return parsed


def _parts(text: str) -> list[tuple[str | None, str | None, bool]]:
    """(word, phrase, excluded) for each part of the query; two function words that make a phrase
    of their own (عن بعد) are one word."""
    parts = [(m["word"], m["phrase"], bool(m["minus"])) for m in PART.finditer(text)]
    joined = []
    for word, phrase, minus in parts:
        if word is not None and joined and joined[-1][0] is not None and not minus:
            previous = joined[-1][0].split()[-1]
            if expression(previous, word):
                joined[-1] = (f"{joined[-1][0]} {word}", None, joined[-1][2])
                continue
        joined.append((word, phrase, minus))
    return joined


def _clause(text: str | None, *, quoted: bool, parsed: ParsedQuery) -> Clause | None:
    tokens = TOKEN.findall(text or "")
    slots = [analyse(token) or None for token in tokens]
    for index in range(1, len(tokens)):  # «عن بعد»: held at its second word's place, as the index does
        phrase = slots[index] is None and slots[index - 1] is None and expression(tokens[index - 1], tokens[index])
        if phrase:
            slots[index] = (Reading(phrase, phrase),)
    if not quoted and len(tokens) == 1 and slots[0] is None:
        if fold(tokens[0]) in STOP_WORDS:
            parsed.ignored.append(tokens[0])
        return None
    # Trim stop words at the ends of a phrase: they cannot be matched (they are not indexed).
    while slots and slots[0] is None:
        slots.pop(0)
    while slots and slots[-1] is None:
        slots.pop()
    if not slots:
        return None
    return Clause(text=text.strip(), slots=slots, phrase=quoted or len(slots) > 1)

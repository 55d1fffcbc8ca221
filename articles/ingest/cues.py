"""The cues of source notes, read from data/cues.toml and compiled once.

A cue is a regular expression that ends where an outlet's name begins (see the data file for the
macros it may use). `Cue.kind` says what the note means: republished from, first published on,
the original source, adapted by, translated from, or, in the story, a quoted source.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from articles.arabic import fold
from articles.models import AttributionKind

DATA = Path(__file__).with_name("data") / "cues.toml"


# A cue is whole words, perhaps after «و» or «ف»: «عرض» is not in «يعرض», «وبحسب» is «بحسب». Checked
# after a match rather than written into the pattern: a lookbehind in front of every template
# keeps the regex engine from skipping ahead, and made reading three times slower.
WORD_CHAR = re.compile(r"[\w\u0600-\u06ff]")


def whole_word(text: str, start: int) -> bool:
    if start == 0 or not WORD_CHAR.match(text, start - 1):
        return True
    return text[start - 1] in "وف" and (start == 1 or text[start - 2] in ' \t\n(«"“')


@dataclass(frozen=True)
class Cue:
    kind: AttributionKind
    pattern: re.Pattern

    def finditer(self, text: str):
        """The cue's matches that begin a word, none hidden by a match inside another word."""
        position = 0
        while True:
            match = self.pattern.search(text, position)
            if match is None:
                return
            if whole_word(text, match.start()):
                yield match
                position = max(match.end(), match.start() + 1)
            else:
                position = match.start() + 1

    def search(self, text: str) -> re.Match | None:
        return next(self.finditer(text), None)

    def match(self, text: str) -> re.Match | None:
        return self.pattern.match(text)


@dataclass(frozen=True)
class Lexicon:
    notes: tuple[Cue, ...]  # cues a note line starts with
    phrases: tuple[Cue, ...]  # cues anywhere in a note
    inline: tuple[Cue, ...]  # reporting in the story
    translated_marker: re.Pattern  # anchored on punctuation or a space: no word check
    translated_before: re.Pattern
    types: re.Pattern  # an outlet type at a position: «موقع», «وكالة الأنباء» …
    descriptors: frozenset[str]  # folded
    continuations: frozenset[str]
    stops: frozenset[str]
    never_names: frozenset[str]
    unnamed: frozenset[str]
    institutions: frozenset[str]
    corporations: tuple[tuple[str, ...], ...]  # folded words, longest first


def _compile(template: str, macros: dict[str, str]) -> re.Pattern:
    for name, value in macros.items():
        template = template.replace("{" + name + "}", value)
    return re.compile(template, re.IGNORECASE)


def _cues(groups: list[dict], macros: dict[str, str]) -> tuple[Cue, ...]:
    return tuple(
        Cue(AttributionKind(group["kind"]), _compile(template, macros))
        for group in groups
        for template in group["templates"]
    )


@cache
def lexicon() -> Lexicon:
    data = tomllib.loads(DATA.read_text(encoding="utf-8"))
    macros, outlets = data["macros"], data["outlets"]
    types = sorted(outlets["types"], key=len, reverse=True)
    return Lexicon(
        notes=_cues(data["note"], macros),
        phrases=_cues(data["phrase"], macros),
        inline=_cues(data["inline"], macros),
        translated_marker=_compile(data["translated_after"]["marker"], macros),
        translated_before=_compile(data["translated_after"]["before"], macros),
        types=re.compile("(?:" + "|".join(re.escape(t) for t in types) + r")(?![\w\u0600-\u06ff])\s*"),
        descriptors=frozenset(fold(d) for d in outlets["descriptors"]),
        continuations=frozenset(fold(c) for c in outlets["continuations"]),
        stops=frozenset(fold(s) for s in outlets["stops"]),
        never_names=frozenset(fold(n) for n in outlets["never_names"]),
        unnamed=frozenset(fold(u) for u in outlets["unnamed"]),
        institutions=frozenset(fold(i) for i in outlets["institutions"]),
        corporations=tuple(sorted((tuple(fold(c).split()) for c in outlets["corporations"]), key=len, reverse=True)),
    )

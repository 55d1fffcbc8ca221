"""Highlighted snippets from the original text: escaped first, then every matching word marked.

A word is marked when one of its readings is a lexeme that made the match, so every surface
form is marked (قيرغيزستان، لقرغيزستان، القرغيزية…), which `ts_headline` cannot do here.

A page of results makes twenty snippets from texts of thousands of words: each distinct word of
a text is analysed once, the words are listed in one pass of the tokenizer, and only the chosen
passage is read again for its words' places in the text.
"""

from __future__ import annotations

import bisect
from functools import lru_cache
from itertools import islice

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from articles.search.analysis import EXPRESSIONS, TOKEN, expression, indexed

SNIPPET_WORDS = 40
CONTEXT_BEFORE = 6
SCANNED = 20_000  # characters: a snippet comes from the first pages of a long text


def highlight(text: str, lexemes: set[str]) -> SafeString:
    """The whole text, escaped, with matching words in <mark>."""
    spans = [match.span() for match in TOKEN.finditer(text)]
    if not spans:
        return mark_safe(escape(text))
    words = [text[start:end] for start, end in spans]
    inner = _marked(text, spans, _matching(words, lexemes), words, set(_in_expressions(words, lexemes)))
    return mark_safe(escape(text[: spans[0][0]]) + inner + escape(text[spans[-1][1] :]))


def snippet(text: str, lexemes: set[str], size: int = SNIPPET_WORDS) -> SafeString:
    """The passage of about `size` words with the most distinct matching words, marked."""
    scanned = text[:SCANNED]
    words = TOKEN.findall(scanned)
    if not words:
        return mark_safe("")
    matching, paired = _matching(words, lexemes), _in_expressions(words, lexemes)
    hits = [(i, matching.get(word) or paired[i]) for i, word in enumerate(words) if word in matching or i in paired]
    first = _best_window(hits, size)
    last = min(first + size, len(words))
    spans = [match.span() for match in islice(TOKEN.finditer(scanned), first, last)]
    before = "… " if first > 0 else ""
    after = " …" if last < len(words) or len(text) > SCANNED else ""
    marked = {i - first for i in paired if first <= i < last}
    return mark_safe(before + _marked(text, spans, matching, words[first:last], marked) + after)


def _matching(words: list[str], lexemes: set[str]) -> dict[str, frozenset[str]]:
    """The distinct words that carry query lexemes, with the lexemes each carries."""
    found = {}
    for word in set(words):
        own = _lexemes(word)
        if not own.isdisjoint(lexemes):
            found[word] = own.intersection(lexemes)
    return found


def _in_expressions(words: list[str], lexemes: set[str]) -> dict[int, frozenset[str]]:
    """The places of function words that made the match as one expression (عن بعد), with its lexeme:
    marked where they go together, never alone."""
    wanted = lexemes.intersection(EXPRESSIONS.values())
    found = {}
    for index in range(1, len(words)) if wanted else ():
        phrase = expression(words[index - 1], words[index])
        if phrase in wanted:
            found[index - 1] = found[index] = frozenset({phrase})
    return found


@lru_cache(maxsize=200_000)
def _lexemes(token: str) -> frozenset[str]:
    return frozenset(indexed(token)[1])  # what the whole index holds the token under


def _best_window(hits: list[tuple[int, frozenset[str]]], size: int) -> int:
    """The first word of the window holding the most distinct lexemes (then the most hits)."""
    places = [index for index, _ in hits]
    best, best_score = 0, (0, 0)
    for index in places:
        first = max(index - CONTEXT_BEFORE, 0)
        inside = hits[bisect.bisect_left(places, first) : bisect.bisect_left(places, first + size)]
        score = (len(frozenset().union(*(found for _, found in inside))), len(inside))
        if score > best_score:
            best, best_score = first, score
    return best


def _marked(
    text: str, spans: list[tuple[int, int]], matching: dict, words: list[str], paired: set[int] = frozenset()
) -> str:
    """The text from the first span to the last (the words at those spans), escaped, the spans of
    matching words marked, and of the words at `paired` (places among these)."""
    if not spans:
        return ""
    out, cursor = [], spans[0][0]
    for index, ((start, end), word) in enumerate(zip(spans, words, strict=True)):
        if word in matching or index in paired:
            out.append(escape(text[cursor:start]))
            out.append(f"<mark>{escape(text[start:end])}</mark>")
            cursor = end
    out.append(escape(text[cursor : spans[-1][1]]))
    return "".join(out)

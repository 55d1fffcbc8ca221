"""Highlighted snippets from the original text: escaped first, then every matching word marked.

A word is marked when one of its readings is a lexeme that made the match, so every surface
form is marked (قيرغيزستان، لقرغيزستان، القرغيزية…), which `ts_headline` cannot do here.
"""

from __future__ import annotations

from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from articles.search.analysis import TOKEN, analyse

SNIPPET_WORDS = 40
CONTEXT_BEFORE = 6
SCANNED = 20_000  # characters: a snippet comes from the first pages of a long text


def highlight(text: str, lexemes: set[str]) -> SafeString:
    """The whole text, escaped, with matching words in <mark>."""
    tokens = _tokens(text, lexemes)
    if not tokens:
        return mark_safe(escape(text))
    inner = _marked(text, tokens, 0, len(tokens))
    return mark_safe(escape(text[: tokens[0][0]]) + inner + escape(text[tokens[-1][1] :]))


def snippet(text: str, lexemes: set[str], size: int = SNIPPET_WORDS) -> SafeString:
    """The passage of about `size` words with the most distinct matching words, marked."""
    tokens = _tokens(text[:SCANNED], lexemes)
    if not tokens:
        return mark_safe("")
    first = _best_window(tokens, size)
    last = min(first + size, len(tokens))
    before = "… " if first > 0 else ""
    after = " …" if last < len(tokens) or len(text) > SCANNED else ""
    return mark_safe(before + _marked(text, tokens, first, last) + after)


def _tokens(text: str, lexemes: set[str]) -> list[tuple[int, int, frozenset[str]]]:
    """(start, end, the query lexemes it carries) for every token of the text."""
    found = []
    for match in TOKEN.finditer(text):
        own = _lexemes(match.group())
        found.append((*match.span(), NO_HITS if own.isdisjoint(lexemes) else own.intersection(lexemes)))
    return found


NO_HITS: frozenset[str] = frozenset()


@lru_cache(maxsize=200_000)
def _lexemes(token: str) -> frozenset[str]:
    return frozenset(reading.lexeme for reading in analyse(token))


def _best_window(tokens, size: int) -> int:
    """The first token of the window holding the most distinct lexemes (then the most hits)."""
    hits = [i for i, (_, _, found) in enumerate(tokens) if found]
    best, best_score = 0, (0, 0)
    for index in hits:
        first = max(index - CONTEXT_BEFORE, 0)
        inside = [tokens[i][2] for i in hits if first <= i < first + size]
        score = (len(frozenset().union(*inside)), len(inside))
        if score > best_score:
            best, best_score = first, score
    return best


def _marked(text: str, tokens, first: int, last: int) -> str:
    if first >= last:
        return ""
    out, cursor = [], tokens[first][0]
    for start, end, found in tokens[first:last]:
        if found:
            out.append(escape(text[cursor:start]))
            out.append(f"<mark>{escape(text[start:end])}</mark>")
            cursor = end
    out.append(escape(text[cursor : tokens[last - 1][1]]))
    return "".join(out)

"""Highlighted snippets from the original text: escaped first, then every matching word marked.

A word is marked when one of its readings is a lexeme that made the match, so every surface
form is marked (قيرغيزستان، لقرغيزستان، القرغيزية…), which `ts_headline` cannot do here.
"""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from articles.search.analysis import TOKEN, words

SNIPPET_WORDS = 40
CONTEXT_BEFORE = 6


def highlight(text: str, lexemes: set[str]) -> SafeString:
    """The whole text, escaped, with matching words in <mark>."""
    return _marked(text, 0, len(text), lexemes)


def snippet(text: str, lexemes: set[str], size: int = SNIPPET_WORDS) -> SafeString:
    """The passage of about `size` words with the most distinct matching words, marked."""
    spans = [match.span() for match in TOKEN.finditer(text)]
    if not spans:
        return mark_safe("")
    hits = [(w.position, w.lexemes & lexemes) for w in words(text)]
    hits = [(position, found) for position, found in hits if found]
    first = _best_window(hits, size)
    last = min(first + size, len(spans)) - 1
    start, end = spans[first][0], spans[last][1]
    passage = _marked(text, start, end, lexemes)
    before = "… " if first > 0 else ""
    after = " …" if last < len(spans) - 1 else ""
    return mark_safe(before + passage + after)


def _best_window(hits: list[tuple[int, set[str]]], size: int) -> int:
    """The first token of the window holding the most distinct lexemes (then the most hits)."""
    best, best_score = 0, (0, 0)
    for position, _ in hits:
        first = max(position - CONTEXT_BEFORE, 0)
        inside = [found for p, found in hits if first <= p < first + size]
        score = (len(set().union(*inside)), len(inside))
        if score > best_score:
            best, best_score = first, score
    return best


def _marked(text: str, start: int, end: int, lexemes: set[str]) -> str:
    marked = {(w.start, w.end) for w in words(text[start:end]) if w.lexemes & lexemes}
    out, cursor, chunk = [], 0, text[start:end]
    for word_start, word_end in sorted(marked):
        out.append(escape(chunk[cursor:word_start]))
        out.append(f"<mark>{escape(chunk[word_start:word_end])}</mark>")
        cursor = word_end
    out.append(escape(chunk[cursor:]))
    return "".join(out)

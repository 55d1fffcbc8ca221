"""Spelling variants and suggestions, from the vocabulary of indexed word forms.

A query word of four letters or more is expanded to the indexed forms that
- have the same consonant skeleton (first letter, then the word without ا و ي ء): transliterations
  of one name differ in their long vowels (قرغيزستان/قيرغيزستان, ترامب/ترمب, بلينكن/بلينكين); or
- are one or two letters away and close in trigrams (similarity >= 0.5), for longer words.
Variants rank below exact matches and are shown to the user.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import connection

from articles.models import SearchTerm
from articles.search.analysis import PROCLITICS, skeleton

MIN_FORM = 4  # letters; shorter words have too many look-alikes
MIN_SKELETON = 4
MIN_TRIGRAM_FORM = 6
TRIGRAM_SIMILARITY = 0.5
MAX_EDITS = 2
SHORT_FORM = 6  # up to six letters, variants differ by one letter (ترامب/ترمب, not فرنسا/فرانسوا)
MIN_SAFE_STEM = 5
MAX_VARIANTS = 8
SUGGESTION_SIMILARITY = 0.3


@dataclass(frozen=True)
class Variant:
    form: str
    lexeme: str
    display: str
    article_count: int


def variants(form: str) -> list[Variant]:
    """Other spellings of a word form found in the archive, most frequent first."""
    if len(form) < MIN_FORM or not form.isalpha() or form.isascii():
        return []
    shape = skeleton(form)
    with connection.cursor() as cursor:
        cursor.execute("SELECT set_config('pg_trgm.similarity_threshold', %s, false)", [str(TRIGRAM_SIMILARITY)])
        cursor.execute(
            "SELECT form, lexeme, display, article_count, similarity(form, %s) FROM articles_searchterm "
            "WHERE form <> %s AND ((skeleton = %s AND length(skeleton) >= %s) OR form %% %s)",
            [form, form, shape, MIN_SKELETON, form],
        )
        rows = cursor.fetchall()
    found = [
        Variant(other, lexeme, display, count)
        for other, lexeme, display, count, similarity in rows
        if is_variant(form, other, lexeme, similarity)
    ]
    return sorted(found, key=lambda v: -v.article_count)[:MAX_VARIANTS]


def is_variant(form: str, other: str, lexeme: str, similarity: float) -> bool:
    """Whether `other` (stemmed to `lexeme`) is another spelling of `form`, not another word."""
    if other[0] in PROCLITICS and (other[1:] == form or skeleton(other[1:]) == skeleton(form)):
        return False  # the same word with و/ب/ل…: matched already through its bare reading
    if len(lexeme) < MIN_SAFE_STEM and lexeme != other:
        return False  # بينكين stems to بينك ("between you"): the stem is another word
    edits = edit_distance(form, other)
    if edits > (1 if min(len(form), len(other)) <= SHORT_FORM else MAX_EDITS):
        return False
    if len(skeleton(form)) >= MIN_SKELETON and skeleton(form) == skeleton(other):
        return True
    return similarity >= TRIGRAM_SIMILARITY and min(len(form), len(other)) >= MIN_TRIGRAM_FORM


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance (small words, so the plain dynamic programme is fine)."""
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b)))
        previous = current
    return previous[-1]


def article_counts(forms: list[str]) -> dict[str, int]:
    return dict(SearchTerm.objects.filter(form__in=forms).values_list("form", "article_count"))


def suggestions(form: str, limit: int = 5) -> list[str]:
    """The nearest indexed spellings of a word that found nothing, most frequent first."""
    if len(form) < 3:
        return []
    with connection.cursor() as cursor:
        cursor.execute("SELECT set_config('pg_trgm.similarity_threshold', %s, false)", [str(SUGGESTION_SIMILARITY)])
        cursor.execute(
            "SELECT display FROM articles_searchterm WHERE form %% %s AND form <> %s "
            "ORDER BY similarity(form, %s) DESC, article_count DESC LIMIT %s",
            [form, form, form, limit],
        )
        return [row[0] for row in cursor.fetchall()]

"""Numbered sequels: the second relief plane to land in Aden is another story than the third.

Agencies file such items from one template, a day apart, and they share most of their words (and
often a passage): by similarity and by shared text they are one story. Their titles tell them
apart by an ordinal (الأولى، الثانية، الثالثة…). Two articles whose titles both carry ordinals,
none in common, are not put in one event. A title may carry more than one (الجولة الثالثة من دوري
الدرجة الأولى): sharing any is enough. Month names that read as ordinals (تشرين الأول، ربيع الثاني)
are not counted.
"""

from __future__ import annotations

import re
from collections.abc import Set
from functools import lru_cache

from articles.arabic import fold

ORDINALS = {
    fold(word): number
    for number, words in enumerate(
        [
            "أول أولى الأول الأولى",
            "ثاني ثانية الثاني الثانية",
            "ثالث ثالثة الثالث الثالثة",
            "رابع رابعة الرابع الرابعة",
            "خامس خامسة الخامس الخامسة",
            "سادس سادسة السادس السادسة",
            "سابع سابعة السابع السابعة",
            "ثامن ثامنة الثامن الثامنة",
            "تاسع تاسعة التاسع التاسعة",
            "عاشر عاشرة العاشر العاشرة",
        ],
        start=1,
    )
    for word in words.split()
}
MONTHS = {fold(word) for word in ("كانون", "تشرين", "ربيع", "جمادى")}
WORD = re.compile(r"\w+")


@lru_cache(maxsize=30_000)
def ordinals(title: str) -> frozenset[int]:
    """The ordinal numbers a title carries (الطائرة الإغاثية الثالثة: {3})."""
    words = WORD.findall(fold(title or ""))
    return frozenset(
        ORDINALS[word] for i, word in enumerate(words) if word in ORDINALS and not (i and words[i - 1] in MONTHS)
    )


def other_sequel(a: Set[int], b: Set[int]) -> bool:
    """Whether two titles' ordinals say they are different items of a series."""
    return bool(a and b and not a & b)

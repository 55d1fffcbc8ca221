"""Lines of page text with their offsets, and the site chrome that is not part of a story."""

from __future__ import annotations

import re
from dataclasses import dataclass

from articles.arabic import fold, strip_invisible


@dataclass
class Line:
    text: str  # stripped of surrounding spaces and invisible characters
    start: int  # offset of `text` in the source text

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def word_count(self) -> int:
        return len(self.text.split())


def split_lines(source_text: str, offset: int = 0) -> list[Line]:
    """Non-empty lines with the offset where their visible text starts."""
    lines = []
    position = 0
    for raw_line in source_text.splitlines(keepends=True):
        visible = strip_invisible(raw_line)
        stripped = visible.strip()
        if stripped and stripped.strip("\u00a0 \t"):
            start = raw_line.find(stripped[0])
            # The visible text may contain invisible characters the raw line still has.
            lines.append(Line(stripped, offset + position + max(start, 0)))
        position += len(raw_line)
    return lines


# Patterns match folded text (see articles.arabic.fold): ى is ي, ة is ه, أ is ا.
CHROME = [
    re.compile(p)
    for p in (
        r"^time reading icon",
        r"^دقائق القراءه",
        r"^(مده|وقت) القراءه",
        r"^اقرا ايضا\s*:?$",
        r"^اقرا المزيد\s*:?$",
        r"^(تصنيفات|الوسوم|وسوم|كلمات مفتاحيه|مواضيع ذات صله|اخبار ذات صله|قصص قد تهمك|قد يعجبك ايضا)\s*:?$",
        r"^رابط مختصر",
        r"^(شارك|شاركها|شارك الخبر|مشاركه)( علي| عبر|\s*:|$)",
        r"^(اشترك|اشتركوا|للاشتراك)\b",
        r"^تابع(نا|ونا|وا)? .{0,60}(علي|عبر) (قوقل|جوجل|غوغل|google|تويتر|فيسبوك|تلغرام|تيليغرام|يوتيوب|انستغرام|حساباتنا)",
        r"^نشكر لكم (اهتمامكم|متابعتكم)",
        r"^اكتشاف المزيد من ",
        r"^المصدر\s*:?$",
        r"^(طباعه|print|share|facebook|twitter|whatsapp)$",
        r"^[\W_]+$",  # separator lines: «//», «***», «—»
    )
]
SUBSCRIBE_WIDGET = re.compile(r"^اكتشاف المزيد من\s+(.+?)\s*$")


def is_chrome(line: Line) -> bool:
    folded = fold(line.text)
    return any(pattern.search(folded) for pattern in CHROME)


def site_name_from_chrome(line: Line) -> str | None:
    """WordPress's «اكتشاف المزيد من X» subscribe widget names the site it runs on."""
    match = SUBSCRIBE_WIDGET.match(line.text)
    return match.group(1) if match else None

"""Scraped page text to an article: headline, credits, captions, body and attributions.

A scraped page is a header (sidebar lists, the headline printed once or thrice, captions, author,
section, dateline) followed by the story, with chrome and disclaimers scattered around it. The
story starts at the first line that reads like a paragraph.
"""

from __future__ import annotations

import re

from articles.arabic import fold
from articles.ingest import attributions as found
from articles.ingest.credits import is_place, parse_credit
from articles.ingest.dates import date_in_text
from articles.ingest.draft import Draft
from articles.ingest.lines import Line, is_chrome, site_name_from_chrome, split_lines

SECTIONS = {
    fold(s)
    for s in (
        "اخبار العالم", "أخبار العالم", "أخبار عربية", "عربي ودولي", "عربي و دولي", "دولي", "دوليات", "سياسة",
        "اقتصاد", "رياضة", "ثقافة", "ثقافة وفن", "فن", "منوعات", "محليات", "تقارير", "تقارير وتحليلات",
        "مقالات", "رأي", "آراء", "صحة", "تكنولوجيا", "علوم", "أخبار", "العالم", "الخليج", "عربي",
        "شؤون دولية", "أخبار محلية", "أخبار دولية", "مال وأعمال", "تحقيقات", "حوارات", "آسيا الوسطى",
    )
}  # fmt: skip
LIST_ITEM = re.compile(r"^\s*[-•*▪◦]\s+\S")
CREDIT_SEPARATOR = re.compile(r"[-–—ـ:(]")
SENTENCE_END = re.compile(r"[.!؟?:\"”»)]\s*$")
TITLE_IN_DISCLAIMER = re.compile(
    r"(?:^|\s)ل?(?:خبر|مادة|مقال|تقرير)\s+[“\"«]?(.{10,200}?)[”\"»]?\s+(?:تم اقتباس|تابعوا)"
)
PHOTO_NOTE = re.compile(r"\(\s*(?:صورة|الصورة|تصوير)\s*:[^()]{2,30}\)\s*$")
TRAILING_NOTE = re.compile(r"\s\*\s*(?:نقلا|نقلاً) عن\s*(?=\S)")
INLINE_DATELINE = re.compile(r"^([^()\n،,:\-–]{2,30}?)\s*(?:[،,][^()\n]{0,40})?\(([^()\n]{2,25})\)\s*[-–—ـ:]+")


def is_paragraph(line: Line) -> bool:
    return line.word_count >= 12 or (line.word_count >= 6 and bool(SENTENCE_END.search(line.text)))


def parse_page(draft: Draft, names, *, lines: list[Line] | None = None, header_allowed: bool = True) -> None:
    """Fill the draft from its source text (or from `lines`, a part of it)."""
    content, disclaimers = [], []
    for line in lines if lines is not None else split_lines(draft.source_text):
        site = site_name_from_chrome(line)
        if site and not draft.publisher_hint:
            draft.publisher_hint = site
        if is_chrome(line):
            continue
        (disclaimers if found.is_disclaimer(line) else content).append(line)
    names.settle_publisher(draft)
    first_body = _story_start(content) if header_allowed else 0
    _parse_header(draft, content[:first_body], names)
    body = [_cut_trailing_note(draft, line, names) for line in content[first_body:]]
    _parse_body(draft, [line for line in body if line.text], names)
    for line in disclaimers:
        for attribution in found.disclaimer_attributions(line, names):
            draft.add(attribution)
    if not draft.title:
        draft.title = _title_from_disclaimers(disclaimers) or _title_from_body(draft.body)


def _story_start(content: list[Line]) -> int:
    counts = _counts(content)
    for index, line in enumerate(content):
        caption_like = (
            counts[_key(line)] > 1
            or line.text.endswith(("AFP", "Reuters", "Getty Images", "EPA"))
            or bool(PHOTO_NOTE.search(line.text))
        )
        if is_paragraph(line) and not LIST_ITEM.match(line.text) and not caption_like:
            return index
    return len(content)


def _parse_header(draft: Draft, header: list[Line], names) -> None:
    counts = _counts(header)
    seen, rest = set(), []
    for line in header:
        if LIST_ITEM.match(line.text) or _key(line) in seen:
            continue  # a sidebar list of other headlines, or a line printed again
        seen.add(_key(line))
        credit = found.photo_credit(line, names)
        if credit:
            draft.captions.append(line.text)
            draft.add(credit)
        else:
            rest.append(line)
    credit_lines = {line.start for line in rest if _is_credit_line(line, names)}
    if not draft.title:
        repeated = [line for line in rest if counts[_key(line)] > 1 and line.word_count >= 3]
        headlines = [line for line in rest if line.word_count >= 2 and line.start not in credit_lines]
        candidates = repeated or [line for line in headlines if line.word_count >= 3] or headlines
        if candidates:
            draft.title = candidates[0].text
    for line in rest:
        if line.text == draft.title:
            continue
        if fold(line.text) in SECTIONS and not draft.section:
            draft.section = line.text
        elif line.start in credit_lines and not draft.byline:
            _apply_credit(draft, line, names)
        elif 2 <= line.word_count <= 4 and not re.search(r"\d", line.text) and not draft.byline:
            draft.byline = line.text
        elif line.word_count >= 5:
            draft.captions.append(line.text)
    _date_from(draft, [line.text for line in rest if line.text != draft.title] + draft.captions)


def _is_credit_line(line: Line, names) -> bool:
    if line.word_count > 8 or not CREDIT_SEPARATOR.search(line.text):
        return False
    credit = parse_credit(line.text, line.start, names)
    return bool(credit.self_names or credit.attributions or credit.dateline)


def _apply_credit(draft: Draft, line: Line, names) -> None:
    credit = parse_credit(line.text, line.start, names, draft.publisher)
    draft.byline = line.text
    draft.dateline = draft.dateline or credit.dateline
    if credit.self_names and not draft.publisher_hint:
        draft.publisher_hint = credit.self_names[0]
        names.settle_publisher(draft)
    for attribution in credit.attributions:
        draft.add(attribution)


def _parse_body(draft: Draft, body: list[Line], names) -> None:
    if len(body) > 1 and _is_closing_credit(body[-1], names):
        closing = body.pop()
        for attribution in parse_credit(closing.text, closing.start, names, draft.publisher).attributions:
            draft.add(attribution)
    draft.body = "\n\n".join(line.text for line in body)
    for index, line in enumerate(body):
        if index == 0:
            _inline_dateline(draft, line)
        for attribution in found.inline_attributions(line, names) + found.agency_codes(line, names):
            draft.add(attribution)


def _is_closing_credit(line: Line, names) -> bool:
    """A last line made only of outlet names: «فرانس 24/ أ ف ب/ رويترز», «(واس)»."""
    if line.word_count > 8 or not re.search(r"[/|،,()-]", line.text):
        return False
    credit = parse_credit(line.text, line.start, names)
    return bool(credit.attributions or credit.self_names) and not credit.authors and not credit.dateline


def _inline_dateline(draft: Draft, line: Line) -> None:
    """«الرياض (رويترز) -» at the start of a story gives the dateline."""
    match = INLINE_DATELINE.match(line.text)
    if match and not draft.dateline and is_place(match.group(1).strip()):
        draft.dateline = match.group(1).strip()


def _cut_trailing_note(draft: Draft, line: Line, names) -> Line:
    """«... آخر الجملة. * نقلا عن "الجزيرة" السعودية» ends a paragraph: the note is not the story."""
    match = TRAILING_NOTE.search(line.text)
    if not match or len(line.text[match.end() :].split()) > 6:
        return line
    note = Line(line.text[match.start() :].strip(), line.start + match.start() + 1)
    for attribution in found.disclaimer_attributions(note, names):
        draft.add(attribution)
    return Line(line.text[: match.start()].rstrip(), line.start)


def _date_from(draft: Draft, texts: list[str]) -> None:
    if draft.published_at:
        return
    for text in texts:
        dated = date_in_text(text)
        if dated:
            draft.published_at, draft.date_precision = dated
            return


def _title_from_disclaimers(disclaimers: list[Line]) -> str:
    for line in disclaimers:
        match = TITLE_IN_DISCLAIMER.search(line.text)
        if match:
            return match.group(1).strip(' “”"«»')
    return ""


def _title_from_body(body: str) -> str:
    words = body.split()
    return " ".join(words[:12]) + ("…" if len(words) > 12 else "")


def _key(line: Line) -> str:
    return " ".join(line.text.split())


def _counts(lines: list[Line]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for line in lines:
        counts[_key(line)] = counts.get(_key(line), 0) + 1
    return counts

"""Find attributions in text: disclaimers, republication notes, inline quotes and agency codes.

Patterns run on the original text (so that offsets are exact) but tolerate spelling variants:
each alternation below lists the forms seen in the seeds and the corpus. Names are cut where a
gazetteer name ends, or at a closing quote, or at a conjunction that starts the next clause.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from articles.arabic import fold
from articles.ingest.draft import FoundAttribution
from articles.ingest.lines import Line
from articles.models import AttributionKind as Kind
from sources.resolver import NATIONALITIES

OPEN_QUOTES = "\"'«“”„‘’″″ \u00a0"
CLOSE_QUOTES = "\"'»”“″″’"
# Words that start the clause after a name: the name ends before them.
NAME_STOPS = {
    "وأن", "وان", "والمصدر", "وللمزيد", "وقد", "وتم", "وهو", "وذلك", "تابعوا", "تابعونا", "هو", "في",
    "من", "على", "إلى", "الى", "عن", "أن", "ان", "إن", "التي", "الذي", "بأن", "بان", "قوله", "وقال",
    "وقالت", "نقلا", "نقلاً", "بعد", "قبل", "خلال", "أثناء", "المعني", "المعنى", "اليوم", "أمس", "امس", "مساء", "صباح", "وفق", "حيث", "كما", "بينما",
}  # fmt: skip
MAX_NAME_WORDS = 5
DOMAIN_NAME = re.compile(r"(?:https?://)?(?:[a-z0-9-]{1,63}\.){1,8}[a-z]{2,63}(?:/\S{0,300})?", re.IGNORECASE)
MEDIA_WORD = (
    r"(?:وكال[ةه](?: أنباء| الأنباء)?|صحيف[ةه]|جريد[ةه]|موقع|قنا[ةه]|شبك[ةه]|مجل[ةه]|إذاع[ةه]|اذاع[ةه]|بوابة|تلفزيون)"
)
# Bare gazetteer names that are also ordinary words, cities or adjectives («الرياض», «العربية»):
# in running text they count only inside quotes or after a media word.
COMMON_WORDS = {
    fold(w)
    for w in [
        "الرياض",
        "المدينة",
        "اليوم",
        "الوطن",
        "الحياة",
        "الشرق",
        "الخليج",
        "البيان",
        "الاتحاد",
        "الرأي",
        "الغد",
        "الدستور",
        "النهار",
        "الأخبار",
        "الصباح",
        "الجريدة",
        "المستقبل",
        "البلاد",
        "الأيام",
        "عاجل",
        "سبق",
        "الرياضي",
        "الرياضية",
        "الاقتصادية",
        "العربية",
        "الجزيرة",
        "الحرة",
        "المنار",
        "الراية",
        "الشروق",
        "القبس",
        "السفير",
        "الأهرام",
        "الفرنسية",
        "الألمانية",
        "العمانية",
        "الراي",
        "الوطنية",
        "بنا",
        "وام",
        "واع",
        "وات",
        "وال",
        "وفا",
        "سبأ",
        "قنا",
    ]
}


@dataclass
class Name:
    text: str
    start: int
    end: int
    quoted: bool
    known: bool  # matches the gazetteer


def read_name(text: str, position: int, names, *, max_words: int = MAX_NAME_WORDS) -> Name | None:
    """The outlet name that starts at `position`: quoted, known to the gazetteer, or up to a stop."""
    start = position
    domain = DOMAIN_NAME.match(text, start, start + 400)
    if domain:
        return Name(domain.group(0), domain.start(), domain.end(), False, bool(names.by_url(domain.group(0))))
    while start < len(text) and text[start] in OPEN_QUOTES:
        start += 1
    quoted = start > position and any(q in text[position:start] for q in OPEN_QUOTES.strip())
    if quoted:
        end = start
        while end < len(text) and text[end] not in CLOSE_QUOTES and text[end] != "\n" and end - start < 80:
            end += 1
        if end > start and end < len(text) and text[end] in CLOSE_QUOTES:
            name = text[start:end].strip()
            return Name(name, start, start + len(text[start:end].rstrip()), True, bool(names.candidates(name)))
    words = list(re.finditer(r"[^\s،,.:;؛()\[\]«»\"“”″]+", text[start : start + 160]))
    words = [w for w in words if text[start + w.start() - 1 : start + w.start()] not in ("\n",)][:max_words]
    # A punctuation mark between words ends the name.
    cut = []
    for index, word in enumerate(words):
        if index and re.search(r"[،,.:;؛()\n\"«»“”]", text[start + words[index - 1].end() : start + word.start()]):
            break
        cut.append(word)
    for count in range(len(cut), 0, -1):
        candidate = text[start + cut[0].start() : start + cut[count - 1].end()]
        if names.candidates(candidate):
            return Name(candidate, start + cut[0].start(), start + cut[count - 1].end(), False, True)
    kept = []
    for word in cut:
        if word.group(0) in NAME_STOPS:
            break
        kept.append(word)
    if not kept:
        return None
    return Name(
        text[start + kept[0].start() : start + kept[-1].end()],
        start + kept[0].start(),
        start + kept[-1].end(),
        False,
        False,
    )


@dataclass
class Rule:
    kind: Kind
    pattern: re.Pattern
    # True for disclaimer templates: the text says the name is an outlet, even if we do not know it.
    names_outlet: bool
    confidence: float


def rule(kind, pattern, names_outlet=True, confidence=0.95):
    return Rule(kind, re.compile(pattern), names_outlet, confidence)


# Disclaimer and republication templates. Each pattern ends where the outlet name begins.
DISCLAIMER_RULES = [
    rule(Kind.ADAPTED_BY, r"تم اقتباس(?:ه|ها) والتعديل (?:عليه|عليها) من قبل فريق(?: التحرير)?(?: في| ب)?\s*"),
    rule(Kind.ADAPTED_BY, r"قام فريق التحرير (?:في|ب) ?(?=\S)"),
    rule(Kind.PREVIOUSLY_PUBLISHED_ON, r"منشور(?:ة)? سابق(?:ًا|اً|ا|ة)? (?:على|في|عبر)(?: موقع)?\s*"),
    rule(
        Kind.PREVIOUSLY_PUBLISHED_ON, r"ظهرت (?:المقالة|المقال|التدوينة)\s.{1,200}?\s(?:أولاً|أولا|اولا) (?:على|في)\s*"
    ),
    rule(Kind.REPUBLISHED_FROM, r"(?:هذا|وهذا) الخبر منقول (?:من|عن)(?: موقع)?\s*"),
    rule(Kind.REPUBLISHED_FROM, r"تم نشر هذا الخبر (?:بواسطة|عبر|على) (?:موقع )?\s*"),
    rule(Kind.REPUBLISHED_FROM, r"(?:بحسب|حسب) ما (?:أورده|اورده|نشره) موقع\s*"),
    rule(Kind.ORIGINAL_SOURCE, r"المصدر الأصلي(?: للخبر)?\s*(?::|هو موقع|هو)?\s*(?!هو المعني|المعني)"),
    rule(Kind.TRANSLATED_FROM, r"(?:مترجم|مترجمة|ترجمة|ترجمه|نقلته إلى العربية) (?:عن|من)(?: صحيفة| موقع| مجلة)?\s*"),
]
# Lines that are entirely a republication note: «* نقلا عن "الحياة" اللندنية», «المصدر: X».
NOTE_LINE = re.compile(r"^\s*\**\s*(?:نقلا|نقلاً|نقل) عن\s*(?=\S)")
SOURCE_LINE = re.compile(
    r"^\s*(?:المصدر|مصدر الخبر|source)(?!\s*(?:الأصلي|الاصلي|الأساسي|الاساسي))\s*[:：\-–]?\s*(?=\S)", re.IGNORECASE
)
# Inline statements attributed to an outlet: «وفق "فرانس برس"», «بيان أوردته وكالة "ريا نوفوستي"».
QUOTE_VERBS = (
    r"وفق|بحسب|حسب|حسبما (?:أفادت|ذكرت|أوردت|نقلت)|نقلا عن|نقلاً عن|"
    r"(?:كما )?(?:ذكرت?|أفادت?|أوردت?|قالت?|نقلت|نشرت|أكدت|كشفت|وصفت|أشارت|حذرت|أعلنت|بثت|أضافت)|"
    r"أوردته|أوردتها|نشرته|نشرتها|بثته|بثتها|نقلته|نقلتها|ذكره|ذكرته|أعلنته|نشر|عبر|مع|عن|في|"
    rf"على(?=\s*{MEDIA_WORD})"
)
# Prepositions written joined to the next word: «وفقا لوكالة», «لـ"رويترز"».
UNAMBIGUOUS_AGENCIES = r"فرانس برس|رويترز|أسوشيتد برس|أسوشييتد برس|الأناضول|سي إن إن|بي بي سي|سكاي نيوز|نوفوستي|شينخوا"
JOINED = rf"وفقا ?ل|وفقاً ?ل|طبقا ?ل|لـ|ل(?={MEDIA_WORD})|ل(?={UNAMBIGUOUS_AGENCIES})"
INLINE_QUOTE = re.compile(
    rf"(?<![\w\u0600-\u06ff])(?:و|ف)?(?:(?:{QUOTE_VERBS})(?![\w\u0600-\u06ff])|{JOINED})\s*(?:{MEDIA_WORD}\s*)?(?=\S)"
)
MEDIA_BEFORE = re.compile(rf"{MEDIA_WORD}\s*$")
# «موقع», «قناة», «شبكة» and a bare «وكالة» also mean a place, a canal, a network or an agency
# of government: after them only a quoted name counts as a new outlet.
STRICTLY_MEDIA = re.compile(r"(?:صحيف[ةه]|جريد[ةه]|مجل[ةه]|إذاع[ةه]|اذاع[ةه]|وكال[ةه] (?:أنباء|الأنباء))\s*$")
NOT_MEDIA = {fold(w) for w in ("تويتر", "فيسبوك", "فيس بوك", "يوتيوب", "إنستغرام", "انستغرام", "سناب شات", "تيك توك",
                               "واتساب", "تلغرام", "تيليغرام", "لينكد إن", "الفايسبوك", "موديز", "فيتش", "ستاندرد آند بورز",
                               "إنستاجرام", "انستجرام", "إنستقرام", "تداول")}  # fmt: skip
# Agency codes in brackets: «(واس)», «(أ ش أ)», «الرياض (رويترز) -».
AGENCY_CODE = re.compile(r"\(\s*([^()\n]{2,24}?)\s*\)")
# Photo credits at the end of a caption: «... 8 مايو 2023 - AFP», «(صورة: رويترز)».
PHOTO_CREDIT = re.compile(r"(?:[-–—]\s*|\(\s*(?:صورة|الصورة|تصوير)\s*:?\s*)([A-Za-z\u0600-\u06ff .]{2,30}?)\s*\)?\s*$")


def disclaimer_attributions(line: Line, names) -> list[FoundAttribution]:
    """Attributions in a disclaimer or republication-note line."""
    found = []
    for rule_ in DISCLAIMER_RULES:
        for match in rule_.pattern.finditer(line.text):
            name = read_name(line.text, match.end(), names)
            if name:
                found.append(_found(rule_.kind, line, match.start(), name, rule_.confidence, rule_.names_outlet))
    for pattern in (NOTE_LINE, SOURCE_LINE):
        match = pattern.match(line.text)
        if match:
            name = read_name(line.text, match.end(), names, max_words=6)
            if name:
                found.append(_found(Kind.REPUBLISHED_FROM, line, match.start(), name, 0.95, True))
    return found


def is_disclaimer(line: Line) -> bool:
    """A line that is about where the story came from rather than part of the story."""
    text = line.text
    if NOTE_LINE.match(text) and line.word_count <= 12:
        return True
    if SOURCE_LINE.match(text) and line.word_count <= 8:
        return True
    if re.match(r"^\s*\*\*?\s*جميع المقالات المنشورة تمثل رأي", text):
        return True
    markers = ("تم اقتباس", "منشور سابق", "المصدر الأصلي هو", "المصدر الأساسي هو", "هذا الخبر منقول",
               "تم نشر هذا الخبر", "يمكنك قراءة الخبر من مصدره", "أولاً على", "أولا على")  # fmt: skip
    if any(marker in text for marker in markers) and line.word_count <= 120:
        return True
    # A short line that is nothing but a template: «مترجم عن صحيفة الغارديان», «المصدر الأصلي: واس».
    return line.word_count <= 15 and any(r.pattern.search(text) for r in DISCLAIMER_RULES)


def inline_attributions(line: Line, names) -> list[FoundAttribution]:
    """Statements the story attributes to an outlet; institutions and anonymous sources are not."""
    found = []
    for match in INLINE_QUOTE.finditer(line.text):
        media = MEDIA_BEFORE.search(line.text, match.start(), match.end())
        name = _quoted_source_name(line.text, match, media, names)
        if name is None:
            continue
        if fold(name.text) in COMMON_WORDS and not (name.quoted or media):
            continue
        found.append(_found(Kind.QUOTED_SOURCE, line, match.start(), name, 0.85, not name.known))
    return found


PREPOSITIONS = ("عبر", "مع", "عن", "في", "على")
# «مقابلة مع فوكس نيوز، الشبكة التلفزيونية …»: the media word may follow the name.
MEDIA_AFTER = re.compile(r"\s*[،,]\s*(?:ال)?(?:شبك[ةه]|قنا[ةه]|صحيف[ةه]|جريد[ةه]|مجل[ةه]|إذاع[ةه]|وكال[ةه])")
# «وكالة مهر الإيرانية للأنباء»: a bare «وكالة» is a news agency when the name says so.
AGENCY_SUFFIX = re.compile(r"\s+(?:\S+\s+)?للأنباء$")


def _quoted_source_name(text: str, match: re.Match, media: re.Match | None, names) -> Name | None:
    """The outlet a reporting phrase names: known to the gazetteer, or a new one the text marks as media."""
    first = match.group(0).split()[0]
    if (first in PREPOSITIONS or (first[:1] in "وف" and first[1:] in PREPOSITIONS)) and not media:
        # These introduce an outlet only with a media word: «عن وكالة "الأناضول"», or after an
        # interview with the media word after the name: «في مقابلة مع فوكس نيوز، الشبكة …».
        if not (first.endswith("مع") and "مقابل" in text[max(0, match.start() - 12) : match.start()]):
            return None
        name = read_name(text, match.end(), names, max_words=4)
        if name and MEDIA_AFTER.match(text, name.end) and fold(name.text) not in NOT_MEDIA:
            return name
        return None
    name = read_name(text, match.end(), names, max_words=4)
    if media and name and not name.quoted and not _reviewed(name, names):
        # «وكالة الأنباء السعودية»: the media word is part of the name.
        longer = read_name(text, media.start(), names, max_words=5)
        if longer and _reviewed(longer, names):
            return longer
    if name is None or fold(name.text) in NOT_MEDIA:
        return None
    if _reviewed(name, names):
        return name
    if media and (name.quoted or re.fullmatch(r"[A-Za-z0-9 .&-]+", name.text)):
        return name
    if all(word in NATIONALITIES for word in fold(name.text).split()):
        return None  # «وكالة الأنباء الرسمية», «وكالة الأنباء الروسية» name no particular outlet
    if media and re.match(r"وكال[ةه]$", media.group(0).strip()):
        agency = read_name(text, match.end(), names, max_words=5)
        if agency and AGENCY_SUFFIX.search(agency.text):
            bare = AGENCY_SUFFIX.sub("", agency.text)
            return Name(bare, agency.start, agency.start + len(bare), False, False)
    if media and STRICTLY_MEDIA.search(media.group(0)) and len(name.text.split()) <= 3:
        # an unquoted new name keeps its media word: «وكالة الأنباء الكندية», «إذاعة كوبيراتيفا»
        return Name(text[media.start() : name.end], media.start(), name.end, False, False)
    return None


def _reviewed(name: Name, names) -> bool:
    """Known from the gazetteer, not only from a placeholder this run created from other text."""
    return any(not outlet.is_placeholder for outlet in names.candidates(name.text))


def agency_codes(line: Line, names) -> list[FoundAttribution]:
    """Bracketed agency codes: «(واس)», «(أ ش أ)», «الرياض (رويترز) -»; not «وكالة ... (سانا)»."""
    found = []
    for match in AGENCY_CODE.finditer(line.text):
        code = match.group(1)
        outlets = names.candidates(code)
        if not outlets or outlets[0].kind not in ("wire_agency", "broadcaster") or fold(code) in COMMON_WORDS:
            continue
        before, after = line.text[max(0, match.start() - 60) : match.start()], line.text[match.end() :]
        if re.search(r"وكال[ةه]", before) or not re.match(r"\s*(?:[-–—ـ:.،,]|$)", after):
            continue  # an abbreviation after the agency's full name, or a word in running text
        name = Name(code, match.start(1), match.end(1), True, True)
        found.append(_found(Kind.WIRE_CREDIT, line, match.start(), name, 0.9, False))
    return found


def photo_credit(line: Line, names) -> FoundAttribution | None:
    """A caption's credit: only sentences (5+ words) are captions, «موسكو-الشرق» is a dateline."""
    if line.word_count < 5:
        return None
    match = PHOTO_CREDIT.search(line.text)
    if not match or not names.candidates(match.group(1)):
        return None
    name = Name(match.group(1).strip(), match.start(1), match.start(1) + len(match.group(1).strip()), False, True)
    return _found(Kind.PHOTO_CREDIT, line, match.start(), name, 0.9, False)


def _found(kind, line: Line, match_start: int, name: Name, confidence: float, names_outlet: bool) -> FoundAttribution:
    evidence_start = min(match_start, name.start)
    evidence_end = max(name.end, evidence_start)
    return FoundAttribution(
        kind=kind,
        name=name.text,
        evidence=line.text[evidence_start:evidence_end],
        start=line.start + evidence_start,
        end=line.start + evidence_end,
        confidence=confidence if name.known else min(confidence, 0.7),
        may_create_outlet=names_outlet or name.quoted,
    )

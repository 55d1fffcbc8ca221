"""Find attributions in text: source notes, reporting in the story, agency codes, photo credits.

A note is read as Arabic notes are made: a cue of some kind (republished from, first published
on, original source, adapted by, translated from; the cues are data, data/cues.toml), an optional
outlet type, a name and an optional descriptor (articles.ingest.outlet_names). A name counts only
where a cue governs it: an outlet the story only mentions («مكتب قناة X», «الفرع المحلي لإذاعة
X», «فازت صحيفة X») is no source. Patterns run on the text without its harakat and tatweel, so
that «حرّر» is «حرر»; offsets are mapped back to the original text, so evidence is exact.
"""

from __future__ import annotations

import re
from functools import lru_cache

from articles.arabic import HARAKAT, TATWEEL, fold
from articles.ingest.cues import lexicon
from articles.ingest.draft import FoundAttribution
from articles.ingest.lines import Line
from articles.ingest.outlet_names import Name, read_outlet
from articles.models import AttributionKind as Kind
from sources.resolver import NATIONALITIES

# Kinds of note, most specific first: where two cues read the same name, the first kind wins.
SPECIFICITY = [Kind.TRANSLATED_FROM, Kind.ADAPTED_BY, Kind.ORIGINAL_SOURCE, Kind.PREVIOUSLY_PUBLISHED_ON,
               Kind.REPUBLISHED_FROM, Kind.WIRE_CREDIT, Kind.QUOTED_SOURCE]  # fmt: skip
# Several outlets in one source line: «المصدر: وكالات + الجزيرة نت», «نقلا عن رويترز وفرانس برس».
MORE = re.compile(r"\s*(?:[+،,/&|]|\sو)\s*")
# Reporting in the story, verb first: «ذكرت صحيفة …», «بيان أوردته وكالة …», «وفق "فرانس برس"».
MEDIA_WORD = (
    r"(?:وكال[ةه](?: أنباء| الأنباء)?|صحيف[ةه]|جريد[ةه]|موقع|قنا[ةه]|شبك[ةه]|مجل[ةه]|إذاع[ةه]|اذاع[ةه]|بوابة|تلفزيون)"
)
QUOTE_VERBS = (
    r"وفق|بحسب|حسب|حسبما (?:أفادت|ذكرت|أوردت|نقلت)|نقلا عن|نقلاً عن|"
    r"(?:كما )?(?:ذكرت?|أفادت?|أوردت?|قالت?|نقلت|نشرت|أكدت|كشفت|وصفت|أشارت|حذرت|أعلنت|بثت|أضافت)|"
    r"أوردته|أوردتها|نشرته|نشرتها|بثته|بثتها|نقلته|نقلتها|ذكره|ذكرته|أعلنته|نشر|عن(?=\s*" + MEDIA_WORD + ")"
)
UNAMBIGUOUS_AGENCIES = r"فرانس برس|رويترز|أسوشيتد برس|أسوشييتد برس|الأناضول|سي إن إن|بي بي سي|سكاي نيوز|نوفوستي|شينخوا"
# «وفقا لوكالة», «وفقاً لـ"رويترز"»; «لـ» and «ل» before a media word only after words of saying.
JOINED = rf"وفقا ?ل|وفقاً ?ل|طبقا ?ل|طبقاً ?ل|لـ(?={UNAMBIGUOUS_AGENCIES})|ل(?={UNAMBIGUOUS_AGENCIES})"
INLINE_QUOTE = re.compile(
    rf"(?<![\w\u0600-\u06ff])(?:و|ف)?(?:(?:{QUOTE_VERBS})(?![\w\u0600-\u06ff])|{JOINED})\s*(?=\S)"
)
# «في مقابلة مع فوكس نيوز، الشبكة التلفزيونية …»: the media word may follow the name.
MEDIA_AFTER = re.compile(r"\s*[،,]\s*(?:ال)?(?:شبك[ةه]|قنا[ةه]|صحيف[ةه]|جريد[ةه]|مجل[ةه]|إذاع[ةه]|وكال[ةه])")
# Subject first: «وكانت وكالة الأنباء الألمانية (د.ب.أ) قد ذكرت», «صحيفة لاكروا الفرنسية تقول إن»:
# an outlet type that starts a clause (what stands before it, read backwards).
CLAUSE_BEFORE = re.compile(r"(?:^|[.،,:؛»\"]\s*|(?:^|\s)(?:و|ف)?(?:كانت|كان|أما|اما|إن|ان|أن)\s+|(?:^|\s)(?:و|ف))$")
REPORTING = r"(?:ذكرت|تذكر|قالت|تقول|أفادت|تفيد|أوردت|تورد|نشرت|تنشر|أشارت|تشير|كشفت|تكشف|أعلنت|تعلن|نقلت|تنقل|بثت|أكدت|تؤكد|رأت|ترى)"
REPORTS_AFTER = re.compile(
    r"\s*(?:\([^()\n]{1,30}\)\s*)?(?:[،,]\s*)?(?:(?:ف|و)?قد\s+|ف)?" + REPORTING + r"(?![\w\u0600-\u06ff])"
)
REPORTING_NEAR = re.compile(REPORTING)  # a cheap first test: a name is at most a few words
# Verbs that outlets do and speakers do not: after them a quoted name is an outlet.
MEDIA_VERB = re.compile(r"(?:ذكرت|أوردت|اوردت|أوردته|نشرت|نشرته|بثت|بثته|نقلت|نقلته|أفادت|ذكرته)")
NOT_MEDIA = {fold(w) for w in ("تويتر", "فيسبوك", "فيس بوك", "يوتيوب", "إنستغرام", "انستغرام", "سناب شات", "تيك توك",
                               "واتساب", "تلغرام", "تيليغرام", "لينكد إن", "الفايسبوك", "موديز", "فيتش", "ستاندرد آند بورز",
                               "إنستاجرام", "انستجرام", "إنستقرام", "تداول", "إكس", "اكس", "نتفليكس", "شاهد")}  # fmt: skip
# Bare gazetteer names that are also ordinary words, cities or adjectives («الرياض», «العربية»):
# in running text they count only inside quotes or after an outlet type.
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
# Agency codes in brackets: «(واس)», «(أ ش أ)», «الرياض (رويترز) -».
AGENCY_CODE = re.compile(r"\(\s*([^()\n]{2,24}?)\s*\)")
# Photo credits at the end of a caption: «... 8 مايو 2023 - AFP», «(صورة: رويترز)».
PHOTO_CREDIT = re.compile(r"(?:[-–—]\s*|\(\s*(?:صورة|الصورة|تصوير)\s*:?\s*)([A-Za-z\u0600-\u06ff .]{2,30}?)\s*\)?\s*$")
NOTE_MARKERS = ("تم اقتباس", "منشور سابق", "المصدر الأصلي هو", "المصدر الأساسي هو", "هذا الخبر منقول",
                "تم نشر هذا الخبر", "يمكنك قراءة الخبر من مصدره", "أولاً على", "أولا على")  # fmt: skip
NOTE_KINDS = {Kind.REPUBLISHED_FROM, Kind.PREVIOUSLY_PUBLISHED_ON, Kind.ORIGINAL_SOURCE, Kind.ADAPTED_BY,
              Kind.TRANSLATED_FROM}  # fmt: skip


MARKS = re.compile(f"{HARAKAT.pattern[:-1]}{TATWEEL}]")
UNMARKED = re.compile(f"[^{HARAKAT.pattern[1:-1]}{TATWEEL}]+")


class Plain:
    """A line without harakat and tatweel, with a map back to the original offsets."""

    def __init__(self, text: str):
        self.origin: list[int] | None = None  # None: nothing removed, offsets are the same
        self.text = text
        if not MARKS.search(text):
            return
        runs = [(m.start(), m.group(0)) for m in UNMARKED.finditer(text)]
        self.text = "".join(run for _, run in runs)
        self.origin = [i for start, run in runs for i in range(start, start + len(run))] + [len(text)]

    def at(self, offset: int) -> int:
        if self.origin is None:
            return min(offset, len(self.text))
        return self.origin[min(offset, len(self.origin) - 1)]


@lru_cache(maxsize=256)
def plain_view(text: str) -> Plain:
    """The line's Plain view; a line is read by several readers in turn."""
    return Plain(text)


def is_disclaimer(line: Line) -> bool:
    """A line about where the story came from rather than part of the story."""
    text, words = plain_view(line.text).text, line.word_count
    cues = lexicon()
    if words <= 25 and any(cue.match(text) for cue in cues.notes):
        return True
    if re.match(r"^\s*\*\*?\s*جميع المقالات المنشورة تمثل رأي", text):
        return True
    if any(marker in text for marker in NOTE_MARKERS) and words <= 120:
        return True
    if words <= 30 and any(cue.search(text) for cue in cues.phrases):
        return True
    return words <= 25 and bool(cues.translated_marker.search(text))


def disclaimer_attributions(line: Line, names) -> list[FoundAttribution]:
    """Attributions in a note line: every cue with the outlet it governs."""
    plain, cues = plain_view(line.text), lexicon()
    found: dict[tuple[int, int], FoundAttribution] = {}
    for cue in cues.notes:
        match = cue.match(plain.text)
        if match:
            for name in _names_in_list(plain.text, match.end(), names):
                kind = Kind.WIRE_CREDIT if name.unnamed else cue.kind
                _keep(found, _found(kind, line, plain, match.start(), name, 0.95, True))
    for cue in cues.phrases:
        for match in cue.finditer(plain.text):
            name = read_outlet(plain.text, match.end(), names)
            # Inside a sentence, a name the gazetteer does not know needs its outlet type or quotes:
            # «نقل التقرير عن سكان», «المصدر الرئيسي لدخلها» name no outlet.
            if name and not name.unnamed and (name.typed or name.quoted or _reviewed(name, names)):
                _keep(found, _found(cue.kind, line, plain, match.start(), name, 0.95, True))
    for name, start in _translated_after(plain.text, names):
        _keep(found, _found(Kind.TRANSLATED_FROM, line, plain, start, name, 0.9, True))
    return list(found.values())


def _names_in_list(text: str, position: int, names) -> list[Name]:
    """The outlet after a note's cue, and those after it joined by «+», «/», «،» or «و»."""
    found = []
    while len(found) < 4:
        name = read_outlet(text, position, names, max_words=6)
        if name is None:
            break
        found.append(name)
        more = MORE.match(text, name.end)
        if not more or more.end() >= len(text):
            break
        position = more.end()
    return found


def _translated_after(text: str, names) -> list[tuple[Name, int]]:
    """«عن موقع X - ترجمة خاصة»: a translation note with the outlet before the word."""
    cues = lexicon()
    marker = cues.translated_marker.search(text)
    if not marker:
        return []
    before = cues.translated_before.search(text[: marker.start()])
    if not before:
        return []
    name = read_outlet(text, before.end(), names)
    if name is None or name.unnamed or not (name.typed or name.quoted or _reviewed(name, names)):
        return []
    return [(name, before.start())]


def _keep(found: dict, attribution: FoundAttribution) -> None:
    """One attribution per name read: where cues of several kinds read it, the most specific."""
    key = attribution.name, attribution.end
    current = found.get(key)
    if current is None or SPECIFICITY.index(attribution.kind) < SPECIFICITY.index(current.kind):
        found[key] = attribution


def inline_attributions(line: Line, names) -> list[FoundAttribution]:
    """Statements the story attributes to an outlet; institutions, anonymous sources and outlets
    it only mentions are not."""
    plain, cues = plain_view(line.text), lexicon()
    found: dict = {}
    for cue in cues.inline:
        for match in cue.finditer(plain.text):
            name = _source_name(plain.text, match.end(), names, reported=bool(MEDIA_VERB.search(match.group(0))))
            if name:
                _keep(found, _found(Kind.QUOTED_SOURCE, line, plain, match.start(), name, 0.85, False))
    for match in INLINE_QUOTE.finditer(plain.text):
        name = _verb_source(plain.text, match, names)
        if name:
            _keep(found, _found(Kind.QUOTED_SOURCE, line, plain, match.start(), name, 0.85, False))
    for start, name in _subject_sources(plain.text, names):
        _keep(found, _found(Kind.QUOTED_SOURCE, line, plain, start, name, 0.8, False))
    return list(found.values())


def _verb_source(text: str, match: re.Match, names) -> Name | None:
    """The outlet a reporting verb or «وفق»/«بحسب» names."""
    first = match.group(0).split()[0]
    clause = re.split(r"[.؛:]", text[max(0, match.start() - 60) : match.start()])[-1]
    if first.lstrip("وف") == "عن" and not re.search(
        r"(?:^|\s)(?:و|ف)?(?:نقلا|نقلاً|نقلت|نقل|نقلته|تنقل)(?:\s|$)", clause
    ):
        return None  # «عن وكالة X» is a source only after a verb of conveying in its clause
    if not _may_name(text, match.end(), names):
        return None
    name = read_outlet(text, match.end(), names, max_words=4)
    if name is None and "مقابل" in text[max(0, match.start() - 12) : match.start()]:
        return None
    return _accepted(name, names, reported=bool(MEDIA_VERB.search(match.group(0))))


FIRST_WORD = re.compile(r"\s*([^\s،,:;؛()«»\"“”]+)")


def _may_name(text: str, position: int, names) -> bool:
    """Whether what follows a verb can be a name _accepted() keeps: quoted, an outlet type, or a
    word a gazetteer name begins with (a cheap test: most verbs are followed by a person)."""
    word = FIRST_WORD.match(text, position)
    if word is None:
        return True  # a quote, a bracket or punctuation: read_outlet() decides
    words = lexicon()
    if words.types.match(text, word.start(1)) or fold(word.group(1)) in {c[0] for c in words.corporations}:
        return True
    return names.could_start(word.group(1))


def _source_name(text: str, position: int, names, reported: bool) -> Name | None:
    name = read_outlet(text, position, names, max_words=4)
    if name and MEDIA_AFTER.match(text, name.end) and not name.known:
        name.typed = True  # «في مقابلة مع فوكس نيوز، الشبكة التلفزيونية …»
    return _accepted(name, names, reported=reported)


def _accepted(name: Name | None, names, reported: bool = False) -> Name | None:
    """A name counts as an outlet when the gazetteer knows it (and it is not also a common word
    read bare), or when the text marks it as one: an outlet type before it, or quotes after a
    verb of reporting (`reported`: «ذكرت "X"», not «قالت "X"», which anyone says)."""
    if name is None or name.unnamed or fold(name.text) in NOT_MEDIA:
        return None
    if _reviewed(name, names):
        if fold(name.text) in COMMON_WORDS and not (name.quoted or name.typed):
            return None
        return name
    if all(word in NATIONALITIES for word in fold(name.text).split()):
        return None  # «وكالة الأنباء الرسمية», «وكالة الأنباء الروسية» name no particular outlet
    # Quotes alone do not make a name an outlet: «قالت "أوكسفام"», «أعلنت "سبيس إكس"».
    return name if name.typed or (name.quoted and reported) else None


def _subject_sources(text: str, names) -> list[tuple[int, Name]]:
    """«وكانت وكالة X (كود) قد ذكرت», «صحيفة X الفرنسية تقول إن»: an outlet type at the start of
    a clause, its name, and a reporting verb after it."""
    found = []
    if not REPORTING_NEAR.search(text):
        return found
    quoted = [m for m in re.finditer(r"[«\"“]", text) if CLAUSE_BEFORE.search(text[max(0, m.start() - 12) : m.start()])]
    for typed in [*lexicon().types.finditer(text), *quoted]:
        if not REPORTING_NEAR.search(text, typed.end(), typed.end() + 160):
            continue
        if not CLAUSE_BEFORE.search(text[max(0, typed.start() - 12) : typed.start()]):
            continue
        name = read_outlet(text, typed.start(), names, max_words=4)
        if name is None or not REPORTS_AFTER.match(text, name.end):
            continue
        accepted = _accepted(name, names)
        if accepted:
            found.append((typed.start(), accepted))
    return found


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
        name = Name(code, match.start(1), match.end(1), quoted=True, known=True)
        found.append(_found(Kind.WIRE_CREDIT, line, Plain(line.text), match.start(), name, 0.9, False, exact=True))
    return found


def photo_credit(line: Line, names) -> FoundAttribution | None:
    """A caption's credit: only sentences (5+ words) are captions, «موسكو-الشرق» is a dateline."""
    match = PHOTO_CREDIT.search(line.text)
    if not match or len(line.text[: match.start()].split()) < 4 or not names.candidates(match.group(1)):
        return None
    name = Name(match.group(1).strip(), match.start(1), match.start(1) + len(match.group(1).strip()), known=True)
    return _found(Kind.PHOTO_CREDIT, line, Plain(line.text), match.start(), name, 0.9, False, exact=True)


def _found(kind, line: Line, plain: Plain, match_start: int, name: Name, confidence: float, names_outlet: bool,
           exact: bool = False) -> FoundAttribution:  # fmt: skip
    """An attribution whose evidence runs from the cue to the name (offsets of `plain`, or of the
    original line when `exact`)."""
    evidence_start = min(match_start, name.start)
    evidence_end = max(name.end, evidence_start)
    if not exact:
        evidence_start, evidence_end = plain.at(evidence_start), plain.at(evidence_end)
        text = line.text[plain.at(name.start) : plain.at(name.start + len(name.text))] if not name.quoted else name.text
    else:
        text = name.text
    return FoundAttribution(
        kind=kind,
        name=" ".join(text.split()),
        evidence=line.text[evidence_start:evidence_end],
        start=line.start + evidence_start,
        end=line.start + evidence_end,
        confidence=confidence if name.known else min(confidence, 0.7),
        # The text says a republication note's name is an outlet; a quoted source the gazetteer does
        # not know keeps its name, without an outlet for editors to review.
        may_create_outlet=names_outlet,
        unnamed=name.unnamed,
    )

"""Bylines and datelines: «الرياض - واس», «واس - الرياض», «موسكو-الشرق», «لندن: رنيم حنوش»,
«أنباء آسيا الوسطى والقوقاز – وكالات», «\u00a0واس (جدة)», ««الاقتصادية» من الرياض»."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from articles.arabic import fold
from articles.ingest.draft import FoundAttribution
from articles.models import AttributionKind

PLACES = {
    fold(p)
    for p in [
        "الرياض",
        "جدة",
        "مكة",
        "المكرمة",
        "المدينة",
        "المنورة",
        "الدمام",
        "الخبر",
        "الظهران",
        "الأحساء",
        "الطائف",
        "تبوك",
        "أبها",
        "حائل",
        "بريدة",
        "القصيم",
        "جازان",
        "نجران",
        "الباحة",
        "عرعر",
        "سكاكا",
        "الجوف",
        "ينبع",
        "القطيف",
        "الجبيل",
        "خميس",
        "مشيط",
        "المنطقة",
        "الشرقية",
        "القريات",
        "حفر",
        "الباطن",
        "عنيزة",
        "الخرج",
        "دبي",
        "أبوظبي",
        "أبو",
        "ظبي",
        "الشارقة",
        "عجمان",
        "العين",
        "الدوحة",
        "الكويت",
        "المنامة",
        "مسقط",
        "صلالة",
        "بغداد",
        "البصرة",
        "أربيل",
        "الموصل",
        "النجف",
        "دمشق",
        "حلب",
        "حمص",
        "بيروت",
        "طرابلس",
        "صيدا",
        "عمان",
        "القدس",
        "رام",
        "الله",
        "غزة",
        "نابلس",
        "الخليل",
        "القاهرة",
        "الإسكندرية",
        "الاسكندرية",
        "أسوان",
        "الخرطوم",
        "تونس",
        "صفاقس",
        "الجزائر",
        "وهران",
        "الرباط",
        "الدار",
        "البيضاء",
        "مراكش",
        "فاس",
        "طنجة",
        "نواكشوط",
        "صنعاء",
        "عدن",
        "تعز",
        "مأرب",
        "الحديدة",
        "بنغازي",
        "مصراتة",
        "مقديشو",
        "جيبوتي",
        "أنقرة",
        "إسطنبول",
        "اسطنبول",
        "طهران",
        "موسكو",
        "كييف",
        "لندن",
        "باريس",
        "برلين",
        "روما",
        "مدريد",
        "برشلونة",
        "بروكسل",
        "جنيف",
        "فيينا",
        "أثينا",
        "وارسو",
        "ستوكهولم",
        "أوسلو",
        "أمستردام",
        "لاهاي",
        "واشنطن",
        "نيويورك",
        "لوس",
        "أنجلوس",
        "ميامي",
        "شيكاغو",
        "أوتاوا",
        "تورونتو",
        "بكين",
        "شنغهاي",
        "طوكيو",
        "سيول",
        "نيودلهي",
        "مومباي",
        "إسلام",
        "آباد",
        "كراتشي",
        "كابول",
        "دكا",
        "جاكرتا",
        "كوالالمبور",
        "مانيلا",
        "سيدني",
        "بيشكيك",
        "طشقند",
        "أستانا",
        "ألماتي",
        "دوشنبه",
        "عشق",
        "آباد",
        "باكو",
        "يريفان",
        "تبليسي",
        "مينسك",
        "كانبيرا",
        "نيروبي",
        "أديس",
        "أبابا",
        "لاغوس",
        "جوهانسبرغ",
        "الأمم",
        "المتحدة",
        "الفاتيكان",
        "سوريا",
        "العراق",
        "لبنان",
        "اليمن",
        "ليبيا",
        "مصر",
        "السعودية",
        "الإمارات",
        "فلسطين",
        "الأردن",
        "السودان",
        "تونس",
        "المغرب",
    ]
} | {fold(p) for p in ("الدار البيضاء", "خميس مشيط", "أبو ظبي", "رام الله", "لوس أنجلوس", "أديس أبابا", "إسلام آباد")}
UNNAMED_AGENCIES = {fold(w) for w in ("وكالات", "وكالات الأنباء", "وكالات أنباء", "الوكالات", "وكالات الانباء")}
NOT_CREDITS = {fold(w) for w in ("متابعات", "متابعة", "خاص", "تقرير", "حصري", "ترجمة", "وكالات ومتابعات", "مكتب")}
SEPARATORS = re.compile(r"\s*(?:[-–—ـ:،,|/]+|\(|\)|\s+من\s+)\s*")


@dataclass
class Credit:
    """What a byline or dateline says."""

    dateline: str = ""
    authors: list[str] = field(default_factory=list)
    self_names: list[str] = field(default_factory=list)  # the publisher crediting itself
    attributions: list[FoundAttribution] = field(default_factory=list)


def is_place(text: str) -> bool:
    folded = fold(text)
    return folded in PLACES or (folded.split(" ")[0] in PLACES and len(folded.split()) <= 2)


def parse_credit(text: str, offset: int, names, publisher=None) -> Credit:
    """Split a credit line into place, authors, the publisher's own name and agencies."""
    credit = Credit()
    position = 0
    for part in SEPARATORS.split(text):
        start = text.find(part, position) if part else -1
        if not part or not part.strip() or start < 0:
            continue
        position = start + len(part)
        cleaned = part.strip(" \u00a0«»\"'“”.*")
        folded = fold(cleaned)
        if not folded or folded in NOT_CREDITS:
            continue
        if folded in UNNAMED_AGENCIES:
            credit.attributions.append(_credit(cleaned, text, start, offset, unnamed=True))
            continue
        found = names.candidates(cleaned)
        if found and not (is_place(cleaned) and credit.dateline == "" and not _is_self(found, publisher)):
            outlet = publisher if publisher in found else found[0]
            if outlet is publisher or (publisher is None and outlet.kind != "wire_agency"):
                credit.self_names.append(cleaned)
            else:
                kind = AttributionKind.WIRE_CREDIT if outlet.kind == "wire_agency" else AttributionKind.REPUBLISHED_FROM
                credit.attributions.append(_credit(cleaned, text, start, offset, kind=kind))
        elif is_place(cleaned) and not credit.dateline:
            credit.dateline = cleaned
        elif len(cleaned.split()) <= 5 and not re.search(r"\d", cleaned):
            credit.authors.append(cleaned)
    return credit


def _is_self(found, publisher) -> bool:
    return publisher is not None and publisher in found


def _credit(name, text, start, offset, unnamed=False, kind=AttributionKind.WIRE_CREDIT) -> FoundAttribution:
    evidence = text.strip()
    evidence_start = offset + text.find(evidence)
    return FoundAttribution(
        kind=kind,
        name=name,
        evidence=evidence,
        start=evidence_start,
        end=evidence_start + len(evidence),
        confidence=0.95,
        unnamed=unnamed,
    )

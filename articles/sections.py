"""A section as readers see it: the sections feeds name in English (the corpus's internationalNews,
middleEast, localNews), in Arabic.

The article keeps the section as its source gave it (raw input is never rewritten); pages show the
Arabic name, and a section in Latin letters that is not listed here is not shown at all rather
than shown in English.
"""

import re

ARABIC_SECTIONS = {
    "internationalnews": "أخبار دولية",
    "international": "أخبار دولية",
    "world": "العالم",
    "middleeast": "الشرق الأوسط",
    "localnews": "أخبار محلية",
    "local": "أخبار محلية",
    "politic": "سياسة",
    "politics": "سياسة",
    "economy": "اقتصاد",
    "business": "اقتصاد",
    "sport": "رياضة",
    "sports": "رياضة",
    "technology": "تقنية",
    "tech": "تقنية",
    "science": "علوم",
    "health": "صحة",
    "culture": "ثقافة",
    "arts": "ثقافة وفنون",
    "entertainment": "فن ومنوعات",
    "society": "مجتمع",
    "diverse": "منوعات",
    "misc": "منوعات",
    "opinion": "رأي",
    "religion": "دين",
}
NOT_A_LETTER = re.compile(r"[\W_]+")


def section_label(section: str) -> str:
    """«أخبار دولية» for internationalNews; an Arabic section as it is; "" for an unknown Latin one."""
    section = (section or "").strip()
    if not section:
        return ""
    key = NOT_A_LETTER.sub("", section).lower()
    if key in ARABIC_SECTIONS:
        return ARABIC_SECTIONS[key]
    return "" if re.search(r"[A-Za-z]", section) else section

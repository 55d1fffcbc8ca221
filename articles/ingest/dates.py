"""Publication dates from reliable signals: metadata, URLs, datelines and captions."""

from __future__ import annotations

import re
from datetime import datetime

from django.utils import timezone

from articles.arabic import fold, to_western_digits
from articles.models import DatePrecision

MONTHS = {
    1: ["يناير", "كانون الثاني", "جانفي"],
    2: ["فبراير", "شباط", "فيفري"],
    3: ["مارس", "آذار"],
    4: ["أبريل", "ابريل", "إبريل", "نيسان", "أفريل"],
    5: ["مايو", "أيار", "ماي"],
    6: ["يونيو", "يونيه", "حزيران", "جوان"],
    7: ["يوليو", "يوليه", "تموز", "جويلية"],
    8: ["أغسطس", "اغسطس", "آب", "أوت"],
    9: ["سبتمبر", "أيلول", "شتنبر"],
    10: ["أكتوبر", "اكتوبر", "تشرين الأول"],
    11: ["نوفمبر", "تشرين الثاني", "نونبر"],
    12: ["ديسمبر", "كانون الأول", "دجنبر"],
}
MONTH_BY_NAME = {fold(name): number for number, names in MONTHS.items() for name in names}
MONTH_PATTERN = "|".join(sorted((re.escape(n) for n in MONTH_BY_NAME), key=len, reverse=True))
# «8 مايو 2023», «8 أيار (مايو) 2023», «مايو 2023»
DAY_MONTH_YEAR = re.compile(
    rf"(?:(?<!\d)(\d{{1,2}})\s+)?({MONTH_PATTERN})(?:\s*\((?:{MONTH_PATTERN})\))?\s*[،,]?\s+(\d{{4}})(?!\d)"
)
NUMERIC = re.compile(
    r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)|(?<!\d)(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?!\d)"
)
URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](\d{1,2})(?:[/-](\d{1,2}))?(?:/|-|$)")
MIN_YEAR = 1990


def _aware(year: int, month: int, day: int) -> datetime | None:
    try:
        moment = datetime(year, month, day, 12, 0)
    except ValueError:
        return None
    if year < MIN_YEAR or moment > datetime.now() + timezone.timedelta(days=2):
        return None
    return timezone.make_aware(moment)


def date_in_text(text: str) -> tuple[datetime, str] | None:
    """A date written in a dateline or caption: «8 مايو 2023» (day) or «مايو 2023» (month)."""
    folded = fold(to_western_digits(text))
    match = DAY_MONTH_YEAR.search(folded)
    if match:
        day, month_name, year = match.groups()
        month = MONTH_BY_NAME[month_name]
        moment = _aware(int(year), month, int(day) if day else 1)
        if moment:
            return moment, DatePrecision.DAY if day else DatePrecision.MONTH
    match = NUMERIC.search(folded)
    if match:
        y, m, d = (match[1], match[2], match[3]) if match[1] else (match[6], match[5], match[4])
        moment = _aware(int(y), int(m), int(d))
        if moment:
            return moment, DatePrecision.DAY
    return None


def date_in_url(url: str) -> tuple[datetime, str] | None:
    """/2023/05/08/ in a URL: day precision; /2023/05/: month precision."""
    match = URL_DATE.search(url or "")
    if not match:
        return None
    year, month, day = match.groups()
    moment = _aware(int(year), int(month), int(day) if day else 1)
    if not moment:
        return None
    return moment, DatePrecision.DAY if day else DatePrecision.MONTH


def parse_timestamp(value: str) -> tuple[datetime, str] | None:
    """A metadata timestamp: ISO 8601 with or without time and zone, or a plain date."""
    value = to_western_digits((value or "").strip())
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return date_in_text(value)
    has_time = bool(re.search(r"\d[T ]\d{1,2}:\d{2}", value))
    if moment.year < MIN_YEAR:
        return None
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment if has_time else moment.replace(hour=12))
    return moment, DatePrecision.MINUTE if has_time else DatePrecision.DAY

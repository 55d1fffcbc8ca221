"""Counted nouns agree with their number in Arabic, through the project's ar catalogue."""

import re
from pathlib import Path

import pytest
from django.template import Context, Template
from django.utils import translation

from newsroom.counts import NOUNS, counted

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
# A number printed straight before a noun that agrees with it: «{{ n }} مقالاً» is right for 11 only.
HAND_MADE = re.compile(r"\}\}\s*(?:مقال|منفذ|منافذ|إسناد|نسخ|نسخة|حدث|أحداث|نتيجة|نتائج|كلمة|كلمات|مصدر|مصادر|تقرير)")


@pytest.mark.parametrize("noun", sorted(NOUNS))
def test_every_counted_noun_has_its_six_forms_in_arabic(noun):
    with translation.override("ar"):
        forms = [counted(n, noun) for n in (1, 2, 3, 11, 100)]
    assert len({f.replace(str(n), "#") for f, n in zip(forms, (1, 2, 3, 11, 100), strict=True)}) == 5, forms
    assert not any(re.search("[A-Za-z]", form) for form in forms), forms


def test_articles_and_outlets_are_counted_as_arabic_counts_them():
    page = Template('{% load archive %}{{ a|counted:"article" }} من {{ o|counted:"outlet" }}')
    with translation.override("ar"):
        assert page.render(Context({"a": 4, "o": 3})) == "4 مقالات من 3 منافذ"
        assert page.render(Context({"a": 1, "o": 1})) == "مقال واحد من منفذ واحد"
        assert counted(2, "article") == "مقالان"
        assert page.render(Context({"a": 11, "o": 100})) == "11 مقالاً من 100 منفذ"
        assert page.render(Context({"a": 5000, "o": 1203})) == "5٬000 مقال من 1٬203 منافذ"


def test_no_template_writes_a_number_before_its_noun_by_hand():
    found = [
        f"{path.relative_to(TEMPLATES)}: {match.group()}"
        for path in TEMPLATES.rglob("*.html")
        for match in HAND_MADE.finditer(path.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_dates_have_one_arabic_style_in_the_configured_time_zone():
    import datetime

    from django.utils import formats, timezone

    moment = datetime.datetime(2023, 5, 8, 11, 5, tzinfo=datetime.UTC)  # 14:05 in Riyadh
    with translation.override("ar"):
        local = timezone.localtime(moment)
        assert formats.date_format(local, "DATE_FORMAT") == "8 مايو 2023"
        assert formats.date_format(local, "DATETIME_FORMAT") == "8 مايو 2023، 14:05"
        assert formats.date_format(local, "SHORT_DATETIME_FORMAT") == "8 مايو 2023، 14:05"

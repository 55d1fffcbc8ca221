"""Attribution rules on texts written for these tests (imitating the structures of real pages)."""

import pytest

from tests.conftest import kinds, preview, write

pytestmark = pytest.mark.django_db

STORY = (
    "أعلنت الهيئة العامة للأرصاد اليوم عن موجة حر تمتد أسبوعاً على المناطق الوسطى والشرقية، "
    "ودعت السكان إلى تجنب التعرض المباشر لأشعة الشمس في ساعات الظهيرة.\n"
)


def one(tmp_path, text, name="page.txt", *options):
    [article] = preview(write(tmp_path, name, text), *options)
    return article


@pytest.mark.parametrize(
    "disclaimer, expected",
    [
        ("ظهرت المقالة موجة حر تمتد أسبوعاً أولاً على موقع الأرصاد اليوم.", ("previously_published_on", None)),
        ("هذا الخبر منقول من سبق", ("republished_from", "sabq")),
        ("المصدر: عكاظ", ("republished_from", "okaz")),
        ("مترجم عن صحيفة الغارديان", ("translated_from", "the-guardian")),
        ("المصدر الأصلي: وكالة الأنباء السعودية", ("original_source", "spa")),
        ('* نقلا عن "الحياة" اللندنية', ("republished_from", "alhayat")),
    ],
)
def test_disclaimer_templates(tmp_path, disclaimer, expected):
    article = one(tmp_path, "موجة حر على الوسطى\n" + STORY + disclaimer + "\n")
    found = kinds(article)
    kind, slug = expected
    assert any(k == kind and (slug is None or s == slug) for k, s in found), found
    assert disclaimer.split()[0] not in article["body"].split()[-3:]


def test_an_unknown_outlet_in_a_disclaimer_becomes_a_placeholder(tmp_path):
    article = one(tmp_path, "موجة حر\n" + STORY + 'هذا الخبر منقول من "نشرة الواحة"\n')
    [attribution] = article["attributions"]
    assert attribution["kind"] == "republished_from"
    assert attribution["outlet"]["placeholder"] is True and attribution["outlet"]["name"] == "نشرة الواحة"


def test_posting_widget_and_bare_source_line_are_chrome(tmp_path):
    text = "موجة حر\n" + STORY + "المصدر\nاكتشاف المزيد من مرآة الخليج\nتابعونا على قوقل نيوز\n"
    article = one(tmp_path, text)
    assert article["publisher"]["name"] == "مرآة الخليج"
    assert article["attributions"] == []
    assert "مرآة" not in article["body"] and "قوقل" not in article["body"]


@pytest.mark.parametrize(
    "sentence",
    [
        "وقال مصدر أمني إن الحادث قيد التحقيق.",
        "وقال المصدر إن الأضرار محدودة.",
        "وأكدت المصادر الطبية أن حالة المصابين مستقرة.",
        "وقالت وزارة الصحة في بيان إن المستشفيات في حالة تأهب.",
        "وأغلقت السلطات إذاعة الأمل المحلية الشهر الماضي.",
    ],
)
def test_anonymous_sources_and_institutions_are_not_attributions(tmp_path, sentence):
    article = one(tmp_path, "خبر محلي\n" + STORY + sentence + " " + STORY)
    assert article["attributions"] == []


@pytest.mark.parametrize(
    "sentence, slug",
    [
        ("وقال المتحدث لوكالة فرانس برس إن التحقيق مستمر.", "afp"),
        ('وذكرت وكالة "تاس" أن الوفد وصل صباحاً.', "tass"),
        ("بحسب رويترز، فإن المحادثات ستستأنف غداً.", "reuters"),
        ('ونقلت صحيفة "الشرق الأوسط" عن مسؤول قوله إن القرار نهائي.', "aawsat"),
    ],
)
def test_statements_attributed_to_outlets_are_quoted_sources(tmp_path, sentence, slug):
    article = one(tmp_path, "خبر دولي\n" + STORY + sentence + " " + STORY)
    assert ("quoted_source", slug) in kinds(article)


def test_bracketed_agency_codes_are_wire_credits(tmp_path):
    article = one(tmp_path, "خبر\nالقاهرة (أ ش أ) - " + STORY + "وأضاف البيان أن العمل مستمر (واس).\n" + STORY)
    assert {("wire_credit", "mena"), ("wire_credit", "spa")} <= kinds(article)
    assert article["dateline"] == "القاهرة"


def test_a_bracketed_abbreviation_after_the_full_name_is_not_a_wire_credit(tmp_path):
    text = (
        "خبر\n"
        + STORY
        + "وذكرت وكالة الأنباء القطرية (قنا) أن الوفد وصل.\nوقال رئيس الجمهورية (الفرنسية) إن الاتفاق قائم.\n"
    )
    assert kinds(one(tmp_path, text)) == {("quoted_source", "qna")}


def test_quoted_new_outlets_after_a_media_word_are_kept_by_name(tmp_path):
    """A quoted source the gazetteer does not know keeps its name; it makes no placeholder outlet
    (those are for notes about where the text came from, which provenance follows)."""
    text = "خبر\n" + STORY + 'وقال الوزير لصحيفة "المرصد اليومي" إن القرار نهائي.\nونشر صورته على موقع "تويتر".\n'
    article = one(tmp_path, text)
    [attribution] = article["attributions"]
    assert attribution["kind"] == "quoted_source" and attribution["name"] == "المرصد اليومي"
    assert attribution["outlet"] is None


def test_a_closing_credit_line_lists_every_agency(tmp_path):
    second = "وأضافت الهيئة أن درجات الحرارة ستعود إلى معدلاتها الطبيعية مطلع الأسبوع المقبل مع نشاط في الرياح.\n"
    text = "خبر\n" + STORY + second + "فرانس 24/ أ ف ب/ رويترز\n"
    article = one(tmp_path, text, "page.txt", "--outlet", "france24.com")
    assert kinds(article) == {("wire_credit", "afp"), ("wire_credit", "reuters")}
    assert "رويترز" not in article["body"]


def test_a_domain_beats_a_name(tmp_path):
    article = one(tmp_path, "خبر\n" + STORY + "المصدرal-sharq.com\n")
    assert kinds(article) == {("republished_from", "al-sharq-qatar")}


def test_the_publisher_crediting_itself_is_not_an_attribution(tmp_path):
    article = one(tmp_path, "خبر عاجل عن الطقس اليوم\nجدة - عكاظ\n" + STORY, "page.txt", "--outlet", "okaz.com.sa")
    assert article["publisher"]["slug"] == "okaz"
    assert article["attributions"] == [] and article["dateline"] == "جدة"

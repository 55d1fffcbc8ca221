"""Acceptance on the five real scraped pages (read from ../shared/seeds, skipped when absent)."""

import pytest

from articles.models import Article
from tests.conftest import kinds, preview, run_ingest, seed_path

pytestmark = pytest.mark.django_db

CHROME = ["time reading icon", "دقائق القراءة", "اقرأ أيضاً", "تصنيفات", "قصص قد تهمك", "رابط مختصر",
          "اكتشاف المزيد", "اشترك للحصول", "تم اقتباسه", "قوقل نيوز", "المصدرm", "//"]  # fmt: skip


def parsed(prefix):
    [article] = preview(seed_path(prefix))
    return article


def test_000_content_farm_copy():
    article = parsed("000")
    assert article["title"] == "روسيا تعزز وجودها العسكري في قرغيزستان وتلاحق نفوذ واشنطن"
    assert article["publisher"]["name"] == "ينبوع المعرفة"
    assert {("quoted_source", "afp"), ("adapted_by", "ishraq-24"), ("previously_published_on", "alamiyat")} <= kinds(
        article
    )
    assert ("original_source", None) not in kinds(article)  # «المصدر الأصلي هو المعني» names nobody
    assert article["published"] is None  # «9 مايو» is in the story, not a publication date


def test_001_asharq_report():
    article = parsed("001")
    assert article["title"] == 'روسيا تعلن نيتها "تطوير" منشآتها العسكرية في قيرغيزستان'
    assert article["publisher"]["slug"] == "asharq"
    assert {("photo_credit", "afp"), ("quoted_source", "ria-novosti")} <= kinds(article)
    assert article["dateline"] == "موسكو"
    assert (article["published"], article["date_precision"]) == ("2023-05-08", "day")
    assert len(article["captions"]) == 1 and article["captions"][0].endswith("AFP")
    assert article["captions"][0] not in article["body"]


def test_002_analysis_without_source():
    article = parsed("002")
    assert article["title"] == "دلالات زيارة بوتين إلي قيرغيزستان"
    assert article["publisher"] is None
    assert article["attributions"] == []
    assert article["published"] is None
    assert article["body"].count("دلالات زيارة بوتين") == 0


def test_003_sidebar_headlines_are_not_the_story():
    article = parsed("003")
    assert article["title"] == "أوزبكستان وقرغيزستان تبدآن تعاوناً عسكرياً لحفظ الأمن الإقليمي"
    assert article["publisher"]["name"] == "أنباء آسيا الوسطى والقوقاز"
    assert kinds(article) == {("wire_credit", None)}
    assert article["attributions"][0]["name"] == "وكالات"
    assert "كوريا الجنوبية" not in article["body"] and "شنغهاي" not in article["body"]
    assert article["body"].startswith("اجتمع رئيس هيئة الأركان")
    assert article["published"] is None  # «11 و14 يونيو الحالي» names no year


def test_004_al_sharq_qatar_copy():
    article = parsed("004")
    assert article["title"] == "الرئيس الروسي يجري سلسلة من المحادثات حول تأثير الأزمة في كازاخستان"
    assert article["publisher"] is None
    assert (article["byline"], article["section"]) == ("مؤمن علي", "اخبار العالم")
    assert kinds(article) == {("republished_from", "al-sharq-qatar")}
    assert article["published"] is None
    assert article["body"].count("الرئيس الروسي يجري سلسلة") == 0


def test_the_two_sharqs_are_different_outlets():
    asharq = parsed("001")["publisher"]["slug"]
    qatar = next(a["outlet"]["slug"] for a in parsed("004")["attributions"])
    assert asharq != qatar


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_no_body_keeps_chrome_or_disclaimers(prefix):
    body = parsed(prefix)["body"]
    for chrome in CHROME:
        assert chrome not in body, chrome


def test_evidence_offsets_point_at_the_evidence(seeds_dir):
    for path in sorted(seeds_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        [article] = preview(path)
        for attribution in article["attributions"]:
            assert text[attribution["start"] : attribution["end"]] == attribution["evidence"]


def test_all_seeds_ingest_and_a_second_run_changes_nothing(seeds_dir):
    status, _, err = run_ingest(str(seeds_dir))
    assert status == 0 and "created 5" in err
    raw = {a.source_name: a.raw for a in Article.objects.all()}
    status, _, err = run_ingest(str(seeds_dir))
    assert status == 0 and "created 0, updated 0, unchanged 5, failed 0" in err
    for path in seeds_dir.glob("*.txt"):
        assert raw[str(path)] == path.read_text(encoding="utf-8")  # kept verbatim

"""JSON records: the corpus schema and common crawlers' field names."""

import json

import pytest

from articles.models import Article
from tests.conftest import kinds, preview, run_ingest, write

pytestmark = pytest.mark.django_db

TEXT = "أعلنت الشركة الوطنية للكهرباء اليوم إنجاز ربط محطة جديدة بالشبكة، ما يرفع القدرة الإنتاجية في المنطقة."


def jsonl(tmp_path, *records, name="records.jsonl"):
    return write(tmp_path, name, "\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n")


def record(**fields):
    return {"corpus": "test", "id": "r1", "title": "ربط محطة كهرباء جديدة", "text": TEXT, **fields}


@pytest.mark.parametrize(
    "byline, dateline, slug",
    [
        ("واس - الرياض", "الرياض", "spa"),
        ("الرياض - واس", "الرياض", "spa"),
        ("الرياض: واس", "الرياض", "spa"),
        ("الرياض : واس", "الرياض", "spa"),
        ("\u00a0واس (جدة)", "جدة", "spa"),
        ("باريس - أ.ف.ب", "باريس", "afp"),
        ("لندن - د ب أ", "لندن", "dpa"),
        ("واشنطن - أسوشييتد برس", "واشنطن", "ap"),
        ("أنقرة - الاناضول", "أنقرة", "anadolu"),
        ("القاهرة - رويترز", "القاهرة", "reuters"),
    ],
)
def test_wire_credits_in_bylines_in_all_spellings(tmp_path, byline, dateline, slug):
    [article] = preview(jsonl(tmp_path, record(byline=byline, outlet_domain="okaz.com.sa")))
    assert kinds(article) == {("wire_credit", slug)}
    assert article["dateline"] == dateline


def test_the_publishers_own_name_in_the_byline_is_not_a_credit(tmp_path):
    [article] = preview(jsonl(tmp_path, record(byline="الجزيرة - واس:", outlet_domain="al-jazirah.com")))
    assert article["publisher"]["slug"] == "al-jazirah"
    assert kinds(article) == {("wire_credit", "spa")}


def test_unnamed_agencies(tmp_path):
    [article] = preview(jsonl(tmp_path, record(byline="العربية.نت - وكالات", outlet_domain="www.alarabiya.net")))
    assert kinds(article) == {("wire_credit", None)}


def test_opinion_piece_republication_note(tmp_path):
    text = TEXT + '\n\n* نقلا عن "الشرق الأوسط" السعودية\u00a0\n** جميع المقالات المنشورة تمثل رأي كتابها فقط.'
    [article] = preview(jsonl(tmp_path, record(text=text, outlet_domain="www.alarabiya.net")))
    assert kinds(article) == {("republished_from", "aawsat")}
    assert article["body"] == TEXT
    [attribution] = article["attributions"]
    assert "نقلا عن" in attribution["evidence"]


def test_note_at_the_end_of_a_paragraph(tmp_path):
    text = TEXT + ' * نقلا عن "عكاظ" السعودية'
    [article] = preview(jsonl(tmp_path, record(text=text, outlet_domain="www.alarabiya.net")))
    assert kinds(article) == {("republished_from", "okaz")}
    assert article["body"] == TEXT


def test_crawl_time_is_not_a_publication_date(tmp_path):
    item = record(date="2015-07-21 02:51:32", date_kind="crawl_time", url="http://okaz.com.sa/x/1")
    [article] = preview(jsonl(tmp_path, item))
    assert article["published"] is None


def test_published_timestamps_keep_their_precision(tmp_path):
    [article] = preview(jsonl(tmp_path, record(date="2018-02-18T21:35:43+04:00", date_kind="published")))
    assert article["published_at"].startswith("2018-02-18T") and article["date_precision"] == "minute"


def test_news_please_and_trafilatura_field_names(tmp_path):
    news_please = {"title": "عنوان أول", "maintext": TEXT, "date_publish": "2020-01-02 10:00:00",
                   "source_domain": "sabq.org", "url": "https://sabq.org/a/1", "authors": ["سعد"]}  # fmt: skip
    trafilatura = {"title": "عنوان ثان", "text": TEXT, "date": "2020-01-03", "hostname": "okaz.com.sa",
                   "author": "ليلى", "source": "https://okaz.com.sa/b/2"}  # fmt: skip
    first, second = preview(jsonl(tmp_path, news_please, trafilatura))
    assert (first["publisher"]["slug"], first["published"], first["byline"]) == ("sabq", "2020-01-02", "سعد")
    assert (second["publisher"]["slug"], second["date_precision"]) == ("okaz", "day")


def test_a_json_array_file(tmp_path):
    path = write(tmp_path, "items.json", json.dumps([record(id="a"), record(id="b")], ensure_ascii=False))
    assert len(preview(path)) == 2


def test_records_without_outlet_have_an_unknown_publisher(tmp_path):
    [article] = preview(jsonl(tmp_path, {"corpus": "ANC", "id": "X1", "title": "خبر", "text": TEXT + "\n\x00"}))
    assert article["publisher"] is None and "\x00" not in article["body"]


def test_ingesting_records_and_running_again(tmp_path):
    path = jsonl(tmp_path, record(id="a", url="https://sabq.org/a"), record(id="b"), record(id="c"))
    status, _, err = run_ingest(str(path))
    assert status == 0 and "created 3, updated 0, unchanged 0, failed 0" in err
    status, _, err = run_ingest(str(path))
    assert "created 0, updated 0, unchanged 3, failed 0" in err
    assert Article.objects.get(url="https://sabq.org/a").raw == json.dumps(
        record(id="a", url="https://sabq.org/a"), ensure_ascii=False
    )


def test_html_entities_in_fields_are_decoded(tmp_path):
    [article] = preview(jsonl(tmp_path, record(byline="&nbsp;واس (جدة)", outlet_domain="okaz.com.sa")))
    assert kinds(article) == {("wire_credit", "spa")} and article["dateline"] == "جدة"


def test_an_agency_named_only_by_adjectives_is_no_outlet(tmp_path):
    text = TEXT + " وقالت وكالة الأنباء الرسمية إن الوفد وصل. وذكرت وكالة الأنباء الروسية أن الاجتماع انتهى."
    [article] = preview(jsonl(tmp_path, record(text=text)))
    assert article["attributions"] == []

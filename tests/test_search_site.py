"""The search page, GET /api/search and the admin search, on articles written for these tests."""

import datetime

import pytest
from django.utils import timezone

from articles.models import Article, Attribution, Visibility
from articles.search.indexing import index_articles
from sources.models import Outlet

pytestmark = pytest.mark.django_db


def article(title, body, outlet, day, **fields):
    created = Article.objects.create(
        title=title,
        body=body,
        publisher=outlet,
        published_at=timezone.make_aware(datetime.datetime(2024, 3, day, 9)),
        date_precision="minute",
        source_key=f"test-{title}",
        raw=title,
        raw_format="txt",
        content_hash="x",
        **fields,
    )
    index_articles([created.pk])
    return created


@pytest.fixture
def archive(db):
    agency = Outlet.objects.create(name_ar="وكالة الاختبار", slug="test-agency", kind="wire_agency", country="SA")
    site = Outlet.objects.create(name_ar="موقع الاختبار", slug="test-site", kind="news_site", country="EG")
    wire = article("ترامب يزور الرياض", "وصل الرئيس ترامب إلى الرياض في زيارة رسمية.", agency, 1)
    copy = article("زيارة ترمب", "قال موقع الاختبار إن ترمب وصل <b>الرياض</b>.\n\nوتستمر الزيارة يومين.", site, 2)
    body_only = article("أخبار متفرقة", "خبر عن الطقس.\n\nوفي خبر آخر تحدث ترامب عن الاقتصاد.", site, 3)
    hidden = article("ترامب سرًّا", "نص مخفي عن ترامب", site, 4, visibility=Visibility.HIDDEN)
    Attribution.objects.create(article=copy, kind="republished_from", outlet=agency, name_as_written="وكالة الاختبار")
    Attribution.objects.create(article=wire, kind="wire_credit", outlet=agency, name_as_written="واس")
    return {"wire": wire, "copy": copy, "body_only": body_only, "hidden": hidden}


def api(client, **params):
    response = client.get("/api/search", params)
    assert response.status_code == 200, response.content
    return response.json()


def test_it_ranks_title_over_body_and_exact_over_variant(client, archive):
    data = api(client, q="ترامب")
    ids = [hit["id"] for hit in data["results"]]
    assert ids == [archive["wire"].pk, archive["body_only"].pk, archive["copy"].pk]
    assert [hit["exact"] for hit in data["results"]] == [True, True, False]
    assert data["variants"] == ["ترمب"]


def test_hidden_articles_are_never_found(client, archive):
    assert archive["hidden"].pk not in [hit["id"] for hit in api(client, q="ترامب")["results"]]


def test_snippets_are_escaped_then_marked(client, archive):
    [hit] = api(client, q="زيارة الرياض", outlet="test-site")["results"]
    assert "&lt;b&gt;<mark>الرياض</mark>&lt;/b&gt;" in hit["snippet_html"]
    assert hit["title_html"] == "<mark>زيارة</mark> ترمب"


def test_filters_and_facets(client, archive):
    data = api(client, q="ترامب", provenance="republished")
    assert [hit["id"] for hit in data["results"]] == [archive["copy"].pk]
    facets = api(client, q="ترامب")["facets"]
    assert {c["value"]: c["count"] for c in facets["outlet"]} == {"test-site": 2, "test-agency": 1}
    assert {c["value"]: c["count"] for c in facets["provenance"]} == {"original": 1, "republished": 1, "wire": 1}
    assert {c["value"]: c["count"] for c in facets["country"]} == {"EG": 2, "SA": 1}
    assert [hit["id"] for hit in api(client, q="ترامب", kind="wire_agency")["results"]] == [archive["wire"].pk]
    assert api(client, q="ترامب", since="2024-03-02", until="2024-03-02")["total"] == 1


def test_sort_newest_and_oldest(client, archive):
    newest = [hit["id"] for hit in api(client, q="ترامب", sort="newest")["results"]]
    assert newest == [archive["body_only"].pk, archive["copy"].pk, archive["wire"].pk]
    assert [hit["id"] for hit in api(client, q="ترامب", sort="oldest")["results"]] == newest[::-1]


def test_no_result_suggests_the_nearest_spelling(client, archive):
    data = api(client, q="الرياظ")
    assert data["total"] == 0 and "رياض" in data["suggestions"]


def test_bad_filter_values_are_a_clear_error(client, archive):
    response = client.get("/api/search", {"q": "ترامب", "since": "yesterday"})
    assert response.status_code == 400 and "since" in response.json()["errors"]


def test_search_page_is_arabic_and_shows_variants_and_facets(client, archive):
    response = client.get("/search/", {"q": "ترامب"})
    html = response.content.decode()
    assert response.status_code == 200 and '<html lang="ar" dir="rtl">' in html
    assert "شملت النتائج أيضاً: ترمب" in html and "3 نتائج" in html
    assert "<mark>ترامب</mark>" in html and "موقع الاختبار" in html
    assert 'href="?q=%D8%AA%D8%B1%D8%A7%D9%85%D8%A8&amp;outlet=test-site"' in html


def test_admin_article_search_uses_full_text(admin_client, archive):
    response = admin_client.get("/admin/articles/article/", {"q": "ترمب"})
    html = response.content.decode()
    assert "زيارة ترمب" in html and "ترامب يزور الرياض" in html and "أخبار متفرقة" in html


def test_highlight_keeps_the_punctuation_around_the_words():
    from articles.search.snippets import highlight

    assert highlight("«ترامب» يصل؟", {"ترامب"}) == "«<mark>ترامب</mark>» يصل؟"


@pytest.mark.parametrize(
    ("n", "text"),
    [(0, "لا نتائج"), (1, "نتيجة واحدة"), (2, "نتيجتان"), (3, "3 نتائج"), (11, "11 نتيجة"), (103, "103 نتائج")],
)
def test_result_counts_agree_in_arabic(n, text):
    from articles.templatetags.archive import result_count

    assert result_count(n) == text


def test_a_broad_query_ranks_its_title_and_lead_matches_and_counts_all(client, archive, monkeypatch):
    from articles.search import engine

    monkeypatch.setattr(engine, "BROAD", 1)
    monkeypatch.setattr(engine, "COUNTED", 2)
    data = api(client, q="ترامب")
    assert data["broad"] and data["total"] == 3 and data["total_is_lower_bound"]
    # Ranked: the most recent article matching in its title or lead (the newer one matches in its body only).
    assert [hit["id"] for hit in data["results"]] == [archive["copy"].pk]

"""Public pages, the JSON API and the admin, on the demo archive."""

import io

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from articles.models import Article, Visibility

pytestmark = pytest.mark.django_db
INGEST = "/admin/articles/ingestrun/ingest/"


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=io.StringIO())
    return Article.objects.all()


@pytest.fixture
def editor(db, django_user_model):
    user = django_user_model.objects.create_superuser("editor-test", "e@example.invalid", "pass-for-tests")
    client = Client()
    client.force_login(user)
    return client


def test_the_demo_archive_holds_an_agency_story_a_rewrite_and_an_aggregator_copy(demo):
    assert demo.count() == 5
    copy = Article.objects.get(source_name__endswith="03_aggregator_copy.txt")
    assert copy.publisher.name_ar == "مرآة الأخبار" and copy.publisher.is_placeholder
    found = {(a.kind, a.outlet.slug if a.outlet else None) for a in copy.attributions.all()}
    assert ("previously_published_on", "sabq") in found
    assert any(kind == "adapted_by" for kind, _ in found)
    agency = Article.objects.get(source_name__endswith="01_spa_palm_festival.txt")
    assert agency.publisher.slug == "spa" and agency.published_at.date().isoformat() == "2025-09-14"
    assert not agency.attributions.exists()  # its byline «بريدة - واس» is the agency naming itself


def test_the_demo_chain_runs_from_the_aggregator_through_sabq_to_the_agency_item(demo):
    from articles.provenance.graph import provenance_of

    copy = Article.objects.select_related("publisher").get(source_name__endswith="03_aggregator_copy.txt")
    chain = provenance_of(copy).chain
    assert [node.label for node in chain] == ["مرآة الأخبار", "نبض الخليج", "سبق", "واس"]
    assert chain[-1].article.source_name.endswith("01_spa_palm_festival.txt")
    story = [f"{n}.txt" for n in ("01_spa_palm_festival", "02_sabq_rewrite", "03_aggregator_copy")]
    events = {a.event_id for a in Article.objects.all() if a.source_name.endswith(tuple(story))}
    assert len(events) == 1 and None not in events  # the agency story, the rewrite and the copy are one event


def test_every_demo_page_of_provenance_events_and_outlets_renders(client, demo):
    from articles.models import Event

    for article in demo:
        for url in (
            article.get_absolute_url(),
            f"/articles/{article.pk}/provenance/",
            f"/api/articles/{article.pk}/provenance",
        ):
            assert client.get(url).status_code == 200, url
        if article.publisher:
            assert client.get(article.publisher.get_absolute_url()).status_code == 200
    for event in Event.objects.all():
        assert client.get(event.get_absolute_url()).status_code == 200
        assert client.get(f"/api/events/{event.pk}").status_code == 200
    assert client.get("/events/").status_code == 200


def test_home_is_an_arabic_right_to_left_page_listing_articles(client, demo):
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="ar" dir="rtl">' in html
    assert "انطلاق مهرجان التمور في بريدة" in html


def test_hidden_articles_are_invisible(client, demo):
    article = demo.first()
    article.visibility = Visibility.HIDDEN
    article.save()
    assert client.get(article.get_absolute_url()).status_code == 404
    assert article.title not in client.get("/").content.decode()
    assert client.get(f"/api/articles/{article.pk}").status_code == 404


def test_article_page_shows_credits_and_attributions(client, demo):
    article = Article.objects.get(source_name__endswith="01_spa_palm_festival.txt")
    html = client.get(article.get_absolute_url()).content.decode()
    assert article.title in html and "بريدة" in html
    assert "14 سبتمبر 2025" in html
    assert "واس" in html


def test_not_found_is_arabic(client, demo, settings):
    settings.DEBUG = False
    response = client.get("/articles/999999/")
    assert response.status_code == 404
    assert "الصفحة غير موجودة" in response.content.decode()
    assert '<html lang="ar" dir="rtl">' in response.content.decode()


def test_outlet_page(client, demo):
    response = client.get("/outlets/spa/")
    assert response.status_code == 200 and "وكالة أنباء" in response.content.decode()


def test_api_article_and_outlets(client, demo):
    article = Article.objects.get(source_name__endswith="02_sabq_rewrite.txt")
    data = client.get(f"/api/articles/{article.pk}").json()
    assert data["title"] == article.title and data["publisher"]["slug"] == "sabq"
    assert {"kind", "outlet", "evidence", "confidence"} <= set(data["attributions"][0])
    outlets = client.get("/api/outlets?limit=200").json()
    assert any(o["slug"] == "afp" and "أ ف ب" in o["aliases"] for o in outlets["results"])
    schema = client.get("/api/schema")
    assert schema.status_code == 200 and b"/api/articles/{id}" in schema.content


def test_admin_login_is_arabic(client):
    html = client.get("/admin/login/").content.decode()
    assert '<html lang="ar" dir="rtl">' in html and "ادخل" in html


@pytest.mark.parametrize("url", ["/admin/articles/article/", "/admin/sources/outlet/", "/admin/articles/attribution/",
                                 "/admin/articles/event/", "/admin/articles/ingestrun/"])  # fmt: skip
def test_admin_pages_open(editor, demo, url):
    assert editor.get(url).status_code == 200


def test_admin_ingest_page_opens(editor):
    assert reverse("admin:articles_ingest") == INGEST
    assert "إدخال مقالات" in editor.get(INGEST).content.decode()


def test_admin_article_page_shows_attributions_inline(editor, demo):
    article = Article.objects.get(source_name__endswith="03_aggregator_copy.txt")
    html = editor.get(f"/admin/articles/article/{article.pk}/change/").content.decode()
    assert "اكتشاف المزيد من مرآة الأخبار" in html  # the raw input, read-only
    assert "نُشر سابقاً على" in html


def test_admin_ingest_refuses_oversized_uploads(editor, settings):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.ISNAD_MAX_UPLOAD_BYTES = 1000
    upload = SimpleUploadedFile("big.txt", "كلمة ".encode() * 1000)
    html = editor.post(INGEST, {"files": [upload]}).content.decode()
    assert "والحد الأقصى" in html and Article.objects.count() == 0


def test_the_ingest_page_is_for_staff_only(client):
    response = client.get(INGEST)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_an_article_page_carries_json_ld_opengraph_and_a_canonical_url(client, demo):
    import json
    import re

    copy = Article.objects.get(source_name__endswith="03_aggregator_copy.txt")
    html = client.get(copy.get_absolute_url()).content.decode()
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["@type"] == "NewsArticle" and data["headline"] == copy.title
    assert data["publisher"]["name"] == "مرآة الأخبار"
    assert data["isBasedOn"] == {"@type": "Organization", "name": "نبض الخليج"}  # its first hop: not in the archive
    assert "نبض الخليج" in data["creditText"]
    assert f'<link rel="canonical" href="http://testserver{copy.get_absolute_url()}">' in html
    assert '<meta property="og:type" content="article">' in html
    sabq = Article.objects.get(source_name__endswith="02_sabq_rewrite.txt")
    data = json.loads(
        re.search(r'ld\+json">(.*?)</script>', client.get(sabq.get_absolute_url()).content.decode(), re.S).group(1)
    )
    agency = Article.objects.get(source_name__endswith="01_spa_palm_festival.txt")
    assert data["isBasedOn"] == f"http://testserver{agency.get_absolute_url()}"


def test_feeds_sitemap_robots_and_methodology(client, demo):
    latest = client.get("/feeds/latest/")
    assert latest.status_code == 200 and "rss" in latest["Content-Type"]
    assert "مهرجان" in latest.content.decode()
    outlet = Article.objects.exclude(publisher=None).first().publisher
    assert client.get(f"/outlets/{outlet.slug}/feed/").status_code == 200
    event = Article.objects.exclude(event=None).first().event
    assert event.title in client.get(f"/events/{event.slug}/feed/").content.decode()
    sitemap = client.get("/sitemap.xml").content.decode()
    assert all(a.get_absolute_url() in sitemap for a in Article.objects.all())
    assert "Sitemap: http://testserver/sitemap.xml" in client.get("/robots.txt").content.decode()
    page = client.get("/methodology/").content.decode()
    assert "من نقل عمّن" in page
    home = client.get("/").content.decode()
    assert "منافذ تنشر أخباراً أصلية" in home and "أحداث تناولتها منافذ عدة" in home


def test_the_date_archive_has_year_month_and_day_pages_with_previous_and_next(client, demo):
    year = client.get("/archive/2025/").content.decode()
    assert "/archive/2025/9/" in year
    month = client.get("/archive/2025/9/").content.decode()
    assert "انطلاق مهرجان التمور" in month and "/archive/2025/9/14/" in month
    day = client.get("/archive/2025/9/15/").content.decode()
    assert 'href="/archive/2025/9/14/" rel="prev"' in day and 'href="/archive/2025/9/16/" rel="next"' in day
    assert client.get("/archive/1999/").status_code == 404


def test_every_public_page_runs_the_same_number_of_queries_whatever_the_data(
    client, demo, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from articles.models import Event

    agency = Article.objects.get(source_name__endswith="01_spa_palm_festival.txt")
    event = agency.event

    def urls():
        return ["/", "/events/", event.get_absolute_url(), agency.get_absolute_url(), f"/articles/{agency.pk}/provenance/",
                agency.publisher.get_absolute_url(), "/outlets/", "/search/?q=مهرجان", "/archive/2025/9/", "/methodology/"]  # fmt: skip

    def counts():
        found = {}
        for url in urls():
            with CaptureQueriesContext(connection) as captured:
                assert client.get(url).status_code == 200, url
            found[url] = len(captured)
        return found

    counts()  # warm the per-process caches (the search vocabulary), which save queries later
    before = counts()
    for n in range(25):  # more articles by the same outlet, in the same event, on the same day
        Article.objects.create(
            publisher=agency.publisher, title=f"مهرجان التمور في بريدة يومه {n}", body=agency.body, raw=agency.raw,
            raw_format="txt", content_hash=f"h{n}", source_key=f"k{n}", published_at=agency.published_at,
            date_precision="minute", event=event,
        )  # fmt: skip
    Event.objects.filter(pk=event.pk).update(article_count=28)
    assert counts() == before
    assert max(before.values()) <= 20


def test_the_home_page_pages_without_counting_the_archive(client, demo):
    from articles import views

    first = client.get("/")
    assert first.context["page"].number == 1 and not first.context["page"].has_other_pages()
    views.PAGE_SIZE, old = 2, views.PAGE_SIZE
    try:
        second = client.get("/?page=2").content.decode()
        assert 'rel="prev"' in second and 'rel="next"' in second and "صفحة 2<" in second
        assert client.get("/?page=nonsense").status_code == 200
    finally:
        views.PAGE_SIZE = old


def test_countries_are_named_in_arabic_never_by_code(client, demo, editor):
    from sources.models import Outlet

    spa = Outlet.objects.get(slug="spa")
    assert spa.country == "SA"
    page = client.get("/outlets/spa/").content.decode()
    assert "المملكة العربية السعودية" in page and "<dd>SA</dd>" not in page
    assert "· SA ·" not in client.get("/outlets/").content.decode()
    facets = client.get("/api/search", {"q": "التمور"}).json()["facets"]["country"]
    assert facets and all(c["label"] != c["value"] for c in facets)
    events = client.get("/events/").content.decode()
    assert '<option value="SA">المملكة العربية السعودية</option>' in events
    for page in ("/admin/", "/admin/login/", "/admin/password_change/"):
        html = editor.get(page).content.decode() if page != "/admin/login/" else client.get(page).content.decode()
        assert "إسناد" in html and "جانغو" not in html and "Django" not in html


def test_the_admin_shows_confidence_as_a_percentage(demo, editor):
    page = editor.get("/admin/articles/attribution/").content.decode()
    assert "٪</td>" in page and "0,9" not in page and "0.9" not in page

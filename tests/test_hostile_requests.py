"""Hostile requests to the public site and the API: every parameter an outsider can send gets an
answer (a 400 with a reason, a 404, or the page), never a 500, and no request costs unbounded work.
"""

import io
import time

import pytest
from django.core.management import call_command
from django.test import Client

from articles.models import Article, SharedText

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=io.StringIO())
    return Article.objects.all()


LONG_WORD = "ب" * 3000

# (url, acceptable statuses): each once raised an error or was unbounded.
REQUESTS = [
    ("/search/?q=ماء&until=9999-12-31", {200}),  # until the end: brought within the archive's years
    ("/search/?q=ماء&since=0001-01-01", {200, 400}),
    ("/search/?q=ماء&since=2020-13-45", {400}),
    (f"/search/?q={LONG_WORD}", {200}),
    (f"/search/?q=%22{LONG_WORD}%20{LONG_WORD}%22", {200}),
    ("/search/?q=ماء&page=999999999999999999999", {200}),
    ("/search/?q=" + "أو%20" * 400, {200}),
    ("/search/?q=ماء&outlet=" + "x" * 500, {200, 400}),
    ("/search/?q=\x00", {200, 400}),
    ("/?page=999999999999999999", {200, 404}),
    ("/?page=-1", {200}),
    ("/archive/9999/12/31/", {404}),
    ("/archive/9999/12/", {404}),
    ("/archive/0/1/1/", {404}),
    ("/archive/2025/13/40/", {404}),
    ("/events/?page=999999999999999999999", {200, 404}),
    ("/events/?since=9999-12-31", {200, 400}),
    ("/events/?until=99999-12-31", {200, 400}),
    ("/outlets/?page=99999999999999999999", {200, 404}),
    ("/api/search?q=ماء&until=9999-12-31", {200}),
    ("/api/search?q=ماء&since=2023-02-30", {400}),
    (f"/api/search?q={LONG_WORD}", {200}),
    ("/api/events?limit=99999999999999999999999", {400}),
    ("/api/events?offset=99999999999999999999999", {400}),
    ("/api/events?limit=-5", {400}),
    ("/api/events?limit=abc", {400}),
    ("/api/outlets?limit=99999999999999999999999", {400}),
    ("/api/outlets?offset=99999999999999999999999", {400}),
    ("/api/events?since=9999-12-31", {200, 400}),
    ("/api/events?country=", {200}),
    ("/api/articles/99999999999999999999999", {404}),
    ("/api/articles/99999999999999999999999/provenance", {404}),
    ("/api/events/99999999999999999999999", {404}),
    ("/articles/99999999999999999999999/", {404}),
    ("/articles/1/compare/99999999999999999999999/", {404}),
    ("/events/" + "x" * 5000 + "/", {404}),
    ("/outlets/" + "ي" * 3000 + "/", {404}),
]


@pytest.mark.parametrize(("url", "statuses"), REQUESTS, ids=[url[:60] for url, _ in REQUESTS])
def test_a_hostile_request_gets_an_answer_not_an_error(demo, url, statuses):
    response = Client(raise_request_exception=False).get(url)
    assert response.status_code in statuses, (url, response.status_code)


def test_a_bad_date_on_the_search_page_is_said_not_ignored(demo):
    response = Client().get("/search/?q=ماء&until=2023-02-30")
    assert response.status_code == 400
    assert "تاريخ" in response.content.decode()


def test_paged_api_lists_never_return_more_than_their_limit(demo):
    assert Client().get("/api/outlets?limit=1000000").status_code == 400
    data = Client().get("/api/outlets?limit=50").json()
    assert len(data["results"]) == 50 and data["next"] and data["count"] > 50


def test_an_outlet_with_an_arabic_slug_is_found_by_the_api(demo):
    from sources.models import Outlet

    placeholder = Outlet.objects.filter(is_placeholder=True).first()
    assert placeholder is not None and not placeholder.slug.isascii()
    response = Client().get(f"/api/outlets/{placeholder.slug}")
    assert response.status_code == 200 and response.json()["slug"] == placeholder.slug


def test_the_compare_page_is_only_for_linked_articles(demo):
    copy = Article.objects.get(source_name__endswith="03_aggregator_copy.txt")
    records = Article.objects.filter(source_name__contains="04_records.jsonl")
    unrelated = next(a for a in records if not SharedText.objects.filter(first=a).exists())
    linked = copy.attributions.exclude(upstream=None).first().upstream
    assert Client().get(f"/articles/{copy.pk}/compare/{linked.pk}/").status_code == 200
    assert Client().get(f"/articles/{copy.pk}/compare/{unrelated.pk}/").status_code == 404


def test_comparing_two_long_texts_takes_bounded_time(demo):
    from articles.provenance.diff import diff

    words = [f"كلمة{n}" for n in range(60_000)]
    left, right = " ".join(words), " ".join(reversed(words))
    started = time.monotonic()
    result = diff(left, right)
    assert time.monotonic() - started < 5
    assert result.truncated


def test_responses_carry_a_strict_content_security_policy(demo):
    response = Client().get("/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "object-src 'none'" in policy and "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy


def test_a_scraped_javascript_url_is_never_a_link(db, tmp_path):
    import json

    from tests.conftest import run_ingest, write

    record = {
        "id": "x1",
        "url": "javascript:alert(document.domain)//",
        "title": "خبر عن افتتاح جسر جديد",
        "text": "افتتحت الوزارة جسراً جديداً اليوم على الطريق الساحلي بين المدينتين.",
    }
    path = write(tmp_path, "r.jsonl", json.dumps(record, ensure_ascii=False) + "\n")
    status, _, err = run_ingest(str(path))
    assert status == 0 and "URL ignored" in err
    article = Article.objects.get()
    assert article.url is None
    assert "javascript:" not in Client().get(article.get_absolute_url()).content.decode()


def test_rss_descriptions_are_plain_text(demo):
    Article.objects.update(body="<b>عريض</b> و <script>x()</script> نص")
    content = Client().get("/feeds/latest/").content.decode()
    assert "&lt;b&gt;" not in content and "&lt;script" not in content and "عريض" in content


def test_the_api_takes_no_credentials(demo, django_user_model):
    import base64

    django_user_model.objects.create_user("someone", password="a-password-123")
    token = base64.b64encode(b"someone:a-password-123").decode()
    response = Client().get("/api/events", HTTP_AUTHORIZATION=f"Basic {token}")
    assert response.status_code == 200
    assert "WWW-Authenticate" not in response
    wrong = base64.b64encode(b"someone:wrong").decode()
    assert Client().get("/api/events", HTTP_AUTHORIZATION=f"Basic {wrong}").status_code == 200  # never read


def test_logins_are_locked_after_five_failures(db, django_user_model):
    django_user_model.objects.create_superuser("chief", "c@example.invalid", "the-right-password-1")
    client = Client(REMOTE_ADDR="203.0.113.9")
    for _ in range(5):
        client.post("/admin/login/?next=/admin/", {"username": "chief", "password": "guess"})
    response = client.post("/admin/login/?next=/admin/", {"username": "chief", "password": "the-right-password-1"})
    assert response.status_code == 429 and "موقوف" in response.content.decode()


def test_the_compare_page_names_a_source_only_when_the_direction_is_known(demo):
    copy = Article.objects.get(source_name__endswith="03_aggregator_copy.txt")
    credited = copy.attributions.exclude(upstream=None).first().upstream
    page = Client().get(f"/articles/{copy.pk}/compare/{credited.pk}/").content.decode()
    assert "المصدر:" in page and "النص الأول" not in page
    # the other way round, nothing says the copy is the source: two texts, neither the source
    backwards = Client().get(f"/articles/{credited.pk}/compare/{copy.pk}/").content.decode()
    assert "النص الأول:" in backwards and "المصدر:" not in backwards and "احتفظ" not in backwards

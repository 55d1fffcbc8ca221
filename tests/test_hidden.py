"""Hidden means hidden: once an editor hides an article, no public surface shows its words or its
id: pages, events and their titles, feeds, the sitemap, the API, search results, variants and
suggestions, provenance. Publishing it again brings it back where it belongs."""

import io
import re

import pytest
from django.core.management import call_command
from django.test import Client

from articles import visibility
from articles.events.grouping import rebuild_events
from articles.ingest import ingest
from articles.models import Article, Event
from tests.conftest import write

pytestmark = pytest.mark.django_db

# A story whose words are nowhere else, in a title that would name its own event.
SECRET_TITLE = "قافلة الزمرديين تعبر وادي ياقوتستان"
SECRET_BODY = (
    "عبرت قافلة الزمرديين اليوم وادي ياقوتستان بعد رحلة طويلة، وقال قائدها إن الزمرديين سيصلون إلى "
    "مدينة ياقوتستان الكبرى قبل نهاية الأسبوع، وإن القافلة تحمل مؤناً وأدوية للقرى النائية في الوادي."
)
COPY = "نقلاً عن موقع سبق\n\n" + SECRET_BODY  # an aggregator's copy of it, crediting a named site


def public_surfaces(client: Client) -> dict[str, str]:
    pages = {url: client.get(url) for url in ["/", "/events/?covered=false", "/feeds/latest/", "/sitemap.xml",
                                            "/api/events?covered=false&limit=200", "/outlets/"]}  # fmt: skip
    for event in Event.objects.all():
        for url in (f"/events/{event.slug}/", f"/events/{event.slug}/feed/", f"/api/events/{event.pk}"):
            pages[url] = client.get(url, follow=True)
    for article in Article.objects.public():
        for url in (article.get_absolute_url(), f"/articles/{article.pk}/provenance/", f"/api/articles/{article.pk}",
                    f"/api/articles/{article.pk}/provenance"):  # fmt: skip
            pages[url] = client.get(url)
    found = {url: response.content.decode() for url, response in pages.items()}
    for query in ("الزمرديين", "ياقوتستان", "الزمرديون", "ياقوتستن", "زمردين"):
        # The page repeats the query itself; anything else of the story would be a leak.
        found[f"/search/?q={query}"] = client.get("/search/", {"q": query}).content.decode().replace(query, "")
        found[f"/api/search?q={query}"] = client.get("/api/search", {"q": query}).content.decode().replace(query, "")
    return found


@pytest.fixture
def archive(db, tmp_path):
    call_command("load_demo", stdout=io.StringIO())
    ingest([str(write(tmp_path, "secret.txt", f"{SECRET_TITLE}\n\n{SECRET_BODY}\n"))])
    secret = Article.objects.get(title=SECRET_TITLE)
    assert secret.event is not None and Event.objects.get(pk=secret.event_id).title == SECRET_TITLE
    return secret


def leaks(pages: dict[str, str], article: Article) -> list[str]:
    found = []
    for url, html in pages.items():
        if "الزمرديين" in html or "ياقوتستان" in html or "زمردي" in html:
            found.append(f"{url}: its words")
        if re.search(rf"/articles/{article.pk}/|\"upstream\": ?{article.pk}\b", html):
            found.append(f"{url}: its id")
    return found


def test_a_hidden_article_leaves_no_trace_on_any_public_surface(archive):
    client = Client()
    assert leaks(public_surfaces(client), archive)  # the probe sees it while it is public
    visibility.hide([archive])
    assert leaks(public_surfaces(client), archive) == []


def test_hidden_stays_hidden_through_a_rebuild_of_events(archive):
    visibility.hide([archive])
    rebuild_events()
    archive.refresh_from_db()
    assert archive.event is None
    assert not Event.objects.filter(title__contains="الزمرديين").exists()
    assert leaks(public_surfaces(Client()), archive) == []


def test_a_copy_of_a_hidden_article_shows_neither_its_id_nor_counts_it(archive, tmp_path):
    ingest([str(write(tmp_path, "copy.txt", f"قافلة تصل إلى الوادي\n\n{COPY}\n"))])
    copy = Article.objects.get(title="قافلة تصل إلى الوادي")
    visibility.hide([archive])
    data = Client().get(f"/api/articles/{copy.pk}").json()
    assert all(a["upstream"] != archive.pk for a in data["attributions"])
    html = Client().get(copy.get_absolute_url()).content.decode()
    assert "نسخة أخرى من النص" not in html and "نسخ أخرى" not in html


def test_publishing_again_regroups_the_article_and_its_words_come_back(archive):
    visibility.hide([archive])
    visibility.publish([archive])
    archive.refresh_from_db()
    assert archive.visibility == "public" and archive.event is not None
    assert archive.event.title == SECRET_TITLE
    assert Client().get("/api/search", {"q": "ياقوتستان"}).json()["total"] == 1


def test_an_event_renamed_by_hiding_its_title_member_changes_its_address(archive, tmp_path):
    ingest([str(write(tmp_path, "other.txt", f"وصول القافلة إلى مدينة الوادي الكبرى\n\n{SECRET_BODY}\n"))])
    other = Article.objects.get(title="وصول القافلة إلى مدينة الوادي الكبرى")
    event = Event.objects.get(pk=archive.event_id)
    assert other.event_id == event.pk
    old_slug = event.slug
    visibility.hide([archive])
    event.refresh_from_db()
    assert "الزمرديين" not in event.title and "الزمرديين" not in event.slug and event.slug != old_slug
    response = Client().get(f"/events/{old_slug}/")
    assert response.status_code == 301 and response["Location"] == event.get_absolute_url()

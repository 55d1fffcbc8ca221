"""Every screen a person reads is in Arabic: no English word, no code, on public pages or in the admin.

Each page of the demo archive and each admin screen (the index, every list, add and change form,
the Ingest page and a run) is rendered, its visible text read (scripts, styles and attribute values
left out), and every word in Latin letters reported unless it is a name: an outlet's own name or
domain, a user's name, a file or web address, or one of the few names listed in NAMES.
"""

import io
import re
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.contrib import admin
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from articles.models import Article, Event, SpellingPair, SpellingStatus
from sources.models import Outlet

pytestmark = pytest.mark.django_db

# Names written in Latin letters on purpose: formats, standards and keys a reader meets (Django's
# Arabic help for a multiple choice names the keys «Control» and «Command»). Compared ignoring case.
NAMES = {"json", "jsonl", "json lines", "html", "txt", "zip", "csv", "rss", "atom", "api", "sha", "utf", "iso", "ip", "url",
         "control", "command"}  # fmt: skip
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
# A token that is an address, a file, an account, a hash or a masked secret, not a word: what it
# names is written as it is.
NOT_A_WORD = re.compile(r"\S*[./@_:\\*]\S*|\b[0-9a-f]{16,}\b|\bJSON Lines\b")


class VisibleText(HTMLParser):
    """The text a reader sees: no script, style or template, no attribute, no hidden input; and
    not a quotation marked as English (lang="en": an error message as a parser or the database
    gave it, quoted after its Arabic explanation)."""

    SKIPPED = {"script", "style", "template", "noscript"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIPPED or ("lang", "en") in attrs:
            self.skipping.append(tag)

    def handle_endtag(self, tag):
        if self.skipping and self.skipping[-1] == tag:
            self.skipping.pop()

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def latin_words(html: str, allowed: set[str]) -> set[str]:
    reader = VisibleText()
    reader.feed(html)
    text = NOT_A_WORD.sub(" ", " ".join(reader.parts))
    allowed = {name.lower() for name in allowed}
    return {word for word in LATIN_WORD.findall(text) if word.strip("'’-").lower() not in allowed}


@pytest.fixture
def archive(db, django_user_model):
    call_command("load_demo", stdout=io.StringIO())
    call_command("index_search", stdout=io.StringIO(), stderr=io.StringIO())
    SpellingPair.objects.create(form="بوتن", other="بوتين", status=SpellingStatus.LEARNED, copies=3, usage=0.9)
    user = django_user_model.objects.create_superuser("editor", "editor@example.invalid", "pass-for-tests")
    client = Client()
    client.force_login(user)
    allowed = NAMES | {"editor"}
    for outlet in Outlet.objects.all():
        allowed |= set(LATIN_WORD.findall(" ".join([outlet.name_latin, outlet.slug, *outlet.aliases])))
    return client, allowed


def public_pages() -> list[str]:
    article = Article.objects.filter(attributions__outlet__isnull=False).first() or Article.objects.first()
    pages = ["/", "/search/?q=النخيل", "/search/?q=النخيل&since=2020-01-01", "/methodology/", "/events/", "/outlets/"]
    # Filters that leave nothing: their values are named though no facet counts them any more.
    pages += ["/search/?q=النخيل&kind=blog&provenance=wire&outlet=spa&country=SA&until=1990-01-01"]
    pages += [a.get_absolute_url() for a in Article.objects.all()]
    pages += [f"/articles/{a.pk}/provenance/" for a in Article.objects.all()]
    pages += [event.get_absolute_url() for event in Event.objects.all()]
    pages += [reverse("outlet-detail", args=[outlet.slug]) for outlet in Outlet.objects.all()[:10]]
    year = article.published_at.year if article and article.published_at else 2025
    return [*pages, f"/archive/{year}/"]


def admin_pages() -> list[str]:
    from django.contrib.auth import get_user_model
    from django.test import RequestFactory

    request = RequestFactory().get("/admin/")
    request.user = get_user_model().objects.get(username="editor")
    pages = ["/admin/", "/admin/articles/ingestrun/ingest/"]
    for model, model_admin in admin.site._registry.items():
        meta = model._meta
        base = f"/admin/{meta.app_label}/{meta.model_name}/"
        pages.append(base)
        if model_admin.has_add_permission(request):
            pages.append(f"{base}add/")
        first = model._default_manager.order_by("pk").first()
        if first is not None:
            pages.append(f"{base}{first.pk}/change/")
    return pages


def ingest_pages(client) -> list[str]:
    """A preview holding failures of several kinds, then the run that saved what could be saved."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from articles.models import IngestRun
    from tests.conftest import run_ingest
    from tests.test_admin_workflows import worker_reads_preview

    files = [
        SimpleUploadedFile("page.txt", "عنوان تجريبي\n\nنص تجريبي كتبناه للاختبار عن مهرجان في مدينة صغيرة.".encode()),
        SimpleUploadedFile("empty.txt", b""),
        SimpleUploadedFile("broken.jsonl", b'{"title": "x", "text": \n[1, 2]\n'),
        SimpleUploadedFile("binary.txt", bytes(range(256)) * 4),
    ]
    client.post("/admin/articles/ingestrun/ingest/", {"files": files})
    run = worker_reads_preview()
    preview = f"/admin/articles/ingestrun/{run.pk}/preview/"
    pages = [preview]
    assert run.preview_items.filter(outcome="failed").count() == 4  # empty, binary, two JSON lines
    # Failures a run met while saving are listed on its page: the same files, ingested at once.
    with tempfile.TemporaryDirectory() as folder:
        for upload in files:
            upload.seek(0)
            (Path(folder) / upload.name).write_bytes(upload.read())
        run_ingest(folder)
    run = IngestRun.objects.exclude(status="preview").latest("pk")
    assert run.failed == 4, run.failures
    return [*pages, f"/admin/articles/ingestrun/{run.pk}/change/"]


def test_no_public_page_shows_an_english_word_or_a_code(archive):
    client, allowed = archive
    found = {}
    for url in public_pages():
        response = client.get(url)
        assert response.status_code == 200, url
        if words := latin_words(response.content.decode(), allowed):
            found[url] = sorted(words)
    assert not found, found


def test_no_admin_screen_shows_an_english_word_or_a_code(archive):
    client, allowed = archive
    found = {}
    for url in [*admin_pages(), *ingest_pages(client)]:
        response = client.get(url)
        assert response.status_code == 200, url
        if words := latin_words(response.content.decode(), allowed):
            found[url] = sorted(words)
    assert not found, found


def test_the_check_sees_an_english_word_and_lets_names_and_addresses_through():
    html = "<p>مقال <b>Started</b> by</p><script>var x</script><a href='https://a.example'>https://a.example/x</a>"
    assert latin_words(html, NAMES) == {"Started", "by"}
    assert latin_words("<p>وكالة Reuters: file_01.txt بصيغة JSON Lines وSHA-256</p>", NAMES | {"Reuters"}) == set()
    assert latin_words("<p>بصمة 9f86d081884c7d659a2feaa0c55ad015 وعنوان IP</p>", NAMES) == set()
    assert latin_words('<p>JSON غير صالح <q lang="en">Expecting value</q> here</p>', NAMES) == {"here"}


def test_every_reason_the_reader_gives_has_its_arabic_sentence():
    """Each English reason or note written in articles/ingest has a pattern in reasons.py."""
    from articles.ingest.reasons import in_arabic

    source = "".join(path.read_text(encoding="utf-8") for path in Path("articles/ingest").glob("*.py"))
    raised = re.findall(
        r'(?:InputError|BadInput\([^,]+,|Failure\(source\.name,|notes\.append)\s*\(?\s*f?"([^"]+)"', source
    )
    assert len(raised) >= 30
    for reason in raised:
        example = re.sub(r"\{name\}", "byline", reason)
        example = re.sub(r"\{draft\.published_at[^}]*\}", "2031-01-01", example)
        example = re.sub(r"\{[^}]*\}", "7", example)  # a figure where the message has one
        assert in_arabic(example).text != "تعذر إدخاله", reason
    assert in_arabic("invalid JSON: Expecting value: line 1 column 2 (char 1)") == (
        "JSON غير صالح",
        "Expecting value: line 1 column 2 (char 1)",
    )
    assert in_arabic("larger than the 5 MB limit for one page").text == "أكبر من حد الصفحة الواحدة (5 م.ب)"


def test_each_country_is_offered_once(db):
    """Outlets are ordered by name: the distinct countries must not be distinct per outlet name."""
    from sources.countries import country_choices

    Outlet.objects.create(name_ar="أ", slug="a-paper", country="JO")
    Outlet.objects.create(name_ar="ب", slug="b-paper", country="JO")
    assert [code for code, _ in country_choices()].count("JO") == 1

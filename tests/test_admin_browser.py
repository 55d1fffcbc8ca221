"""The editor's ingest in a real browser, with a real worker: log in, upload, preview, deselect,
confirm, watch the progress, open what was saved. At a desk's 1280 px and a phone's 390 px, with
the Content-Security-Policy on: a violation in the console fails the test.
"""

import io
import json
import os
import signal
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connections

from articles.models import Article, IngestRun
from newsroom.database_url import same_database_env
from tests.test_browser import CHROMIUM, FLAGS, SHOTS

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed: run `make browser`"),
]
STORY = (
    "أعلنت وزارة الصحة اليوم افتتاح مستشفى جديد في المدينة الساحلية يضم مئتي سرير، ويخدم سكان القرى "
    "المجاورة الذين كانوا يقطعون مسافات طويلة للعلاج."
)


@pytest.fixture
def worker():
    process = subprocess.Popen(
        [sys.executable, "manage.py", "worker", "--quiet"], cwd=settings.BASE_DIR, env=same_database_env(),
        stdin=subprocess.DEVNULL,
    )  # fmt: skip
    yield process
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=60)


@pytest.fixture
def browser(live_server, django_user_model):
    from playwright.sync_api import sync_playwright

    call_command("load_demo", stdout=io.StringIO())
    django_user_model.objects.create_superuser("desk", "desk@example.invalid", "a-long-desk-password-7")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        launched.base = live_server.url
        yield launched
        # The tests' own queries ran inside Playwright's loop, whose context holds connections of its
        # own: closed here, where that context is current, or the test database outlives the run.
        connections.close_all()
        launched.close()
    os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


def tab(browser, width: int):
    page = browser.new_page(viewport={"width": width, "height": 900}, locale="ar")
    page.set_default_timeout(60_000)
    page.violations = []
    page.on("console", lambda m: "Content Security Policy" in m.text and page.violations.append(m.text))
    page.goto(browser.base + "/admin/login/")
    page.fill("#id_username", "desk")
    page.fill("#id_password", "a-long-desk-password-7")
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")
    return page


@pytest.mark.parametrize("width", [1280, 390])
def test_an_editor_ingests_a_file_from_upload_to_result(browser, worker, tmp_path, width):
    records = [{"id": f"h{n}", "title": f"افتتاح مستشفى جديد رقم {n}", "text": f"{STORY} ({n})"} for n in range(30)]
    path = tmp_path / "hospitals.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")
    page = tab(browser, width)
    page.goto(browser.base + "/admin/articles/ingestrun/ingest/")
    page.screenshot(path=str(SHOTS / f"admin-ingest-{width}.png"), full_page=True)
    page.set_input_files("input[type=file]", str(path))
    page.click("input[type=submit]")
    page.wait_for_selector(".ingest-summary")  # the worker read it; the page showed itself when ready
    assert "جديد</span> 30 مقالاً" in page.content()
    page.screenshot(path=str(SHOTS / f"admin-ingest-preview-{width}.png"), full_page=True)
    first = page.locator("input[name=selected]").first
    first.uncheck()
    page.locator("button[name=confirm]").first.click()
    page.wait_for_selector("text=المقالات التي حفظها")  # live progress, then the result
    html = page.content()
    assert "انتهى" in html and 'جديدة: <span data-field="created">29</span>' in html
    page.screenshot(path=str(SHOTS / f"admin-ingest-result-{width}.png"), full_page=True)
    run = IngestRun.objects.get(origin="admin")
    assert (run.status, run.created, run.processed) == ("done", 29, 30) and run.is_traced
    assert Article.objects.filter(ingest_run=run).count() == 29
    page.click("text=في الموقع >> nth=0")
    assert page.locator("h1").inner_text().startswith("افتتاح مستشفى جديد رقم")
    assert page.violations == [], page.violations


def test_the_admin_pages_an_editor_uses_break_no_content_security_rule(browser):
    page = tab(browser, 1280)
    for url in ["/admin/", "/admin/articles/article/", "/admin/articles/article/1/change/", "/admin/articles/event/",
                "/admin/sources/outlet/", "/admin/articles/ingestrun/", "/admin/articles/attribution/"]:  # fmt: skip
        page.goto(browser.base + url)
        assert page.locator("#site-name").inner_text().startswith("إسناد")
    page.goto(browser.base + "/admin/articles/article/")
    page.locator("input.action-select").first.check()
    page.select_option("select[name=action]", "move_to_event")
    page.click(".select2-selection")  # the event is chosen by its title
    page.keyboard.type("تمور")
    page.wait_for_selector(".select2-results__option[role=option] >> text=تمور")
    page.screenshot(path=str(SHOTS / "admin-move-to-event-1280.png"), full_page=True)
    assert page.violations == [], page.violations


def test_an_editor_gives_an_outlet_its_country_by_name_and_lifts_a_lockout(browser):
    """The outlet form offers countries by their Arabic names; the list shows the name, not the
    ISO code. A lockout is listed in Arabic and lifted by deleting it."""
    from axes.models import AccessAttempt

    from sources.models import Outlet

    AccessAttempt.objects.create(
        username="reporter", ip_address="198.51.100.7", user_agent="test", http_accept="*/*", path_info="/admin/login/",
        get_data="", post_data="", failures_since_start=settings.AXES_FAILURE_LIMIT,
    )  # fmt: skip
    outlet = Outlet.objects.create(name_ar="صحيفة الاختبار", slug="test-paper")
    page = tab(browser, 1280)
    page.goto(f"{browser.base}/admin/sources/outlet/{outlet.pk}/change/")
    page.select_option("#id_country", label="الأردن")
    page.click("input[name=_save]")
    page.wait_for_url("**/admin/sources/outlet/")
    outlet.refresh_from_db()
    assert outlet.country == "JO"
    row = page.locator("tr", has_text="صحيفة الاختبار").inner_text()
    assert "الأردن" in row and "JO" not in row
    page.goto(f"{browser.base}/admin/axes/accessattempt/")
    assert "reporter" in page.inner_text("#result_list") and "محاولات الدخول الفاشلة" in page.content()
    page.check("#result_list input[name=_selected_action]")
    page.select_option("select[name=action]", "delete_selected")
    page.click("button[name=index]")
    page.click("input[type=submit]")  # Django's confirmation page
    page.wait_for_url("**/admin/axes/accessattempt/")
    assert not AccessAttempt.objects.exists()
    page.screenshot(path=str(SHOTS / "admin-lockouts-1280.png"), full_page=True)
    assert page.violations == [], page.violations


@pytest.mark.parametrize("width", [1280, 390])
def test_an_editor_reviews_the_learned_spellings(browser, width):
    """A learned pair is listed with its evidence and both forms' article counts; the editor
    rejects it, then adds a pair typed as written (with the article), which is stored as search
    reads it."""
    from articles.models import SearchTerm, SpellingPair, SpellingStatus

    SearchTerm.objects.create(form="بوتين", lexeme="بوت", skeleton="بتن", display="بوتين", article_count=700)
    SearchTerm.objects.create(form="بوتن", lexeme="بوتن", skeleton="بتن", display="بوتن", article_count=320)
    learned = SpellingPair.objects.create(
        form="بوتن", other="بوتين", status=SpellingStatus.LEARNED, copies=20, usage=0.89, reason="تتبادلهما نسخ نص واحد"
    )
    page = tab(browser, width)
    page.goto(f"{browser.base}/admin/articles/spellingpair/")
    row = page.locator("#result_list tr", has_text="بوتين").inner_text()
    assert "700" in row and "320" in row and "20" in row and "متعلَّمة" in row
    page.check("#result_list input[name=_selected_action]")
    page.select_option("select[name=action]", "reject")
    page.click("button[name=index]")
    page.wait_for_url("**/admin/articles/spellingpair/")
    learned.refresh_from_db()
    assert learned.status == SpellingStatus.REJECTED
    assert "رفضها محرر" in page.inner_text("#result_list")

    page.goto(f"{browser.base}/admin/articles/spellingpair/add/")
    page.fill("#id_form", "الدنمارك")
    page.fill("#id_other", "الدانمارك")
    page.select_option("#id_status", "accepted")
    page.click("input[name=_save]")
    page.wait_for_url("**/admin/articles/spellingpair/")
    assert SpellingPair.objects.filter(form="دانمارك", other="دنمارك", status=SpellingStatus.ACCEPTED).exists()
    page.screenshot(path=str(SHOTS / f"admin-spellings-{width}.png"), full_page=True)
    assert page.violations == [], page.violations

"""The public pages in a real browser: Debian's Chromium driven by Playwright, on the demo archive.

Walks home → search → article → provenance → outlet → event as a reader would, on a 360 px
wide phone screen: right to left, no horizontal scrolling, the keyboard reaches the search box.
Screenshots of every page go to artifacts/screenshots/ (git-ignored) for a person to look at.
Skipped, with the reason, where Chromium is not installed (`make browser` installs it).
"""

import io
import os
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command

CHROMIUM = shutil.which("chromium")
SHOTS = Path(__file__).resolve().parents[1] / "artifacts" / "screenshots"
# As root on a closed network: no sandbox, and none of the background calls to Google's hosts.
FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]  # fmt: skip

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),  # keeps the gazetteer
    pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed: run `make browser`"),
]


@pytest.fixture
def page(live_server):
    from playwright.sync_api import sync_playwright

    call_command("load_demo", stdout=io.StringIO())
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"  # Playwright's loop runs beside the live server's ORM
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        tab = browser.new_page(viewport={"width": 360, "height": 780}, locale="ar")
        tab.set_default_timeout(15_000)
        tab.base = live_server.url
        yield tab
        browser.close()
    os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


# WCAG contrast of every visible text element against the background it is painted on.
LOWEST_CONTRAST = r"""() => {
  const rgb = (c) => (c.match(/[\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
    .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  const background = (el) => { for (; el; el = el.parentElement) { const c = rgb(getComputedStyle(el).backgroundColor);
    if (c.length === 3 || c[3] > 0) return c.slice(0, 3); } return [255, 255, 255]; };
  let worst = [21, ""];
  for (const el of document.querySelectorAll("body *")) {
    const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    if (!own || !el.getClientRects().length) continue;
    const [a, b] = [lum(rgb(getComputedStyle(el).color)), lum(background(el))];
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    if (ratio < worst[0]) worst = [ratio, el.tagName + "." + el.className + ": " + el.textContent.trim().slice(0, 40)];
  }
  return worst;
}"""


def check(page, name: str) -> None:
    """Right to left, Arabic, readable contrast, nothing wider than the phone; a screenshot."""
    assert page.evaluate("document.documentElement.dir") == "rtl"
    ratio, where = page.evaluate(LOWEST_CONTRAST)
    assert ratio >= 4.5, f"{name}: contrast {ratio:.2f} below 4.5 at {where}"
    assert page.evaluate("document.documentElement.lang") == "ar"
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{name}: {overflow}px of horizontal scrolling at 360px"
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_a_reader_walks_from_home_to_the_origin_of_a_story(page):
    page.goto(page.base + "/")
    check(page, "1-home")
    page.fill("#header-q", "مهرجان التمور")
    page.press("#header-q", "Enter")
    page.wait_for_url("**/search/**")
    check(page, "2-search")
    page.click("text=ألفا مزارع في افتتاح مهرجان تمور بريدة")
    check(page, "3-article")
    article_url = page.url
    assert "سلسلة الإسناد" in page.inner_text(".summary")
    page.click(".summary a")
    page.wait_for_url("**/provenance/")
    check(page, "4-provenance")
    assert page.inner_text("#chain-title") == "من أين جاء النص"
    chain = page.locator(".chain-node .node-outlet").all_inner_texts()
    assert chain[-1] == "واس"
    page.click(".chain-node .node-outlet >> nth=-1")
    page.wait_for_url("**/outlets/**")
    check(page, "5-outlet")
    assert "أصالة ما ينشره" in page.content()
    page.goto(article_url)
    page.click("p:has-text('ضمن الحدث') a")
    page.wait_for_url("**/events/**")
    check(page, "6-event")
    assert page.locator(".report.first").count() == 1


def test_the_keyboard_skips_to_the_content_and_reaches_the_search_box(page):
    page.goto(page.base + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent").strip() == "تخطَّ إلى المحتوى"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.goto(page.base + "/")
    for _ in range(5):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "header-q":
            break
    assert page.evaluate("document.activeElement.id") == "header-q"
    page.keyboard.type("بريدة")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/**")
    assert page.locator(".search-hit").count() >= 1
    check(page, "7-keyboard-search")


def test_an_editor_narrows_the_events_to_dates_picked_in_the_calendar(page):
    page.goto(page.base + "/events/")
    assert page.get_attribute("#id_since", "type") == "date" and page.get_attribute("#id_until", "type") == "date"
    listed = page.locator(".event-list li a").count()
    assert listed >= 1
    page.fill("#id_since", "2099-01-01")  # a date picker takes its value as YYYY-MM-DD
    page.click(".search-form button")
    page.wait_for_url("**since=2099-01-01**")
    assert "لا أحداث بهذه الشروط." in page.inner_text("main")
    check(page, "8-events-by-date")


@pytest.mark.parametrize("width", [1280, 390])
def test_every_kind_of_page_reads_right_to_left_at_a_desk_and_on_a_phone(live_server, width):
    """The pages a reader meets, at a desk's 1280 px and a phone's 390 px: one screenshot each."""
    from playwright.sync_api import sync_playwright

    from articles.models import Article, Attribution, Event

    call_command("load_demo", stdout=io.StringIO())
    call_command("index_search", stdout=io.StringIO(), stderr=io.StringIO())
    copy = Article.objects.get(source_name__endswith="03_aggregator_copy.txt")
    linked = Attribution.objects.filter(article=copy, upstream__isnull=False).first()
    event = Event.objects.filter(article_count__gte=2).first()
    pages = {
        "home": "/",
        "search-filtered": "/search/?q=مهرجان&since=2025-01-01&kind=news_site",
        "article": copy.get_absolute_url(),
        "provenance": f"/articles/{copy.pk}/provenance/",
        "events": "/events/",
        "event": event.get_absolute_url(),
        "outlets": "/outlets/",
        "outlet": copy.publisher.get_absolute_url(),
    }
    if linked:
        pages["compare"] = f"/articles/{copy.pk}/compare/{linked.upstream_id}/"
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    SHOTS.mkdir(parents=True, exist_ok=True)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            tab = browser.new_page(viewport={"width": width, "height": 900}, locale="ar")
            tab.set_default_timeout(15_000)
            for name, url in pages.items():
                response = tab.goto(live_server.url + url)
                assert response.status == 200, url
                assert tab.evaluate("document.documentElement.dir") == "rtl"
                overflow = tab.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
                assert overflow <= 0, f"{name}: {overflow}px of horizontal scrolling at {width}px"
                tab.screenshot(path=str(SHOTS / f"page-{name}-{width}.png"), full_page=True)
            browser.close()
    finally:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)

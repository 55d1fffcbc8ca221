"""Copies of one text are one result, naming the outlets that carry it too. Articles written for
these tests; which articles share text is stated as provenance stores it (SharedText)."""

import pytest

from articles.models import SharedText
from articles.search.engine import run_search
from sources.models import Outlet
from tests.test_search_site import api, article

pytestmark = pytest.mark.django_db

REPORT = "افتتح وزير النقل الطريق الساحلي الجديد أمس بطول مئة كيلومتر.\n\nوقال الوزير إن الطريق يختصر زمن الرحلة."


def outlet(slug, name):
    return Outlet.objects.create(name_ar=name, slug=slug, kind="news_site", country="EG")


def share(a, b, a_in_b, b_in_a):
    first, second = sorted([a, b], key=lambda x: x.pk)
    if first is not a:
        a_in_b, b_in_a = b_in_a, a_in_b
    SharedText.objects.create(
        first=first, second=second, first_in_second=a_in_b, second_in_first=b_in_a, shared_shingles=40
    )


@pytest.fixture
def outlets(db):
    return [outlet("wire", "وكالة الاختبار"), outlet("farm", "موقع ينقل"), outlet("aggregator", "مجمّع أخبار")]


def test_a_copy_is_folded_under_its_first_report_and_a_rewrite_stays_a_result(client, outlets):
    wire, farm, aggregator = outlets
    original = article("افتتاح الطريق الساحلي", REPORT, wire, 1)
    copy = article("افتتاح الطريق الساحلي الجديد", REPORT + "\n\nتم اقتباسه من وكالة الاختبار.", farm, 2)
    rewrite = article("مسافرون يشيدون بالطريق", "قال مسافرون إن الطريق الساحلي غيّر رحلاتهم.", aggregator, 3)
    share(original, copy, 0.98, 0.9)
    share(original, rewrite, 0.3, 0.4)  # a passage kept in another article: not the same text
    results = api(client, q="الطريق الساحلي")["results"]
    # By relevance the newer copy ranks first (ties go to the newest): its text is shown by the original.
    assert [hit["id"] for hit in results] == [original.pk, rewrite.pk]
    assert [c["id"] for c in results[0]["copies"]] == [copy.pk]
    assert results[0]["copies"][0]["publisher"] == "farm"
    assert results[1]["copies"] == []


def test_a_copy_of_a_copy_folds_under_the_same_first(client, outlets):
    wire, farm, aggregator = outlets
    original = article("افتتاح الطريق الساحلي", REPORT, wire, 1)
    copy = article("الطريق الساحلي مفتوح", REPORT, farm, 2)
    copy_of_copy = article("الطريق الساحلي مفتوح أمام السيارات", REPORT, aggregator, 3)
    share(original, copy, 0.9, 0.9)
    share(copy, copy_of_copy, 0.9, 0.9)  # too little of the original is left in it to pair directly
    results = api(client, q="الطريق الساحلي", sort="oldest")["results"]
    assert [hit["id"] for hit in results] == [original.pk]
    assert [c["id"] for c in results[0]["copies"]] == [copy.pk, copy_of_copy.pk]


def test_a_copy_of_a_result_on_the_first_page_is_not_a_result_on_the_second(outlets):
    wire, farm, _ = outlets
    found = [article(f"الطريق الساحلي {n}", f"خبر رقم {n} عن الطريق الساحلي.", wire, n + 1) for n in range(4)]
    copies = [article(f"نسخة عن الطريق الساحلي {n}", f"خبر رقم {n} عن الطريق الساحلي.", farm, 20 + n) for n in range(4)]
    for original, copy in zip(found, copies, strict=True):
        share(original, copy, 0.95, 0.95)
    pages = [run_search({"q": "الطريق الساحلي", "sort": "oldest", "page": n}, page_size=2) for n in (1, 2)]
    shown = [hit.article.pk for page in pages for hit in page.hits]
    assert shown == [a.pk for a in found]
    assert pages[0].page.paginator.num_pages == 2
    assert [[c.pk for c in hit.copies] for hit in pages[1].hits] == [[copies[2].pk], [copies[3].pk]]


def test_the_search_page_names_the_outlets_of_the_copies(client, outlets):
    wire, farm, _ = outlets
    original = article("افتتاح الطريق الساحلي", REPORT, wire, 1)
    copy = article("افتتاح الطريق الساحلي الجديد", REPORT, farm, 2)
    share(original, copy, 0.95, 0.95)
    page = client.get("/search/", {"q": "الطريق الساحلي"}).content.decode()
    assert page.count('class="article-item search-hit"') == 1
    assert "والنص نفسه في:" in page and f'href="{copy.get_absolute_url()}">موقع ينقل (2 مارس 2024' in page

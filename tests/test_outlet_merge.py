"""Editors fold a placeholder outlet into the outlet it really is (sources.merging, the admin action)."""

import hashlib
from datetime import UTC, datetime

import pytest

from articles.models import Article, Attribution, AttributionKind, SharedText
from articles.provenance.linking import link_upstreams
from articles.provenance.reuse import find_shared_text
from sources.merging import merge_outlets
from sources.models import Outlet, OutletDomain
from sources.resolver import OutletResolver

pytestmark = pytest.mark.django_db
CHANGELIST = "/admin/sources/outlet/"
STORY = (
    "دشنت هيئة المياه اليوم محطة جديدة لتحلية مياه البحر في المنطقة الشرقية بطاقة تبلغ ستمئة ألف متر مكعب "
    "يومياً، تكفي لتزويد أكثر من مليون نسمة بمياه الشرب على مدار العام.\\n\\n"
    "وقال رئيس الهيئة في حفل التدشين إن المحطة تعمل بالطاقة الشمسية في ساعات النهار، وإنها تخفض استهلاك "
    "الوقود بنسبة كبيرة مقارنة بالمحطات القديمة التي ستخرج من الخدمة تباعاً خلال السنوات الثلاث المقبلة.\\n\\n"
    "وأضاف أن العمل بدأ في محطتين أخريين على ساحل البحر الأحمر، على أن تكتملا قبل نهاية العقد."
).replace("\\n", "\n")


def article(publisher: Outlet, body: str, hour: int) -> Article:
    key = hashlib.sha256(f"{publisher.pk}{body}{hour}".encode()).hexdigest()
    return Article.objects.create(
        publisher=publisher, title="محطة تحلية", body=body, raw=body, raw_format="txt", content_hash=key,
        source_key=key, published_at=datetime(2025, 3, 2, hour, tzinfo=UTC), date_precision="minute",
    )  # fmt: skip


def placeholder(name: str) -> Outlet:
    return Outlet.objects.create(
        name_ar=name, slug=f"p-{hashlib.md5(name.encode()).hexdigest()[:8]}", is_placeholder=True
    )


def test_a_placeholder_merged_into_the_agency_moves_its_citations_and_names_and_links_the_copy():
    spa, misspelt = Outlet.objects.get(slug="spa"), placeholder("وكالة الانباء السعوديه الرسميه واس")
    misspelt.aliases = ["و.ا.س"]
    misspelt.save()
    wire, copy = article(spa, STORY, 8), article(Outlet.objects.get(slug="okaz"), STORY + "\n\nتابعونا.", 11)
    credit = Attribution.objects.create(
        article=copy, kind=AttributionKind.WIRE_CREDIT, outlet=misspelt, name_as_written="و.ا.س", evidence="و.ا.س"
    )
    link_upstreams(find_shared_text([wire.pk, copy.pk]) | {wire.pk, copy.pk})
    credit.refresh_from_db()
    assert credit.upstream_id is None  # the credit names an outlet that published nothing here

    done = merge_outlets([misspelt], spa)

    assert (done.outlets, done.articles, done.citations) == (1, 0, 1)
    assert not Outlet.objects.filter(pk=misspelt.pk).exists()
    credit.refresh_from_db()
    assert credit.outlet == spa and credit.upstream_id == wire.pk  # the disclosure now resolves
    spa.refresh_from_db()
    assert {"وكالة الانباء السعوديه الرسميه واس", "و.ا.س"} <= set(spa.aliases)
    assert OutletResolver(create_placeholders=False).match("و.ا.س") == spa  # later ingests know the name


def test_a_duplicate_outlets_articles_and_domains_move_and_its_own_shared_text_goes():
    kept, duplicate = placeholder("نبض المدينة"), placeholder("نبض المدينه الاخباري")
    OutletDomain.objects.create(outlet=duplicate, domain="nabd-city.example")
    first, second = article(kept, STORY, 8), article(duplicate, STORY, 9)
    find_shared_text([first.pk, second.pk])
    assert SharedText.objects.count() == 1  # two outlets, as far as ingest knew

    done = merge_outlets([duplicate, kept], kept)

    assert (done.outlets, done.articles) == (1, 1)
    assert set(Article.objects.values_list("publisher", flat=True)) == {kept.pk}
    assert OutletResolver(create_placeholders=False).by_url("https://nabd-city.example/a/1") == kept
    assert not SharedText.objects.exists()  # an outlet repeating itself is not republication


def test_the_admin_action_asks_which_outlet_stays_then_merges(admin_client):
    target, first, second = Outlet.objects.get(slug="spa"), placeholder("واس الرسمية"), placeholder("واص")
    selected = {"action": "merge", "_selected_action": [first.pk, second.pk]}

    page = admin_client.post(CHANGELIST, selected)
    assert page.status_code == 200 and "المنفذ الذي يبقى" in page.content.decode()
    assert "واس الرسمية" in page.content.decode() and "واص" in page.content.decode()

    missing = admin_client.post(CHANGELIST, {**selected, "apply": "1", "other": "لا يوجد منفذ بهذا الاسم"})
    assert "لا منفذ في المعجم" in missing.content.decode()
    assert Outlet.objects.filter(pk__in=[first.pk, second.pk]).count() == 2  # nothing merged

    done = admin_client.post(CHANGELIST, {**selected, "apply": "1", "other": "spa.gov.sa"}, follow=True)
    assert done.status_code == 200 and not Outlet.objects.filter(pk__in=[first.pk, second.pk]).exists()
    target.refresh_from_db()
    assert {"واس الرسمية", "واص"} <= set(target.aliases)


def test_keeping_one_of_the_selected_outlets(admin_client):
    first, second = placeholder("صدى الخليج"), placeholder("صدى الخليج الإخباري")
    article(second, STORY, 8)
    admin_client.post(
        CHANGELIST, {"action": "merge", "_selected_action": [first.pk, second.pk], "apply": "1", "kept": first.pk}
    )
    assert list(Outlet.objects.filter(name_ar__startswith="صدى")) == [first]
    assert Article.objects.get().publisher == first

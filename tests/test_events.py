"""Events: grouping, editors' changes that survive rebuilds, pages and API (stories written for these tests)."""

import hashlib
from datetime import UTC, datetime, timedelta

import pytest
from django.core.management import call_command

from articles.events.coverage import related_events
from articles.events.editing import merge_events, move_articles
from articles.events.grouping import assign_events
from articles.models import Article, Event
from sources.models import Outlet

pytestmark = pytest.mark.django_db

DAM = (
    "إثيوبيا تبدأ المرحلة الثالثة من ملء سد النهضة",
    "بدأت إثيوبيا المرحلة الثالثة من ملء خزان سد النهضة على النيل الأزرق، وسط اعتراض مصري وسوداني "
    "على الخطوة التي وصفتها القاهرة بأنها أحادية وتخالف اتفاق إعلان المبادئ الموقع بين الدول الثلاث.",
)
DAM_AGAIN = (
    "إثيوبيا تبدأ الملء الثالث لسد النهضة رغم اعتراض مصر والسودان",
    "أعلنت أديس أبابا بدء الملء الثالث لخزان سد النهضة على النيل الأزرق، فيما اعترضت مصر والسودان "
    "على ما وصفتاه بالإجراء الأحادي المخالف لإعلان المبادئ.",
)
FAIR = (
    "افتتاح معرض الكتاب الدولي بمشاركة ألف دار نشر",
    "افتتح وزير الثقافة معرض الكتاب الدولي في دورته الجديدة بمشاركة أكثر من ألف دار نشر عربية وأجنبية، "
    "ويستمر المعرض عشرة أيام يتخللها برنامج ثقافي من الندوات والأمسيات الشعرية وتوقيع الكتب.",
)
DAY = datetime(2024, 7, 10, 9, 0, tzinfo=UTC)


def article(slug: str, story: tuple[str, str], at: datetime | None) -> Article:
    title, body = story
    key = hashlib.sha256(f"{slug}{title}{at}".encode()).hexdigest()
    return Article.objects.create(
        publisher=Outlet.objects.get(slug=slug), title=title, body=body, raw=body, raw_format="txt",
        content_hash=key, source_key=key, published_at=at, date_precision="minute" if at else "unknown",
    )  # fmt: skip


def grouped(*articles: Article) -> list[int | None]:
    assign_events([a.pk for a in articles])
    return [Article.objects.get(pk=a.pk).event_id for a in articles]


def test_one_story_from_two_outlets_on_the_same_day_is_one_event():
    first, second = article("alriyadh", DAM, DAY), article("okaz", DAM_AGAIN, DAY + timedelta(hours=5))
    fair = article("okaz", FAIR, DAY + timedelta(hours=2))
    a, b, c = grouped(first, second, fair)
    assert a == b and a is not None and c != a
    event = Event.objects.get(pk=a)
    assert (event.article_count, event.outlet_count, event.starts_on) == (2, 2, DAY.date())


def test_the_same_words_weeks_apart_are_two_events():
    a, b = grouped(article("alriyadh", DAM, DAY), article("okaz", DAM_AGAIN, DAY + timedelta(days=30)))
    assert a != b


def test_at_ingest_as_in_the_rebuild_a_story_repeated_twice_a_day_ends_two_days_after_its_first_report():
    reports = [article("alriyadh" if n % 2 else "okaz", DAM, DAY + timedelta(hours=12 * n)) for n in range(6)]
    events = [grouped(report)[0] for report in reports]  # ingested one by one, in time order
    assert len(set(events[:5])) == 1 and events[5] != events[0]  # 60 hours on is past the two days


def test_an_article_like_one_member_joins_a_large_event_only_when_like_the_event_as_a_whole():
    from articles.events.grouping import LARGE_EVENT, Cluster, Item

    bombing = {"تفجير": 0.6, "مسجد": 0.6, "عسير": 0.529}
    condolences = Item(99, DAY + timedelta(hours=6), {"عسير": 0.6, "تعازي": 0.8})  # 0.32 like the coverage

    def event(members: int) -> Cluster:
        cluster = Cluster()
        for n in range(members):
            cluster.add(Item(n, DAY + timedelta(hours=n), bombing))
        return cluster

    assert event(LARGE_EVENT - 1).accepts(condolences, set())
    assert not event(LARGE_EVENT).accepts(condolences, set())
    assert event(LARGE_EVENT).accepts(condolences, {LARGE_EVENT - 1})  # a copy of a member always joins


SECOND_PLANE = (
    "وصول الطائرة الإغاثية الثانية إلى مطار عدن",
    "وصلت إلى مطار عدن الدولي اليوم الطائرة الإغاثية الثانية محملة بعشرة أطنان من المواد الغذائية "
    "والأدوية، ضمن جسر جوي لإغاثة سكان المدينة، وتسلمتها فرق الهلال الأحمر في المطار.",
)
THIRD_PLANE = (
    "وصول الطائرة الإغاثية الثالثة إلى مطار عدن",
    "وصلت إلى مطار عدن الدولي اليوم الطائرة الإغاثية الثالثة محملة باثني عشر طناً من المواد الغذائية "
    "والأدوية، ضمن جسر جوي لإغاثة سكان المدينة، وتسلمتها فرق الهلال الأحمر في المطار.",
)


def test_numbered_sequels_of_one_template_are_other_stories():
    second = article("alriyadh", SECOND_PLANE, DAY)
    third = article("alriyadh", THIRD_PLANE, DAY + timedelta(hours=20))
    third_again = article("okaz", THIRD_PLANE, DAY + timedelta(hours=21))
    a, b, c = grouped(second, third, third_again)
    assert b == c and a != b


def test_an_article_like_two_events_of_one_story_joins_them(monkeypatch):
    from articles.events import grouping

    monkeypatch.setattr(grouping, "SPAN", timedelta(days=7))  # wider than the window, so time alone parts them
    first = article("alriyadh", DAM, DAY)
    later = article("okaz", DAM, DAY + timedelta(days=3))  # out of the first's time window
    (a,) = grouped(first)
    (b,) = grouped(later)
    assert a != b
    between = article("okaz", DAM_AGAIN, DAY + timedelta(days=1, hours=12))  # within both windows
    grouped(between)
    assert len({Article.objects.get(pk=x.pk).event_id for x in (first, later, between)}) == 1
    assert Event.objects.count() == 1


def test_an_article_like_a_locked_event_never_joins_it_to_another():
    first = article("alriyadh", DAM, DAY)
    later = article("okaz", DAM, DAY + timedelta(days=3))
    grouped(first)
    (b,) = grouped(later)
    Event.objects.filter(pk=b).update(is_locked=True)
    grouped(article("okaz", DAM_AGAIN, DAY + timedelta(days=1, hours=12)))
    assert Article.objects.get(pk=later.pk).event_id == b
    assert Article.objects.get(pk=first.pk).event_id != b


def test_editors_merge_split_and_move_and_rebuilds_keep_it():
    dam, again, fair = article("alriyadh", DAM, DAY), article("okaz", DAM_AGAIN, DAY), article("okaz", FAIR, DAY)
    grouped(dam, again, fair)
    split = move_articles([again])  # the editor says it is another story
    call_command("rebuild_events")
    assert Article.objects.get(pk=again.pk).event == split and split.is_locked
    merged = merge_events([Event.objects.get(articles=fair), split])
    call_command("rebuild_events")
    assert set(merged.articles.values_list("pk", flat=True)) == {again.pk, fair.pk}
    assert Article.objects.get(pk=dam.pk).event not in (merged, None)


def test_renaming_an_event_in_the_admin_locks_it(admin_client):
    (pk,) = grouped(article("alriyadh", DAM, DAY))
    event = Event.objects.get(pk=pk)
    form = {"title": "ملء سد النهضة", "slug": event.slug, "summary": "", "starts_on": "2024-07-10",
            "ends_on": "2024-07-10", "article_count": "1", "outlet_count": "1", "key_names": "",
            "articles-TOTAL_FORMS": "1", "articles-INITIAL_FORMS": "1", "articles-MIN_NUM_FORMS": "0",
            "articles-MAX_NUM_FORMS": "1000", "articles-0-id": str(Article.objects.get(event=pk).pk),
            "articles-0-event": str(pk)}  # fmt: skip
    response = admin_client.post(f"/admin/articles/event/{pk}/change/", form)
    assert response.status_code == 302, response.content.decode()[:2000]
    event.refresh_from_db()
    assert event.is_locked and event.title == "ملء سد النهضة"
    call_command("rebuild_events")
    assert Event.objects.get(pk=pk).title == "ملء سد النهضة"


def test_the_event_page_marks_the_first_report_and_the_api_agrees(client):
    later, first = article("okaz", DAM_AGAIN, DAY + timedelta(hours=5)), article("alriyadh", DAM, DAY)
    (pk, _) = grouped(first, later)
    event = Event.objects.get(pk=pk)
    page = client.get(event.get_absolute_url()).content.decode()
    assert page.index("أول من نشر") < page.index(later.title)
    data = client.get(f"/api/events/{pk}").json()
    assert [row["article"] for row in data["timeline"]] == [first.pk, later.pk]
    assert [row["first"] for row in data["timeline"]] == [True, False]
    listing = client.get("/api/events").json()
    assert [row["id"] for row in listing["results"]] == [pk]
    assert event.title in client.get("/events/").content.decode()


def test_a_report_known_only_by_when_it_was_collected_takes_its_place_in_the_timeline(client):
    # Some sources give only the time a page was crawled: it was published then or before.
    dated = article("okaz", DAM_AGAIN, DAY + timedelta(hours=20))
    collected = article("alriyadh", DAM, None)
    Article.objects.filter(pk=collected.pk).update(crawled_at=DAY + timedelta(hours=2))
    (pk, _) = grouped(collected, dated)
    page = client.get(Event.objects.get(pk=pk).get_absolute_url()).content.decode()
    timeline = page[page.index("timeline-title") :]  # the event is titled after one of them
    assert timeline.index(collected.title) < timeline.index(dated.title)
    assert "جُمع في 10 يوليو 2024" in page and "تاريخ غير معروف" not in page
    # collected before the other was published: the dated one is not the first, and none is known to be
    assert "لا يُعرف من نشر أولاً" in page and "أول من نشر" not in page
    timeline = client.get(f"/api/events/{pk}").json()["timeline"]
    assert [(row["article"], row["first"]) for row in timeline] == [(collected.pk, False), (dated.pk, False)]
    assert timeline[0]["collected_at"] and timeline[1]["collected_at"] is None


def test_a_report_published_before_any_other_was_collected_is_the_first(client):
    dated = article("okaz", DAM_AGAIN, DAY)
    collected = article("alriyadh", DAM, None)
    Article.objects.filter(pk=collected.pk).update(crawled_at=DAY + timedelta(hours=3))
    (pk, _) = grouped(dated, collected)
    page = client.get(Event.objects.get(pk=pk).get_absolute_url()).content.decode()
    assert "أول من نشر" in page and "لا يُعرف من نشر أولاً" not in page
    timeline = client.get(f"/api/events/{pk}").json()["timeline"]
    assert [(row["article"], row["first"]) for row in timeline] == [(dated.pk, True), (collected.pk, False)]


def test_ingested_articles_are_counted_into_the_term_frequencies():
    from articles.models import EventTerm

    first, second = article("alriyadh", DAM, DAY), article("okaz", DAM_AGAIN, DAY)
    assign_events([first.pk, second.pk], created=[first.pk, second.pk])
    assert EventTerm.objects.get(term="نهض").articles == 2
    assign_events([first.pk], created=[])  # an update is not counted again
    assert EventTerm.objects.get(term="نهض").articles == 2


def test_two_events_of_one_story_are_joined_only_while_together_they_span_two_days():
    from articles.events.grouping import Cluster, Item

    def event(*days):
        cluster = Cluster()
        for n, day in enumerate(days):
            cluster.add(Item(n, DAY + timedelta(days=day), {"أرصاد": 0.8, "أمطار": 0.6}))
        return cluster

    assert event(0, 1).alike(event(1.5, 2))
    assert not event(0, 1).alike(event(2.5, 3))  # weather bulletins of two days, then of the next two
    assert not event(2.5, 3).alike(event(0, 1))


def test_the_rebuild_joins_two_events_an_article_is_like_unless_numbered_sequels_part_them():
    from articles.events.grouping import Item, group

    at = [DAY + timedelta(hours=h) for h in range(3)]
    wire = Item(1, at[0], {"طائرة": 1.0})
    other_text = Item(2, at[1], {"مساعدات": 1.0})  # nothing in common with the wire item: its own event
    copy = Item(3, at[2], {"طائرة": 1.0})  # like the wire item, and a copy of the other text
    shared = {3: {2: True}, 2: {3: True}}
    assert [sorted(m.pk for m in c.members) for c in group([wire, other_text, copy], shared)] == [[1, 2, 3]]
    second_plane = Item(1, at[0], {"طائرة": 1.0}, ordinals=frozenset({2}))
    third_plane = Item(2, at[1], {"مساعدات": 1.0}, ordinals=frozenset({3}))
    assert len(group([second_plane, third_plane, Item(3, at[2], {"طائرة": 1.0})], shared)) == 2


def test_articles_a_day_apart_must_be_more_alike_than_articles_hours_apart():
    from articles.events.grouping import Item, group

    def pair(similarity: float, hours: float) -> int:
        """The number of events two articles of this cosine, this many hours apart, make."""
        other = (1 - similarity**2) ** 0.5
        first = Item(1, DAY, {"ذهب": 1.0})
        second = Item(2, DAY + timedelta(hours=hours), {"ذهب": similarity, "أوقية": other})
        return len(group([first, second], {}))

    assert pair(0.39, hours=3) == 1  # the same story, worded by another outlet the same morning
    assert pair(0.39, hours=18) == 2
    assert pair(0.45, hours=18) == 1
    assert pair(0.45, hours=30) == 2  # the next day's market report from the same template
    assert pair(0.55, hours=30) == 1


def test_related_events_share_the_most_names_first_then_the_most_coverage():
    def event(slug, names, articles, day):
        return Event.objects.create(
            title=slug, slug=slug, key_names=names, article_count=articles, starts_on=day, ends_on=day
        )

    day = DAY.date()
    visit = event("visit", ["بوتين", "جباروف", "روسيا"], 4, day)
    talks = event("talks", ["بوتين", "جباروف"], 3, day + timedelta(days=2))
    russia = event("russia", ["روسيا"], 50, day)
    kremlin = event("kremlin", ["بوتين", "الكرملين"], 10, day - timedelta(days=3))
    event("later", ["بوتين", "جباروف"], 9, day + timedelta(days=45))  # another month
    event("other", ["كازاخستان"], 20, day)
    assert related_events(visit) == [talks, russia, kremlin]


BOMBING = (
    "تفجير انتحاري في مسجد لقوات الطوارئ بعسير",
    "استهدف تفجير انتحاري مسجداً لقوات الطوارئ في عسير أثناء صلاة الظهر، فقتل عشرة من رجال الأمن "
    "وأصاب آخرين، وطوقت قوات الأمن موقع التفجير في المسجد.",
)
BOMBER = (
    "الداخلية تكشف هوية منفذ تفجير مسجد الطوارئ في عسير",
    "كشفت وزارة الداخلية هوية الانتحاري الذي فجر نفسه في مسجد قوات الطوارئ بعسير، وقالت إن منفذ "
    "التفجير شاب في الحادية والعشرين التحق بتنظيم متطرف قبل عام.",
)


def test_the_events_of_one_story_come_first_among_related_events():
    (bombing,) = grouped(article("alriyadh", BOMBING, DAY))
    grouped(article("okaz", FAIR, DAY + timedelta(days=1)))
    (bomber,) = grouped(article("okaz", BOMBER, DAY + timedelta(days=3)))  # past the two days: its own event
    assert bomber != bombing
    related = [event.pk for event in related_events(Event.objects.get(pk=bombing))]
    assert related[:1] == [bomber] and len(related) == 1  # the book fair shares none of its terms


def test_a_word_near_the_generic_share_weighs_little_whether_or_not_it_passes_it():
    """Boilerplate just under GENERIC (الحرمين in Saudi agency items) must not decide a story: its
    weight tapers to nothing at the threshold instead of falling off a cliff there."""
    from articles.events import signature

    reading = signature.read("خادم الحرمين يتلقى اتصالا من ملك البحرين", "")
    archive = 100_000
    common = {signature.term("حرمين"): int(signature.GENERIC * archive) - 100}
    weights = signature.weigh(reading, common, archive)
    rare = signature.weigh(reading, {}, archive)

    boilerplate = signature.term("حرمين")
    assert weights[boilerplate] < 0.05 < rare[boilerplate]
    assert weights[signature.term("بحرين")] > rare[signature.term("بحرين")]  # the story's words weigh more

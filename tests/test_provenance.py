"""Text reuse, direction and links, on stories written for these tests."""

import hashlib
from datetime import UTC, datetime

import pytest
from django.core.management import call_command

from articles.models import Article, Attribution, ClaimedBy, Review, SharedText
from articles.provenance.diff import diff
from articles.provenance.graph import provenance_of
from articles.provenance.linking import link_upstreams
from articles.provenance.reuse import find_shared_text
from sources.models import Outlet

pytestmark = pytest.mark.django_db

WIRE_STORY = (
    "افتتح وزير النقل اليوم المرحلة الأولى من مشروع القطار السريع الذي يربط المدن الساحلية بالعاصمة، "
    "بطول يبلغ أربعمئة كيلومتر وبتكلفة إجمالية تتجاوز ملياري ريال.\n\n"
    "وأوضح الوزير في كلمة ألقاها خلال الحفل أن المشروع سيخدم أكثر من خمسة ملايين مسافر سنوياً، "
    "وأن العمل جارٍ لاستكمال المرحلة الثانية قبل نهاية العام المقبل.\n\n"
    "وأشار إلى أن القطارات الجديدة مزودة بأنظمة سلامة حديثة، وأن محطات الركاب صممت لتستوعب "
    "ذوي الإعاقة، مؤكداً أن المشروع يوفر آلاف الوظائف للشباب في المناطق التي يمر بها."
)
OTHER_STORY = (
    "أعلنت جامعة المدينة عن إطلاق برنامج جديد للمنح الدراسية يستهدف الطلاب المتفوقين في العلوم "
    "والرياضيات، ويغطي الرسوم الدراسية وتكاليف السكن لمدة أربع سنوات، على أن يبدأ التسجيل الشهر المقبل "
    "عبر البوابة الإلكترونية للجامعة، وتعلن النتائج بعد مقابلات شخصية مع المرشحين."
)


def outlet(slug: str) -> Outlet:
    return Outlet.objects.get(slug=slug)


def article(publisher: str | None, body: str, published: datetime | None = None, title: str = "خبر") -> Article:
    key = hashlib.sha256(f"{publisher}{body}{published}".encode()).hexdigest()
    return Article.objects.create(
        publisher=outlet(publisher) if publisher else None,
        title=title,
        body=body,
        raw=body,
        raw_format="txt",
        content_hash=key,
        source_key=key,
        published_at=published,
        date_precision="minute" if published else "unknown",
    )


def credit(copy: Article, kind: str, slug: str, **fields) -> Attribution:
    return Attribution.objects.create(
        article=copy, kind=kind, outlet=outlet(slug), name_as_written=slug, evidence=slug, **fields
    )


def link(*articles: Article) -> None:
    ids = [a.pk for a in articles]
    link_upstreams(find_shared_text(ids) | set(ids))


def test_it_finds_a_wire_copy_nobody_credited_and_says_it_is_undisclosed():
    wire = article("spa", WIRE_STORY)
    copy = article("okaz", "في خطوة طال انتظارها، " + WIRE_STORY + "\n\nتابعوا آخر الأخبار على موقعنا.")
    link(wire, copy)
    found = copy.attributions.get()
    assert (found.kind, found.outlet.slug, found.upstream, found.claimed_by) == (
        "wire_credit",
        "spa",
        wire,
        "text_reuse",
    )
    assert "ولم يذكر مصدره" in found.evidence
    assert provenance_of(copy).origin.article == wire


def test_it_resolves_a_byline_credit_to_the_agency_item_instead_of_adding_one():
    wire = article("spa", WIRE_STORY)
    copy = article("alriyadh", WIRE_STORY)
    byline = credit(copy, "wire_credit", "spa", evidence_start=0, evidence_end=3)
    link(copy, wire)
    byline.refresh_from_db()
    assert byline.upstream == wire
    assert copy.attributions.count() == 1


def test_it_links_a_copy_ingested_before_its_source():
    copy = article("okaz", WIRE_STORY)
    link(copy)
    assert not copy.attributions.exists()
    wire = article("spa", WIRE_STORY)
    link(wire)
    assert copy.attributions.get().upstream == wire


def test_it_matches_copies_spelled_differently():
    respelled = WIRE_STORY.replace("أ", "ا").replace("ة", "ه").replace("إ", "ا").replace("الأولى", "الأُولَى")
    wire, copy = article("spa", WIRE_STORY), article("okaz", respelled)
    link(wire, copy)
    pair = SharedText.objects.get()
    assert pair.first_in_second == pair.second_in_first == 1.0


def test_fingerprints_spread_over_postgresqls_hash_buckets():
    """Two CRCs of one shingle differ by a constant per length, so bigints glued from them fell
    into a hundred-odd hash buckets and every hash join or aggregate on fingerprints crawled."""
    from django.db import connection

    from articles.provenance.shingles import fingerprints

    text = " ".join(f"كلمة{n} عبارة{n % 7} جملة{n % 13}" for n in range(4000))
    values = list(fingerprints(text))
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(DISTINCT hashint8(h)) FROM unnest(%s::bigint[]) h", [values])
        buckets = cursor.fetchone()[0]
    assert len(values) > 2000 and buckets > 0.99 * len(values)


def test_deleting_an_article_deletes_its_fingerprints_and_event_postings():
    """The database no longer checks these index rows' articles (migration 0013): Django's cascade
    has to remove them, and a row left behind by a raw delete must not break the next batch."""
    from django.db import connection

    from articles.events.grouping import assign_events
    from articles.models import EventPosting, Fingerprint

    wire = article("spa", WIRE_STORY, datetime(2024, 5, 1, 9, tzinfo=UTC))
    copy = article("okaz", WIRE_STORY, datetime(2024, 5, 1, 10, tzinfo=UTC))
    link(wire, copy)
    assign_events([wire.pk, copy.pk], created=[wire.pk, copy.pk])
    assert Fingerprint.objects.filter(article=wire).exists() and EventPosting.objects.filter(article=wire).exists()

    wire.delete()
    assert not Fingerprint.objects.filter(article_id=wire.pk).exists()
    assert not EventPosting.objects.filter(article_id=wire.pk).exists()

    with connection.cursor() as cursor:  # gone without Django: its index rows stay behind
        cursor.execute("DELETE FROM articles_attribution WHERE article_id = %s OR upstream_id = %s", [copy.pk, copy.pk])
        cursor.execute("DELETE FROM articles_sharedtext WHERE first_id = %s OR second_id = %s", [copy.pk, copy.pk])
        cursor.execute("DELETE FROM articles_article WHERE id = %s", [copy.pk])
    again = article("alyaum", WIRE_STORY, datetime(2024, 5, 1, 11, tzinfo=UTC))
    link(again)
    assign_events([again.pk], created=[again.pk])
    again.refresh_from_db()
    assert not SharedText.objects.exists() and again.event is not None


def test_an_earlier_precise_publication_is_upstream():
    first = article("alriyadh", WIRE_STORY, datetime(2024, 3, 1, 9, 0, tzinfo=UTC))
    later = article("okaz", WIRE_STORY, datetime(2024, 3, 1, 11, 30, tzinfo=UTC))
    link(later, first)
    assert later.attributions.get().upstream == first
    assert not first.attributions.exists()
    assert provenance_of(later).hops[0].gap.total_seconds() == 2.5 * 3600


def test_without_evidence_copies_are_siblings_with_no_direction():
    a, b = article("alriyadh", WIRE_STORY), article("okaz", WIRE_STORY)
    link(a, b)
    assert not Attribution.objects.exists()
    assert [copy.relation for copy in provenance_of(a).copies] == ["unknown"]


def test_unrelated_stories_and_an_outlet_repeating_itself_are_not_shared_text():
    article("okaz", WIRE_STORY)
    article("okaz", WIRE_STORY + " وهذه إضافة.")
    article("alriyadh", OTHER_STORY)
    link(*Article.objects.all())
    assert not SharedText.objects.exists()


def test_two_articles_crediting_each_other_are_a_cycle_shown_and_not_followed():
    a, b = article("alriyadh", WIRE_STORY), article("okaz", WIRE_STORY)
    credit(a, "republished_from", "okaz")
    credit(b, "republished_from", "alriyadh")
    link(a, b)
    assert any("حلقة" in warning for warning in provenance_of(a).warnings)
    Attribution.objects.filter(article=a).update(upstream=b)
    Attribution.objects.filter(article=b).update(upstream=a)
    result = provenance_of(a)  # an editor linked both ways: the chain still ends
    assert len(result.chain) == 3 and any("حلقة" in warning for warning in result.warnings)


def test_a_disclaimer_naming_one_outlet_while_the_text_comes_from_another_is_a_contradiction():
    wire = article("spa", WIRE_STORY)
    copy = article("okaz", WIRE_STORY)
    credit(copy, "republished_from", "aawsat")
    link(wire, copy)
    assert any("تناقض" in warning for warning in provenance_of(copy).warnings)


def test_editor_decisions_survive_a_rebuild():
    wire = article("spa", WIRE_STORY)
    copy = article("okaz", WIRE_STORY)
    other = article("alriyadh", WIRE_STORY)
    link(wire, copy, other)
    copy.attributions.update(review=Review.REJECTED)
    manual = Attribution.objects.create(
        article=other, kind="republished_from", outlet=outlet("okaz"), upstream=copy,
        claimed_by=ClaimedBy.EDITOR, review=Review.CONFIRMED,
    )  # fmt: skip
    call_command("rebuild_provenance")
    assert list(copy.attributions.values_list("review", "claimed_by")) == [("rejected", "text_reuse")]
    assert list(other.attributions.all()) == [manual]
    assert provenance_of(other).chain[1].article == copy


def test_the_diff_shows_what_the_republisher_added_and_removed():
    result = diff("قال الوزير إن المشروع كبير", "قال الوزير اليوم إن المشروع مهم")
    assert (result.same, result.added, result.removed) == (4, 2, 1)
    assert ("added", "اليوم") in result.downstream.paragraphs[0]


def test_an_outlet_page_shows_its_originality_sources_and_copiers(client):
    wire = article("spa", WIRE_STORY)
    copy = article("okaz", WIRE_STORY)
    article("okaz", OTHER_STORY)
    link(wire, copy)
    from sources.statistics import originality

    okaz = originality(outlet("okaz"))
    assert (okaz.total, okaz.original, okaz.republished, okaz.wire_copy) == (2, 1, 0, 1)
    assert okaz.sources == [(outlet("spa"), 1)]
    assert originality(outlet("spa")).copiers == [(outlet("okaz"), 1)]
    page = client.get("/outlets/okaz/").content.decode()
    assert "أكثر من ينقل عنهم" in page and "واس" in page


def test_an_editor_rejects_an_automatic_link_in_the_admin_and_it_stays_rejected(admin_client, admin_user):
    wire = article("spa", WIRE_STORY)
    copy = article("okaz", WIRE_STORY)
    link(wire, copy)
    found = copy.attributions.get()
    response = admin_client.post("/admin/articles/attribution/", {"action": "reject", "_selected_action": [found.pk]})
    assert response.status_code == 302
    found.refresh_from_db()
    assert (found.review, found.reviewed_by) == ("rejected", admin_user)
    link(wire, copy)
    assert list(copy.attributions.values_list("pk", "review")) == [(found.pk, "rejected")]
    assert provenance_of(copy).is_original


def test_a_hidden_upstream_article_shows_only_as_its_outlet():
    wire = article("spa", WIRE_STORY)
    copy = article("okaz", WIRE_STORY)
    link(wire, copy)
    Article.objects.filter(pk=wire.pk).update(visibility="hidden")
    result = provenance_of(Article.objects.select_related("publisher").get(pk=copy.pk))
    assert result.origin.article is None and result.origin.outlet.slug == "spa"
    assert all(c.article.pk != wire.pk for c in result.copies)
    assert WIRE_STORY[:40] not in str(result.as_json())


def test_a_middle_hop_outside_the_archive_is_not_called_the_origin(tmp_path, client):
    from tests.conftest import run_ingest, write

    page = (
        "ارتفاع منسوب المياه في السد الشمالي\n\nأعلنت هيئة المياه ارتفاع منسوب المياه في السد الشمالي بعد أمطار "
        "غزيرة هطلت خلال الأسبوع الماضي على المنطقة الجبلية.\n\nقام فريق التحرير في موقع الأفق بتحرير هذا الخبر، "
        "وقد نُشر أولاً على موقع المدار نت، والمصدر الأصلي للخبر: صحيفة الوادي الجديد.\n"
    )
    status, _, err = run_ingest(str(write(tmp_path, "page.txt", page)))
    assert status == 0, err
    html = client.get(f"/articles/{Article.objects.get().pk}/provenance/").content.decode()
    html = html[html.index('<ol class="chain">') : html.index("</ol>", html.index('<ol class="chain">'))]
    middle, last = html.index("المدار نت"), html.index("الوادي الجديد")
    assert middle < last
    assert html.count("الأصل ليس في الأرشيف") == 1 and html.index("الأصل ليس في الأرشيف") > last
    assert "مقاله ليس في الأرشيف" in html[middle:last]

"""The search page, GET /api/search and the admin search, on articles written for these tests."""

import datetime

import pytest
from django.utils import timezone

from articles.models import Article, Attribution, SearchTerm, Visibility
from articles.search import indexing
from articles.search.indexing import index_articles
from sources.models import Outlet

pytestmark = pytest.mark.django_db


def article(title, body, outlet, day, **fields):
    created = Article.objects.create(
        title=title,
        body=body,
        publisher=outlet,
        published_at=timezone.make_aware(datetime.datetime(2024, 3, day, 9)),
        date_precision="minute",
        source_key=f"test-{title}",
        raw=title,
        raw_format="txt",
        content_hash="x",
        **fields,
    )
    index_articles([created.pk])
    return created


@pytest.fixture
def archive(db):
    agency = Outlet.objects.create(name_ar="وكالة الاختبار", slug="test-agency", kind="wire_agency", country="SA")
    site = Outlet.objects.create(name_ar="موقع الاختبار", slug="test-site", kind="news_site", country="EG")
    wire = article("ترامب يزور الرياض", "وصل الرئيس ترامب إلى الرياض في زيارة رسمية.", agency, 1)
    copy = article("زيارة ترمب", "قال موقع الاختبار إن ترمب وصل <b>الرياض</b>.\n\nوتستمر الزيارة يومين.", site, 2)
    body_only = article("أخبار متفرقة", "خبر عن الطقس.\n\nوفي خبر آخر تحدث ترامب عن الاقتصاد.", site, 3)
    hidden = article("ترامب سرًّا", "نص مخفي عن ترامب", site, 4, visibility=Visibility.HIDDEN)
    Attribution.objects.create(article=copy, kind="republished_from", outlet=agency, name_as_written="وكالة الاختبار")
    Attribution.objects.create(article=wire, kind="wire_credit", outlet=agency, name_as_written="واس")
    return {"wire": wire, "copy": copy, "body_only": body_only, "hidden": hidden}


def test_articles_indexed_in_chunks_are_all_searchable_and_their_words_counted(client, db, monkeypatch):
    """Index_articles analyses the next chunk while this one is written: every chunk lands."""
    monkeypatch.setattr(indexing, "CHUNK", 2)
    site = Outlet.objects.create(name_ar="موقع الاختبار", slug="test-site", kind="news_site", country="EG")
    names = ["قرطاج", "سمرقند", "طليطلة", "تمبكتو", "شنقيط"]
    ids = [
        Article.objects.create(
            title=f"رحلة إلى {name}",
            body=f"وصل الوفد إلى {name} صباحاً.",
            publisher=site,
            published_at=timezone.make_aware(datetime.datetime(2024, 3, day, 9)),
            source_key=f"chunk-{day}",
            raw="x",
            raw_format="txt",
            content_hash="x",
        ).pk
        for day, name in enumerate(names, start=1)
    ]
    assert index_articles(ids) == len(names)
    assert index_articles(ids) == len(names)  # again: nothing is counted twice
    for name in names:
        assert api(client, q=name)["total"] == 1, name
    assert SearchTerm.objects.filter(form="رحله").count() == 1  # counted by its first chunk; recount counts all
    assert SearchTerm.objects.filter(form__in=["قرطاج", "سمرقند", "طليطله", "تمبكتو", "شنقيط"]).count() == len(names)


def test_reindexing_for_a_new_analyzer_updates_the_lexemes_of_known_forms(db):
    """A form's lexeme is the analyzer's: a vocabulary row left by an older one (سلمان under سلم,
    when ان was stripped) is corrected when the articles are indexed again."""
    site = Outlet.objects.create(name_ar="موقع الاختبار", slug="test-site", kind="news_site", country="EG")
    SearchTerm.objects.create(form="سلمان", lexeme="سلم", skeleton="سلمن", display="سلمان", article_count=1)
    SearchTerm.objects.create(form="مانيا", lexeme="مانيا", skeleton="من", display="مانيا", article_count=9)
    indexing._known.clear()
    article("استقبال", "استقبل سلمان الوفد.", site, 1)
    assert SearchTerm.objects.get(form="سلمان").lexeme == "سلمان"
    indexing.recount()  # a form no article uses any more (ألمانيا read as ال + مانيا) counts none
    assert SearchTerm.objects.get(form="مانيا").article_count == 0
    assert SearchTerm.objects.get(form="سلمان").article_count == 1


def api(client, **params):
    response = client.get("/api/search", params)
    assert response.status_code == 200, response.content
    return response.json()


def test_it_ranks_title_over_body_and_exact_over_variant(client, archive):
    data = api(client, q="ترامب")
    ids = [hit["id"] for hit in data["results"]]
    assert ids == [archive["wire"].pk, archive["body_only"].pk, archive["copy"].pk]
    assert [hit["exact"] for hit in data["results"]] == [True, True, False]
    assert data["variants"] == ["ترمب"]


def test_hidden_articles_are_never_found(client, archive):
    assert archive["hidden"].pk not in [hit["id"] for hit in api(client, q="ترامب")["results"]]


def test_snippets_are_escaped_then_marked(client, archive):
    [hit] = api(client, q="زيارة الرياض", outlet="test-site")["results"]
    assert "&lt;b&gt;<mark>الرياض</mark>&lt;/b&gt;" in hit["snippet_html"]
    assert hit["title_html"] == "<mark>زيارة</mark> ترمب"


def test_filters_and_facets(client, archive):
    data = api(client, q="ترامب", provenance="republished")
    assert [hit["id"] for hit in data["results"]] == [archive["copy"].pk]
    facets = api(client, q="ترامب")["facets"]
    assert {c["value"]: c["count"] for c in facets["outlet"]} == {"test-site": 2, "test-agency": 1}
    assert {c["value"]: c["count"] for c in facets["provenance"]} == {"original": 1, "republished": 1, "wire": 1}
    assert {c["value"]: c["count"] for c in facets["country"]} == {"EG": 2, "SA": 1}
    assert [hit["id"] for hit in api(client, q="ترامب", kind="wire_agency")["results"]] == [archive["wire"].pk]
    assert api(client, q="ترامب", since="2024-03-02", until="2024-03-02")["total"] == 1


def test_an_outlet_filter_finds_its_articles_without_sorting_every_match_for_distinct(client, archive):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        one = api(client, q="ترامب", outlet="test-site")
    assert {hit["id"] for hit in one["results"]} == {archive["copy"].pk, archive["body_only"].pk}
    assert not any("DISTINCT" in q["sql"] for q in queries.captured_queries)
    both = client.get("/api/search", {"q": "ترامب", "outlet": ["test-site", "test-agency"]}).json()
    assert both["total"] == 3


def test_sort_newest_and_oldest(client, archive):
    # By date as by relevance, an article found only through a variant (ترمب) follows the exact ones.
    newest = [hit["id"] for hit in api(client, q="ترامب", sort="newest")["results"]]
    assert newest == [archive["body_only"].pk, archive["wire"].pk, archive["copy"].pk]
    oldest = [hit["id"] for hit in api(client, q="ترامب", sort="oldest")["results"]]
    assert oldest == [archive["wire"].pk, archive["body_only"].pk, archive["copy"].pk]


def test_no_result_suggests_the_nearest_spelling(client, archive):
    data = api(client, q="الرياظ")
    assert data["total"] == 0 and "رياض" in data["suggestions"]


def test_bad_filter_values_are_a_clear_error(client, archive):
    response = client.get("/api/search", {"q": "ترامب", "since": "yesterday"})
    assert response.status_code == 400 and "since" in response.json()["errors"]


def test_search_page_is_arabic_and_shows_variants_and_facets(client, archive):
    response = client.get("/search/", {"q": "ترامب"})
    html = response.content.decode()
    assert response.status_code == 200 and '<html lang="ar" dir="rtl">' in html
    assert 'شملت النتائج أيضاً: <span class="variant"><bdi>ترمب</bdi>' in html and "3 نتائج" in html
    assert "<mark>ترامب</mark>" in html and "موقع الاختبار" in html
    assert 'href="?q=%D8%AA%D8%B1%D8%A7%D9%85%D8%A8&amp;outlet=test-site"' in html


def test_a_reader_turns_away_a_spelling_the_search_admitted(client, archive):
    # The page links each admitted spelling to the same search without it.
    html = client.get("/search/", {"q": "ترامب", "outlet": "test-site"}).content.decode()
    refuse = (
        'href="?q=%D8%AA%D8%B1%D8%A7%D9%85%D8%A8&amp;outlet=test-site&amp;without_spelling=%D8%AA%D8%B1%D9%85%D8%A8"'
    )
    assert refuse in html and "ابحث دون التهجئة ترمب" in html
    response = client.get("/search/", {"q": "ترامب", "outlet": "test-site", "without_spelling": "ترمب"})
    html = response.content.decode()
    # Only the article written ترامب is left; the copy written ترمب is gone, and nothing says it was admitted.
    assert "أخبار متفرقة" in html and "زيارة ترمب" not in html and "شملت النتائج" not in html
    # The refusal is shown with the filters, can be undone, and is kept when the query is typed again.
    assert "دون التهجئة: <bdi>ترمب</bdi>" in html
    assert 'href="?q=%D8%AA%D8%B1%D8%A7%D9%85%D8%A8&amp;outlet=test-site" aria-label="إزالة دون التهجئة"' in html
    assert '<input type="hidden" name="without_spelling" value="ترمب">' in html


def test_a_turned_away_spelling_is_matched_when_typed_and_read_as_the_variant_is(client, archive):
    # Folded as the variant is (a hamza, a final ى), and a word the reader types is still searched.
    turned_away = api(client, q="ترامب", without_spelling="تُرمب")
    assert turned_away["total"] == 2 and turned_away["without_spelling"] == ["ترمب"]
    assert api(client, q="ترمب", without_spelling="ترمب")["total"] == 3
    assert api(client, q="ترامب", without_spelling=["ترمب", "x" * 5000])["variants"] == []


def test_admin_article_search_uses_full_text(admin_client, archive):
    response = admin_client.get("/admin/articles/article/", {"q": "ترمب"})
    html = response.content.decode()
    assert "زيارة ترمب" in html and "ترامب يزور الرياض" in html and "أخبار متفرقة" in html


def test_highlight_keeps_the_punctuation_around_the_words():
    from articles.search.snippets import highlight

    assert highlight("«ترامب» يصل؟", {"ترامب"}) == "«<mark>ترامب</mark>» يصل؟"


def test_a_snippet_marks_an_expression_of_function_words_together_never_alone():
    from articles.search.snippets import snippet

    text = "قال الوزير إن التعليم عن بُعد سيبدأ، وتحدث عن التعليم بعد ذلك"
    assert snippet(text, {"تعليم", "عن بعد"}) == (
        "قال الوزير إن <mark>التعليم</mark> <mark>عن</mark> <mark>بُعد</mark> سيبدأ، "
        "وتحدث عن <mark>التعليم</mark> بعد ذلك"
    )


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (0, "لا نتائج"),
        (1, "نتيجة واحدة"),
        (2, "نتيجتان"),
        (3, "3 نتائج"),
        (11, "11 نتيجة"),
        (103, "103 نتائج"),
        (3484, "3٬484 نتيجة"),
    ],
)
def test_result_counts_agree_in_arabic(n, text):
    from articles.templatetags.archive import result_count

    assert result_count(n) == text


def test_a_broad_query_ranks_its_title_and_lead_matches_and_counts_all(client, archive, monkeypatch):
    from articles.search import engine

    monkeypatch.setattr(engine, "BROAD", 1)
    monkeypatch.setattr(engine, "COUNTED", 2)
    data = api(client, q="ترامب")
    assert data["broad"] and data["total"] == 3 and data["total_is_lower_bound"]
    # Ranked: the most recent article matching in its title or lead (the newer one matches in its body only).
    assert [hit["id"] for hit in data["results"]] == [archive["copy"].pk]


def test_a_query_whose_titles_and_leads_alone_pass_the_count_never_reads_the_whole_texts_matches(
    client, archive, monkeypatch
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from articles.search import engine, recency

    monkeypatch.setattr(engine, "BROAD", 1)
    monkeypatch.setattr(engine, "COUNTED", 1)
    monkeypatch.setattr(recency, "estimated_rows", lambda queryset: queryset.count())  # exact, on a tiny table
    with CaptureQueriesContext(connection) as queries:
        data = api(client, q="ترامب")
    assert data["broad"] and data["total_is_lower_bound"] and data["total"] == 2  # "more than 1"
    assert [hit["id"] for hit in data["results"]] == [archive["copy"].pk]  # the most recent in a title or lead
    assert not any('"search_vector" @@' in q["sql"] for q in queries.captured_queries)
    # Sorted by date, the newest match is found wherever it is, the body included.
    assert [hit["id"] for hit in api(client, q="ترامب", sort="newest")["results"]] == [archive["body_only"].pk]


def test_the_search_page_of_a_query_past_counting_says_more_than(client, archive, monkeypatch):
    from articles.search import engine

    monkeypatch.setattr(engine, "COUNTED", 1)  # the engine stops counting; the page names its real limit
    monkeypatch.setattr(engine, "BROAD", 1)
    page = client.get("/search/", {"q": "ترامب"})
    assert page.status_code == 200
    assert "أكثر من 5٬000 نتيجة" in page.content.decode()


@pytest.fixture
def oil_news(db):
    """Thirty dated reports on oil over thirty days, every third not about oil, and two undated."""
    site = Outlet.objects.create(name_ar="موقع النفط", slug="oil-site", kind="news_site")
    dated = [
        article(
            f"النفط يرتفع في اليوم {day}" if day % 3 else f"الذهب يستقر في اليوم {day}", "تقرير الأسواق.", site, day
        )
        for day in range(1, 31)
    ]
    undated = [article(f"النفط بلا تاريخ {n}", "تقرير الأسواق.", site, 1) for n in range(2)]
    Article.objects.filter(pk__in=[a.pk for a in undated]).update(published_at=None, date_precision="unknown")
    return dated


@pytest.mark.parametrize("oldest", [False, True])
def test_a_broad_querys_most_recent_matches_are_read_within_a_date_bound(oil_news, monkeypatch, oldest):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from articles.search import engine, recency
    from articles.search.expressions import Matches

    monkeypatch.setattr(recency, "SAFETY", 1)
    monkeypatch.setattr(recency, "estimated_rows", lambda queryset: queryset.count())  # exact, on a tiny table
    monkeypatch.setattr(recency, "_date_histogram", lambda: None)  # no statistics: the index
    matches = Article.objects.filter(Matches(engine.compile_query(engine.parse("النفط")).tsquery))
    ordered = matches.oldest_first() if oldest else matches.latest_first()
    columns = ("pk", "publisher_id", "event_id", "published_at")
    with CaptureQueriesContext(connection) as queries:
        found = recency.most_recent(matches, columns, 5, oldest=oldest)
    assert found == list(ordered.values_list(*columns)[:5])  # the same five as reading every match
    bound = '"published_at" <=' if oldest else '"published_at" >='
    assert sum(bound in q["sql"] for q in queries.captured_queries) == 1  # read within the bound, once
    assert any("OFFSET" in q["sql"] for q in queries.captured_queries)  # the bound counted off the date index
    assert len(found) == 5 and all(row[3] is not None for row in found)


def test_when_the_bound_holds_too_few_matches_every_match_is_read(oil_news, monkeypatch):
    from articles.search import engine, recency
    from articles.search.expressions import Matches

    monkeypatch.setattr(recency, "SAFETY", 1)
    monkeypatch.setattr(recency, "estimated_rows", lambda queryset: 10 * queryset.count())  # far too hopeful
    monkeypatch.setattr(recency, "_date_histogram", lambda: None)
    matches = Article.objects.filter(Matches(engine.compile_query(engine.parse("النفط")).tsquery))
    found = recency.most_recent(matches, ("pk", "published_at"), 25)  # more than the 20 dated matches
    assert found == list(matches.latest_first().values_list("pk", "published_at")[:25])
    assert len(found) == 22 and found[-1][1] is None


def test_the_date_bound_is_used_only_where_it_costs_less_than_reading_every_match():
    from articles.search import recency

    # Figures from a million articles: 27,000 title-and-lead matches of ترامب against a bound over
    # 290,000 articles; 230,000 of اليوم against a bound over 35,000.
    assert not recency._bound_pays(span=290_000, estimate=29_000, count=2000)
    assert recency._bound_pays(span=35_000, estimate=241_000, count=2000)
    # With the RUM index, whose order costs a date a match: ترامب أو بوتين's 40,000 matches are
    # read in its order, اليوم's 241,000 still within the bound.
    assert recency._bound_pays(span=200_000, estimate=40_000, count=2000)
    assert not recency._bound_pays(span=200_000, estimate=40_000, count=2000, in_date_order=True)
    assert recency._bound_pays(span=35_000, estimate=241_000, count=2000, in_date_order=True)


def test_matches_fewer_than_the_bound_would_cost_are_all_read_without_one(oil_news, monkeypatch):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from articles.search import engine, recency
    from articles.search.expressions import Matches

    monkeypatch.setattr(recency, "SAFETY", 1)
    monkeypatch.setattr(recency, "ROW_COST", 0.1)  # a match row as cheap as a tenth of an index entry
    monkeypatch.setattr(recency, "estimated_rows", lambda queryset: queryset.count())
    monkeypatch.setattr(recency, "_date_histogram", lambda: None)
    matches = Article.objects.filter(Matches(engine.compile_query(engine.parse("النفط")).tsquery))
    with CaptureQueriesContext(connection) as queries:
        found = recency.most_recent(matches, ("pk", "published_at"), 5)
    assert found == list(matches.latest_first().values_list("pk", "published_at")[:5])
    assert not any('"published_at" >=' in q["sql"] or "OFFSET" in q["sql"] for q in queries.captured_queries)


def test_the_date_bound_comes_from_the_planners_histogram_once_the_table_is_analysed(oil_news, monkeypatch):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from articles.search import engine, recency
    from articles.search.expressions import Matches

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE articles_article")
    monkeypatch.setattr(recency, "_histograms", {})
    monkeypatch.setattr(recency, "SAFETY", 1)
    monkeypatch.setattr(recency, "estimated_rows", lambda queryset: queryset.count())
    matches = Article.objects.filter(Matches(engine.compile_query(engine.parse("النفط")).tsquery))
    columns = ("pk", "published_at")
    with CaptureQueriesContext(connection) as queries:
        found = recency.most_recent(matches, columns, 5)
    sql = [q["sql"] for q in queries.captured_queries]
    assert found == list(matches.latest_first().values_list(*columns)[:5])
    assert any("pg_stats" in q for q in sql) and not any("OFFSET" in q for q in sql)
    assert sum('"published_at" >=' in q for q in sql) == 1


def headline_matches(word):
    from articles.search import engine
    from articles.search.expressions import Matches

    return Article.objects.filter(Matches(engine.compile_query(engine.parse(word)).tsquery, "search_head"))


@pytest.mark.parametrize("oldest", [False, True])
def test_headline_matches_come_in_date_order_from_the_rum_index_undated_last(oil_news, oldest):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from articles.search import recency

    if not recency.dated_headlines_index():
        pytest.skip("this server has no RUM extension (Debian: postgresql-15-rum, scripts/install-rum)")
    matches = headline_matches("النفط")
    columns = ("pk", "published_at")
    with CaptureQueriesContext(connection) as queries:
        found = recency.most_recent(matches, columns, 22, oldest=oldest, in_headlines=True)
    ordered = matches.oldest_first() if oldest else matches.latest_first()
    every = list(ordered.values_list(*columns))
    assert found == every and {row[1] for row in found[20:]} == {None}  # the two undated last, as any read has them
    assert recency.most_recent(matches, columns, 5, oldest=oldest, in_headlines=True) == every[:5]
    [sql] = [q["sql"] for q in queries.captured_queries if "<=>" in q["sql"]]
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # as searches run (engine.run_search)
        cursor.execute(f"EXPLAIN {sql}")
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "Index Scan using article_head_dated" in plan and "Sort" not in plan  # read in order, not sorted


def test_without_the_rum_index_headline_matches_are_sorted_as_every_other_match(oil_news, monkeypatch):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from articles.search import recency

    monkeypatch.setattr(recency, "dated_headlines_index", lambda: False)
    matches = headline_matches("النفط")
    with CaptureQueriesContext(connection) as queries:
        found = recency.most_recent(matches, ("pk", "published_at"), 5, in_headlines=True)
    assert found == list(matches.latest_first().values_list("pk", "published_at")[:5])
    assert not any("<=>" in q["sql"] for q in queries.captured_queries)


def test_year_facets_count_publication_years_in_the_archives_time_zone(settings):
    import datetime

    from django.utils import timezone

    from articles.search.facets import _years

    settings.TIME_ZONE = "Asia/Riyadh"
    late = datetime.datetime(2019, 12, 31, 22, 0, tzinfo=datetime.UTC)  # 01:00 on 1 January 2020 in Riyadh
    early = datetime.datetime(2019, 12, 31, 20, 0, tzinfo=datetime.UTC)
    with timezone.override("Asia/Riyadh"):
        assert _years([int(late.timestamp()), int(early.timestamp())]) == [2020, 2019]


def test_a_name_read_as_proclitic_and_article_finds_the_name_not_every_word_read_so(db):
    from articles.search.engine import run_search
    from articles.search.indexing import recount

    outlet = Outlet.objects.create(name_ar="منفذ", slug="outlet", kind="news_site")
    walter = article("والتر يزور الرياض", "وصل الرئيس والتر إلى الرياض.", outlet, 1)
    article("سعر التر", "ارتفع سعر التر من الوقود.", outlet, 2)  # التر, read ال + تر
    government = {article(f"الحكومة تجتمع {day}", "اجتمعت الحكومة اليوم.", outlet, day) for day in range(3, 9)}
    joined = article("وزراء والحكومة", "الوزراء والحكومة في اجتماع.", outlet, 9)
    recount()  # the vocabulary's counts, as the nightly recount leaves them
    assert [hit.article for hit in run_search({"q": "والتر"}).hits] == [walter]
    assert {hit.article for hit in run_search({"q": "الحكومة"}).hits} == government | {joined}
    # الحكومة is far more common than والحكومة as one word: the query means both
    assert {hit.article for hit in run_search({"q": "والحكومة"}).hits} == government | {joined}


def test_a_city_read_as_proclitic_and_article_is_found_after_and_and_not_among_dates(db):
    from articles.search.engine import run_search
    from articles.search.indexing import recount

    outlet = Outlet.objects.create(name_ar="منفذ", slug="outlet", kind="news_site")
    city = article("احتجاجات بالتيمور", "تظاهر المئات في بالتيمور ليلة أمس.", outlet, 1)
    listed = article("احتجاجات في مدن أمريكية", "امتدت الاحتجاجات إلى نيويورك وبالتيمور.", outlet, 2)
    for day in range(3, 9):
        article(f"موسم التمور {day}", "بدأ موسم التمور في القصيم.", outlet, day)
    article("الأسواق", "امتلأت الأسواق بالتمور.", outlet, 9)  # ب + التمور, one spelling away
    recount()
    assert {hit.article for hit in run_search({"q": "بالتيمور"}).hits} == {city, listed}


def test_a_name_is_not_read_as_a_proclitic_and_a_word_seen_only_inside_other_words(db):
    """يما is read in every فيما, never written alone: ليما (Lima) is searched as written."""
    from articles.search.engine import run_search
    from articles.search.indexing import recount

    outlet = Outlet.objects.create(name_ar="منفذ", slug="outlet", kind="news_site")
    lima = article("مؤتمر المناخ في ليما", "افتتح المؤتمر في ليما عاصمة البيرو.", outlet, 1)
    for day in range(2, 9):
        article(f"اجتماع الوزراء {day}", "ناقش الوزراء الموازنة فيما بينهم.", outlet, day)
    recount()
    assert [hit.article for hit in run_search({"q": "ليما"}).hits] == [lima]


def test_a_word_after_and_is_read_bare_but_after_like_only_if_far_commoner(db):
    """و goes before nouns all the time, ك hardly ever: وروس finds the Russians, كروس is a name."""
    from articles.search.engine import run_search
    from articles.search.indexing import recount

    outlet = Outlet.objects.create(name_ar="منفذ", slug="outlet", kind="news_site")
    kroos = {article(f"كروس يسجل {day}", "سجل اللاعب كروس هدفاً.", outlet, day) for day in (1, 2)}
    russians = {article(f"مفاوضات {day}", "التقى مسؤولون روس نظراءهم.", outlet, day) for day in range(3, 9)}
    joined = article("وفود", "حضر أمريكيون وروس.", outlet, 9)
    recount()
    assert {hit.article for hit in run_search({"q": "كروس"}).hits} == kroos
    # (the index reads every كروس as روس too, so the Russians' query also meets Kroos)
    assert {hit.article for hit in run_search({"q": "وروس"}).hits} >= russians | {joined}


def test_hiding_and_publishing_an_article_keeps_its_words_written_counts_in_step(db):
    from articles.visibility import hide, publish

    outlet = Outlet.objects.create(name_ar="منفذ", slug="outlet", kind="news_site")
    article("زيارة إلى قرطاج", "وصل الوفد إلى قرطاج.", outlet, 1)
    visit = article("قرطاج تستقبل الوفد", "استقبلت قرطاج الوفد.", outlet, 2)
    indexing.recount()
    counted = SearchTerm.objects.filter(form="قرطاج").values_list("article_count", "written_count")
    assert counted.get() == (2, 2)
    hide([visit])
    assert counted.get() == (1, 1)
    publish([visit])
    assert counted.get() == (2, 2)


@pytest.fixture
def cup_news(db):
    site = Outlet.objects.create(name_ar="موقع الرياضة", slug="sport-site", kind="news_site")
    return {
        "title": article("انطلاق كأس العالم", "بدأت المباريات.", site, 1),
        "body": article("مباريات اليوم", "تقرير.\n\nتستمر منافسات كأس العالم هذا الأسبوع.", site, 2),
        "apart": article("كأس السوبر", "تقرير.\n\nفاز الفريق بالكأس أمام جمهور من أنحاء العالم.", site, 3),
        "title_words_apart": article("العالم يتابع الكأس", "تقرير.\n\nخبر قصير عن الطقس.", site, 4),
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ('"كأس العالم"', {"title", "body"}),  # in the title (checked in the row) or in the body only
        ('"كأس العالم" الأسبوع', {"body"}),
        ('"كأس العالم" أو السوبر', {"title", "body", "apart"}),
        ('"كأس العالم" -الأسبوع', {"title"}),  # an exclusion: checked on the whole text's vector
    ],
)
def test_a_phrase_is_matched_on_positions_in_the_title_lead_or_body(client, cup_news, query, expected):
    from articles.search.compile import compile_query
    from articles.search.query import parse

    found = {hit["id"] for hit in api(client, q=query)["results"]}
    assert found == {cup_news[name].pk for name in expected}
    assert bool(compile_query(parse(query)).loose_tsquery) == ("-" not in query)


def test_a_phrase_in_more_titles_and_leads_than_a_reader_can_page_through_never_reads_a_whole_vector(
    client, cup_news, monkeypatch
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from articles.search import engine

    site = Outlet.objects.get(slug="sport-site")
    lead = article("افتتاح البطولة", "تنطلق منافسات كأس العالم اليوم.\n\nتقرير.", site, 5)
    monkeypatch.setattr(engine, "BROAD", 1)
    monkeypatch.setattr(engine, "REACHABLE", 1)
    with CaptureQueriesContext(connection) as queries:
        data = api(client, q='"كأس العالم"')
    assert data["broad"] and data["total_is_lower_bound"]
    assert data["total"] == 2  # the title and the lead match; the body-only one is not checked
    assert [hit["id"] for hit in data["results"]] == [lead.pk]  # the most recent title-or-lead match
    assert not any('"search_vector" @@' in q["sql"] for q in queries.captured_queries)
    heading = client.get("/search/", {"q": '"كأس العالم"'}).content.decode()
    assert "نتيجتان على الأقل" in heading


def test_a_phrase_in_fewer_titles_and_leads_than_a_reader_can_page_through_is_counted_in_bodies_too(
    client, cup_news, monkeypatch
):
    from articles.search import engine

    monkeypatch.setattr(engine, "BROAD", 1)
    monkeypatch.setattr(engine, "REACHABLE", 2)
    data = api(client, q='"كأس العالم"')
    assert data["total"] == 2 and not data["total_is_lower_bound"]  # the title's and the body's


@pytest.fixture
def site(db):
    """A news site for a test's own articles."""
    return Outlet.objects.create(name_ar="موقع الاختبار", slug="test-site", kind="news_site", country="EG")


def test_a_word_typed_without_its_hamza_finds_it_written_with_one(client, site):
    for day in (1, 2, 3):
        article(f"زيارة إلى ألمانيا {day}", "وصل الوفد إلى ألمانيا صباحاً.", site, day)
    article("مباراة في المانيا", "فاز الفريق في المانيا.", site, 4)  # written bare: مانيا
    article("إلغاء الرحلات", "قررت الشركة إلغاء الرحلات.", site, 5)
    article("قرار الإلغاء", "صدر قرار الإلغاء أمس.", site, 6)
    assert api(client, q="المانيا")["total"] == 4
    assert api(client, q="ألمانيا")["total"] == 4
    assert api(client, q="الإلغاء")["total"] == 2


def test_a_name_typed_with_its_hamza_is_not_the_article_and_a_word_used_without_it(client, site):
    for day in (1, 2, 3):
        article(f"هاتف ون بلس الجديد {day}", "أطلقت الشركة هاتف ون بلس.", site, day)  # ون, never with ال
    article("إلون ماسك يعلن خطة", "قال إلون ماسك إن الشركة ستبدأ.", site, 4)
    assert api(client, q="إلون")["total"] == 1
    assert api(client, q="ون")["total"] == 3


def test_remote_learning_is_not_every_article_on_learning(client, site):
    article("الجامعة تتوسع في التعليم عن بُعد", "أعلنت الجامعة برامج جديدة.", site, 1)
    article("وزير التعليم يزور المدارس", "زار الوزير المدارس بعد عودته من السفر.", site, 2)
    article("التعليم بعد الحرب", "تحدث المسؤول عن التعليم بعد عودة الطلاب.", site, 3)  # عن ... بعد, apart
    assert api(client, q="التعليم عن بعد")["total"] == 1
    assert api(client, q='"التعليم عن بعد"')["total"] == 1
    assert api(client, q="التعليم")["total"] == 3


def test_a_noun_in_the_accusative_meets_the_noun_but_a_country_not_its_adjective(client, site):
    for day in (1, 2, 3):
        article(f"الرئيس يزور المدينة {day}", "وصل الرئيس والوفد الروسي صباحاً.", site, day)
    article("رئيس الحكومة يستقيل", "قدم رئيس الحكومة استقالته.", site, 4)
    article("انتخابه رئيسا للبلاد", "انتخب البرلمان المرشح رئيسا للبلاد.", site, 5)
    article("زيارة إلى روسيا", "وصل الوزير إلى روسيا أمس.", site, 6)
    indexing.recount()  # ingest counts a form's first batch only
    assert api(client, q="رئيسا")["total"] == 5  # رئيسا, and رئيس (الرئيس, رئيس الحكومة)
    assert api(client, q="روسيا")["total"] == 1  # not الروسي


def test_a_name_is_not_found_in_a_function_word_that_ends_with_it(client, site):
    article("دينا باول تغادر منصبها", "أعلنت دينا باول استقالتها.", site, 1)
    article("الوزير: لدينا خطة جديدة", "قال الوزير إن لدينا خطة وإن لديه فريقاً.", site, 2)  # ل + دينا, «we have»
    assert api(client, q="دينا")["total"] == 1


def test_a_name_is_read_as_article_and_word_only_where_the_word_takes_the_article(client, site):
    article("فاليري آموس تزور المخيم", "وصلت فاليري آموس صباحاً.", site, 1)
    for day in range(2, 8):
        article(f"الوزير يرى أن الخطة ناجحة {day}", "قال الوزير إنه يرى تقدماً.", site, day)  # يرى, «sees»
    indexing.recount()
    assert api(client, q="فاليري")["total"] == 1  # not ف + ال + يري


def test_the_search_page_says_which_filters_apply_and_takes_dates(client, archive):
    page = client.get("/search/", {"q": "ترامب", "country": "EG", "since": "2024-03-02"}).content.decode()
    assert 'name="since" type="date" value="2024-03-02"' in page and 'name="until" type="date" value=""' in page
    assert "البلد: <bdi>مصر</bdi>" in page and "من تاريخ: <bdi>2 مارس 2024</bdi>" in page
    assert 'href="?q=%D8%AA%D8%B1%D8%A7%D9%85%D8%A8&amp;since=2024-03-02" aria-label="إزالة البلد"' in page
    assert "إزالة كل عوامل التصفية" in page
    # no wire copy among these results: the value is shown, with its 0, but leads nowhere
    assert '<span class="empty">من وكالات الأنباء</span> <span class="count">0</span>' in page


def test_each_result_says_whether_it_is_original_republished_or_wire_copy(client, archive):
    page = client.get("/search/", {"q": "ترامب"}).content.decode()
    assert page.count('<span class="provenance-tag tag-wire">من وكالة أنباء</span>') == 1  # the agency's story
    assert page.count('<span class="provenance-tag tag-republished">منقول</span>') == 1  # the site's copy
    assert page.count('<span class="provenance-tag tag-original">أصلي</span>') == 1  # the body-only mention


def test_the_rum_migration_says_why_it_made_no_index_and_leaves_the_database_usable(oil_news, monkeypatch, capsys):
    import importlib

    from django.db import connection

    migration = importlib.import_module("articles.migrations.0023_headlines_in_date_order")
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_available_extensions WHERE name = 'rum'")
        if not cursor.fetchone():
            pytest.skip("this server has no RUM extension (Debian: postgresql-15-rum, scripts/install-rum)")
    # As on a server that has the extension but cannot build the index (here: an unknown operator class).
    monkeypatch.setattr(migration, "CREATE", migration.CREATE.replace("rum_tsvector_addon_ops", "no_such_ops"))
    with connection.schema_editor() as editor:
        migration.backwards(None, editor)
        migration.forwards(None, editor)
    assert "no date-ordered headline index" in capsys.readouterr().err
    assert headline_matches("النفط").count() == 22  # the transaction goes on after the failed statement
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_regclass(%s)", [migration.INDEX])
        assert cursor.fetchone()[0] is None


def test_the_rum_index_holds_a_date_of_its_own_so_date_ranges_never_read_it(oil_news):
    """Over `published_at`, the planner read the RUM index for a date filter: a quarter of a
    million-article archive took 290 ms there, 14 from the date index."""
    from django.db import connection

    from articles.search import recency

    if not recency.dated_headlines_index():
        pytest.skip("this server has no RUM extension (Debian: postgresql-15-rum, scripts/install-rum)")
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_get_indexdef(%s::regclass)", [recency.DATED_HEADLINES])
        definition = cursor.fetchone()[0]
    assert "search_date" in definition and "published_at" not in definition
    dated = Article.objects.filter(published_at__isnull=False)
    assert all(a.search_date == a.published_at for a in dated) and dated.count() == 30


def test_an_editor_reviews_an_admitted_spelling_in_the_table_and_keeps_it_apart(client, admin_client, archive):
    from articles.models import SpellingPair

    # A reader gets no link to the admin; an editor gets the form for a new pair, filled in as apart.
    assert "راجعها" not in client.get("/search/", {"q": "ترامب"}).content.decode()
    html = admin_client.get("/search/", {"q": "ترامب"}).content.decode()
    new_pair = "/admin/articles/spellingpair/add/?form=%D8%AA%D8%B1%D8%A7%D9%85%D8%A8&amp;other=%D8%AA%D8%B1%D9%85%D8%A8&amp;status=rejected"
    assert f'href="{new_pair}"' in html
    form = admin_client.get(new_pair.replace("&amp;", "&")).content.decode()
    assert 'value="ترامب"' in form and 'value="ترمب"' in form and '<option value="rejected" selected>' in form
    saved = admin_client.post(new_pair.replace("&amp;", "&"), {"form": "ترامب", "other": "ترمب", "status": "rejected"})
    assert saved.status_code == 302
    # Kept apart for every reader now, and the link goes to the pair's own page.
    assert api(client, q="ترامب")["variants"] == []
    pair = SpellingPair.objects.get()
    pair.status = "accepted"
    pair.save()
    from articles.search.vocabulary import forget_spellings

    forget_spellings()
    html = admin_client.get("/search/", {"q": "ترامب"}).content.decode()
    assert f'href="/admin/articles/spellingpair/{pair.pk}/change/"' in html

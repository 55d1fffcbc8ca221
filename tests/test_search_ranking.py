"""Ranking by relevance: coverage of the query's concepts, their place and rarity, the body's
density, datelines; exact before variant under every sort. Articles written for these tests."""

import pytest

from articles.search import vocabulary
from articles.search.indexing import document_fields, recount, split_dateline
from sources.models import Outlet
from tests.test_search_site import api, article

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(db):
    return Outlet.objects.create(name_ar="موقع الاختبار", slug="test-site", kind="news_site", country="EG")


def ids(client, **params):
    return [hit["id"] for hit in api(client, **params)["results"]]


def test_an_opening_with_every_word_of_the_query_outranks_a_headline_with_one(client, site):
    specific = article(
        "نتائج أولية في بغداد",
        "أظهرت النتائج الأولية لانتخابات البرلمان في العراق تقدم القوائم المستقلة.\n\nوتستمر عمليات العد.",
        site, 1,
    )  # fmt: skip
    general = article(
        "انتخابات حاسمة",
        "يتوجه الناخبون إلى صناديق الاقتراع غداً.\n\nويأتي ذلك بعد أشهر من الجدل في البرلمان حول العراق.",
        site, 2,
    )  # fmt: skip
    assert ids(client, q="انتخابات البرلمان العراق") == [specific.pk, general.pk]


def test_a_headline_with_the_noun_and_its_pronoun_counts_as_the_noun(client, site):
    resignation = article("الملك يلتقي الوزير بعد رجوعه عن استقالته", "استقبل الملك الوزير أمس.", site, 1)
    passing = article("الوزير يفتتح معرضاً", "وكان الوزير قد لوّح بالاستقالة في الشهر الماضي.", site, 2)
    assert ids(client, q="استقالة الوزير") == [resignation.pk, passing.pk]


def test_the_rarer_word_in_a_headline_counts_for_more(client, site):
    for day in range(3, 9):
        article(f"خبر من جدة {day}", "افتتح في جدة معرض جديد.", site, day)
    floods = article(
        "سيول تجرف السيارات", "اجتاحت الأمطار المدينة.\n\nوقال الدفاع المدني في جدة إن الوضع تحت السيطرة.", site, 1
    )
    fair = article("جدة تستضيف ملتقى", "افتتح الملتقى أمس.\n\nوتأجل بسبب سيول الأسبوع الماضي.", site, 2)
    recount()  # how rare each word is comes from the vocabulary's counts
    ranked = ids(client, q="سيول جدة")
    assert ranked.index(floods.pk) < ranked.index(fair.pk)


def test_articles_matching_in_their_body_alone_are_ordered_by_how_well_not_by_date(client, site):
    battle = article(
        "تطورات ميدانية", "تواصلت المعارك أمس.\n\nتقدمت القوات نحو الحديدة. وفي الحديدة اشتد القصف. وقال سكان الحديدة إن الحديدة محاصرة.",
        site, 1,
    )  # fmt: skip
    passing = article(
        "موجز الأخبار",
        "عناوين اليوم.\n\n" + " ".join(["وفي الشأن الاقتصادي ارتفعت أسعار السلع في الأسواق المحلية."] * 30) + " ومن الحديدة وصلت شحنة.",
        site, 5,
    )  # fmt: skip
    assert ids(client, q="الحديدة") == [battle.pk, passing.pk]


def test_a_dateline_is_not_the_lead(client, site):
    about_dubai = article("مشاريع جديدة", "أعلنت بلدية دبي عن مشاريع للنقل.", site, 1)
    filed_in_dubai = article(
        "الحكومة المصرية تعلن خطة", "دبي، الإمارات العربية المتحدة (CNN)-- أعلنت الحكومة المصرية خطة للنقل.", site, 5
    )
    assert ids(client, q="دبي") == [about_dubai.pk, filed_in_dubai.pk]


def test_datelines_are_told_from_sentences():
    assert split_dateline("القاهرة (رويترز) - أعلن الجيش")[1] == "أعلن الجيش"
    assert split_dateline("جدة، السعودية - قال المتحدث")[1] == "قال المتحدث"
    assert split_dateline("قال الوزير إن الحكومة - كما هو معروف - ستبدأ")[0] == ""
    assert split_dateline("أعلنت منظمة الصحة العالمية (WHO) أن")[0] == ""
    fields = dict(document_fields("عنوان", "دبي – العربية نت\n\nتزايدت التساؤلات حول الوضع المالي.", [])[1:3])
    assert fields == {"C": ["دبي", "العربية", "نت"], "B": ["تزايدت", "التساؤلات", "حول", "الوضع", "المالي"]}


def test_sorted_by_date_an_article_found_only_through_a_variant_comes_after_the_exact_ones(client, site):
    exact = article("ترامب يزور الرياض", "وصل ترامب.", site, 1)
    variant = article("ترمب في الرياض", "وصل ترمب.", site, 3)
    other = article("تصريحات ترامب", "قال ترامب.", site, 2)
    assert ids(client, q="ترامب", sort="newest") == [other.pk, exact.pk, variant.pk]
    assert ids(client, q="ترامب", sort="oldest") == [exact.pk, other.pk, variant.pk]


def test_a_place_meets_its_adjective_below_the_exact_matches(client, site):
    for day in range(1, 11):
        article(f"جولة في أوروبا {day}", "زار الوفد أوروبا.", site, day)
        article(f"قرار أوروبي {day}", "أصدر البرلمان الأوروبي قرارا.", site, day)
    failure = article("فشل أوروبي في ملف اللاجئين", "لم تتفق الدول على توزيع اللاجئين.", site, 20)
    in_europe = article("اللاجئون في أوروبا", "وصل آلاف اللاجئين إلى أوروبا.", site, 12)
    recount()
    data = api(client, q="اللاجئين في أوروبا")
    assert [hit["id"] for hit in data["results"]] == [in_europe.pk, failure.pk]
    assert data["variants"] == ["أوروبي"]


def test_a_country_named_in_ya_meets_its_adjective_but_not_the_words_of_its_short_stem(client, site):
    for day in range(1, 11):
        article(f"أخبار سوريا {day}", "في سوريا اليوم.", site, day)
        article(f"موقف سوري {day}", "قال مسؤول سوري.", site, day)
    written_otherwise = article("الحكومة السورية تعلن", "أعلنت الحكومة السورية خطة.", site, 15)
    wall = article("ترميم سور المدينة", "بدأ ترميم السور القديم.", site, 16)
    recount()
    data = api(client, q="سوريا")
    assert data["variants"] == ["سوري"]
    found = [hit["id"] for hit in data["results"]]
    assert written_otherwise.pk in found and wall.pk not in found
    assert found.index(written_otherwise.pk) >= 10  # below the ten articles that name سوريا


def test_where_the_words_are_placed_alike_those_side_by_side_come_first(client, site):
    scattered = article(
        "قراءات", "المرأة والعنف: العنف يقع ضد المرأة وضد الرجل، والمرأة ترفض العنف ضد أي أحد.", site, 5
    )  # the words more often, and close together, but never side by side
    phrase = article("مقالات", "مقال عن مناهضة العنف ضد المرأة في العالم العربي.", site, 1)
    assert ids(client, q="العنف ضد المرأة") == [phrase.pk, scattered.pk]


def test_a_term_typed_with_the_article_ranks_its_words_side_by_side_before_their_place(client, site):
    apart = article("الأمن يضبط شحنة في الميناء", "ضبطت قوات الأمن شحنة مواد غذائية فاسدة.", site, 5)
    term = article("ندوة في الرياض", "ناقشت الندوة الأمن الغذائي في المنطقة.", site, 1)
    assert ids(client, q="الأمن الغذائي") == [term.pk, apart.pk]  # a noun and its adjective: one term
    assert ids(client, q="أمن غذائي") == [apart.pk, term.pk]  # not typed as one: the headline first


def test_a_name_is_not_found_as_the_tail_of_a_word_read_after_a_proclitic(client, site):
    nice = article("هجوم نيس", "قتل العشرات في مدينة نيس الفرنسية.", site, 1)
    churches = [article(f"ترميم كنيسة {day}", "بدأ ترميم كنيسة قديمة في القاهرة.", site, day) for day in range(2, 12)]
    recount()  # the archive never writes نيسة alone: كنيسة is a word, not ك + نيسة
    assert ids(client, q="نيس") == [nice.pk]
    assert ids(client, q='"هجوم نيس"') == [nice.pk]
    assert set(ids(client, q="كنيسة")) == {church.pk for church in churches}


def test_a_word_after_a_proclitic_that_most_words_take_is_still_found(client, site):
    cup = article("كأس أفريقيا", "قرر الاتحاد الأفريقي لكرة القدم تأجيل البطولة.", site, 1)
    ball = article("كرة جديدة", "كشفت الشركة عن كرة البطولة.", site, 2)
    recount()  # لكرة is ل + كرة: the archive writes كرة alone too
    assert set(ids(client, q="كرة")) == {cup.pk, ball.pk}


def test_body_only_matches_are_ranked_only_when_the_page_reaches_them(client, site, monkeypatch):
    from articles.search import ranking
    from articles.search.engine import run_search

    headline = article("الحديدة تحت الحصار", "تشتد المعارك.", site, 1)
    long_ago = article("موجز", "عناوين.\n\nوفي الحديدة وفي الحديدة اشتد القصف على الحديدة.", site, 2)
    passing = article("موجز آخر", "عناوين.\n\n" + "أخبار متفرقة كثيرة. " * 40 + "ومن الحديدة شحنة.", site, 3)
    read = []
    original = ranking._body_ranks
    monkeypatch.setattr(ranking, "_body_ranks", lambda ids, query: (read.append(len(ids)), original(ids, query))[1])
    first = run_search({"q": "الحديدة"}, page_size=1)
    assert [hit.article.pk for hit in first.hits] == [headline.pk] and read == []
    second = run_search({"q": "الحديدة", "page": "2"}, page_size=1)
    assert [hit.article.pk for hit in second.hits] == [long_ago.pk] and read == [2]
    assert passing.pk not in [hit.article.pk for hit in second.hits]


def test_a_name_that_stemming_cuts_into_other_words_is_looked_for_as_written(client, site):
    # ميسي is stemmed to ميس, which ميسون (a given name: ون taken for a plural) shares.
    messi = [
        article(f"ميسي يسجل هدفين {day}", "قاد اللاعب فريقه إلى الفوز.\n\nوسجل في الشوط الثاني.", site, day)
        for day in range(1, 13)
    ]
    maysoun = article("ميسون تفوز بالجائزة وميسون تشكر جمهورها", "قالت ميسون إن الجائزة لجمهور ميسون كله.", site, 20)
    recount()  # ميسي: twelve articles, never with the article, so a name by the archive's usage
    vocabulary.forget_spellings()
    ranked = ids(client, q="ميسي")
    assert ranked[-1] == maysoun.pk and set(ranked[:12]) == {a.pk for a in messi}


@pytest.mark.parametrize("listed", [False, True])
def test_a_listed_name_cut_into_a_commoner_word_matches_only_as_written(client, site, listed_names, listed):
    # كيفين is stemmed to كيف ("how"), used more than the name: listed as a name, it is also indexed
    # as written and matched so; unlisted, the stem is all the index has.
    listed_names(*(["كيفين"] if listed else []))
    kevin = [article(f"كيفين يسجل هدفين {day}", "قاد اللاعب فريقه إلى الفوز.", site, day) for day in range(1, 11)]
    how = [article(f"كيف تختار هاتفك {day}", "نصائح قبل الشراء.", site, day) for day in range(11, 21)]
    recount()  # كيفين: ten articles, never with the article, so a name by the archive's usage
    vocabulary.forget_spellings()
    found = api(client, q="كيفين")["results"]
    ranked = [hit["id"] for hit in found]
    assert set(ranked[:10]) == {a.pk for a in kevin}
    assert set(ranked[10:]) == (set() if listed else {a.pk for a in how})
    assert "<mark>كيفين</mark>" in found[0]["title_html"]


def test_articles_indexed_without_the_personal_names_are_indexed_again_once_they_are_there(
    client, site, listed_names, monkeypatch
):
    import io

    from django.core.management import call_command

    from articles.models import Article
    from articles.search import analysis
    from articles.search.expressions import Matches

    listed_names()  # the list of foreign personal names is missing: كيفين is on no list
    monkeypatch.setattr(analysis, "person_names", frozenset)
    kevin = article("كيفين يعود إلى التدريبات", "عاد اللاعب بعد الإصابة.", site, 1)
    assert Article.objects.get(pk=kevin.pk).indexed_with == analysis.VERSION + analysis.NAMELESS

    listed_names("كيفين")  # the list arrives
    monkeypatch.setattr(analysis, "person_names", lambda: frozenset({"كيفين"}))
    call_command("index_search", stdout=io.StringIO(), stderr=io.StringIO())

    assert Article.objects.get(pk=kevin.pk).indexed_with == analysis.VERSION
    assert Article.objects.filter(Matches("'=كيفين'"), pk=kevin.pk).exists()  # held as written now


def test_a_family_name_written_with_the_article_counts_in_a_headline_only_as_written(client, site):
    # الحريري is stemmed to حرير ("silk"), which الحرير of «طريق الحرير» shares: a family name
    # (always with the article, never inflected as an adjective is) is looked for as written, and a
    # headline on the Silk Road does not hold the query's name.
    for day in range(1, 11):
        article(f"الحريري يلتقي وفدا {day}", "بحث رئيس الوزراء مع الوفد الأوضاع.", site, day)
    for day in range(11, 27):
        article(f"استقالة مدير {day}", "قدم المدير استقالته.", site, day)
    hariri = article("الحريري يعود إلى بيروت", "وصل أمس.\n\nوتحدث عن استقالة حكومته.", site, 27)
    silk = article("طريق الحرير يعود", "أعلن رئيس الشركة استقالة مفاجئة.", site, 28)
    recount()  # الحريري: eleven articles, always with the article, never الحريرية
    vocabulary.forget_spellings()
    ranked = ids(client, q="استقالة الحريري")
    assert ranked.index(hariri.pk) < ranked.index(silk.pk)

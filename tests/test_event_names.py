"""Events' key names: which headline words are names (counts written for these tests)."""

from datetime import UTC, datetime, timedelta

import pytest

from articles.events import names
from articles.events.grouping import assign_events
from articles.models import Event
from articles.search.indexing import index_articles
from tests.test_events import article


def lexicon(**counts: tuple[int, int]) -> names.Lexicon:
    """A vocabulary of (articles, articles with the definite article) per folded form."""
    return names.Lexicon(dict(counts))


def test_a_word_the_archive_never_writes_with_the_article_is_a_name():
    assert names.is_name("ترامب", lexicon(ترامب=(300, 0)))


def test_a_word_often_written_with_the_article_is_a_common_noun():
    assert not names.is_name("حمله", lexicon(حمله=(300, 110)))


def test_a_present_verb_is_known_by_its_other_persons_and_its_past():
    verb = lexicon(تعلن=(100, 0), يعلن=(300, 0), نعلن=(10, 0), اعلن=(900, 2))
    assert not names.is_name("تعلن", verb)
    # تونس has a يونس beside it, but no past: a name
    assert names.is_name("تونس", lexicon(تونس=(400, 0), يونس=(30, 0)))
    assert names.is_name("تبوك", lexicon(تبوك=(200, 0)))
    assert not names.is_name("يمتطون", lexicon(يمتطون=(6, 0)))  # a plural present, even rare


def test_a_verb_in_the_future_or_a_feminine_past_is_no_name():
    assert not names.is_name("سيعلن", lexicon(سيعلن=(20, 0), يعلن=(300, 0), تعلن=(100, 0), اعلن=(900, 2)))
    assert not names.is_name("اطلقت", lexicon(اطلقت=(50, 0), يطلق=(120, 0)))
    assert names.is_name("بيروت", lexicon(بيروت=(500, 0)))  # no يبيرو


def test_a_verbal_noun_is_known_by_its_verb_and_a_name_of_its_shape_is_not():
    assert not names.is_name("ارتفاع", lexicon(ارتفاع=(400, 40), ارتفع=(150, 0), يرتفع=(60, 0)))
    assert not names.is_name("سقوط", lexicon(سقوط=(200, 20), يسقط=(30, 0), تسقط=(20, 0)))
    assert not names.is_name("انهاء", lexicon(انهاء=(2000, 20), ينهي=(500, 0), انهي=(780, 0)))
    assert not names.is_name("اعاده", lexicon(اعاده=(5500, 100), يعيد=(560, 0), اعاد=(470, 0)))
    assert names.is_name("اسامه", lexicon(اسامه=(670, 0), اسام=(7, 0)))
    assert names.is_name("ايران", lexicon(ايران=(4000, 0), ايرن=(40, 0)))  # a typo is not a verb
    assert names.is_name("بومبيو", lexicon(بومبيو=(80, 0)))


def test_a_place_that_always_takes_the_article_is_a_name_but_an_adjective_is_not():
    assert names.is_name("هند", lexicon(هند=(500, 495)))
    assert not names.is_name("اسرائيلي", lexicon(اسرائيلي=(500, 495), اسرائيليه=(400, 390)))
    assert names.is_name("سبيعي", lexicon(سبيعي=(60, 60)))  # a family name has no feminine beside it


def test_a_noun_with_a_possessive_or_other_numbers_is_no_name():
    assert not names.is_name("منصبه", lexicon(منصبه=(30, 0), منصب=(200, 120)))
    assert not names.is_name("جاهز", lexicon(جاهز=(60, 2), جاهزه=(30, 1), جاهزون=(10, 0)))
    assert names.is_name("جده", lexicon(جده=(900, 5), جد=(300, 100)))  # three letters: too few to tell


def test_an_adverb_is_rare_beside_its_adjective_and_a_country_is_not():
    adverb = lexicon(داخليا=(260, 0), داخلي=(1300, 1100), داخليه=(4800, 4000))
    assert not names.is_name("داخليا", adverb)
    country = lexicon(روسيا=(5400, 0), روسي=(2900, 2600), روسيه=(2300, 2100))
    assert names.is_name("روسيا", country)


def test_a_plural_in_a_construct_is_no_name_but_a_name_beside_a_longer_name_is():
    assert not names.is_name("مقاتلي", lexicon(مقاتلي=(670, 0), مقاتلين=(1100, 810)))
    assert not names.is_name("لاعبو", lexicon(لاعبو=(450, 0), لاعبون=(760, 640)))
    assert names.is_name("موسكو", lexicon(موسكو=(1800, 0)))
    assert names.is_name("ماكرو", lexicon(ماكرو=(40, 0), ماكرون=(700, 0)))  # ماكرون never takes the article


def test_prepositions_written_with_alif_maqsura_are_not_the_names_they_fold_into():
    vocabulary = lexicon(علي=(60000, 200), هاواي=(85, 0), حمم=(49, 46), تتدفق=(70, 0), يتدفق=(90, 0), تدفق=(120, 60))
    found = [name.written for name in names.names_in("حمم تتدفق على هاواي مع علي", vocabulary)]
    assert found == ["هاواي", "علي"]  # على is a preposition, علي a name


def test_numbers_months_and_particles_are_no_names():
    empty = lexicon()
    assert not any(names.is_name(word, empty) for word in ["2018", "مارس", "اغسطس", "ماذا", "اكبر", "خادم"])


@pytest.mark.django_db
def test_an_events_key_names_leave_out_its_headlines_verbs():
    day = datetime(2024, 3, 4, 8, 0, tzinfo=UTC)
    story = "تعلن جاكرتا استضافة قمة آسيان", "أعلنت حكومة جاكرتا أنها تستضيف قمة آسيان المقبلة."
    again = "جاكرتا تعلن استضافة قمة آسيان", "أعلنت جاكرتا رسميا استضافة قمة آسيان المقبلة."
    others = [
        ("يعلن الاتحاد موعد البطولة", "أعلن الاتحاد موعد البطولة."),
        ("نعلن نتائج المسابقة", "أعلن المنظمون نتائج المسابقة."),
        ("يعلن المجلس خطته", "أعلن المجلس خطته الجديدة."),
    ]
    articles = [article("alriyadh", story, day), article("okaz", again, day + timedelta(hours=3))]
    articles += [article("okaz", text, day + timedelta(days=10 + n)) for n, text in enumerate(others)]
    index_articles([a.pk for a in articles])
    assign_events([a.pk for a in articles], created=[a.pk for a in articles])
    event = Event.objects.get(articles=articles[0])
    assert "جاكرتا" in event.key_names  # a city CLDR names
    assert "تعلن" not in event.key_names
    # The archive writes آسيان as it writes a name, but no list of names has it: left out, since
    # usage alone let one word in five through that was not a name (fewer names, not wrong ones).
    assert "آسيان" not in event.key_names


@pytest.fixture
def person_names(tmp_path, monkeypatch):
    """A list of foreign personal names in the Wikidata file's format (latin, arabic, count)."""
    from articles import known_names

    path = tmp_path / "names.tsv"
    path.write_text("latin\tarabic\tcount\nmacron\tماكرون\t12\nputin\tبوتين\t30\n", encoding="utf-8")
    monkeypatch.setenv("ISNAD_PERSON_NAMES", str(path))
    for cached in (known_names.known_names, known_names.person_names):
        cached.cache_clear()
    yield
    for cached in (known_names.known_names, known_names.person_names):
        cached.cache_clear()


def test_a_name_is_shown_when_a_list_confirms_it(person_names):
    from articles.events.naming import listed

    assert listed(names.Name("ماكرون", "ماكرون"))  # Wikidata's personal names
    assert listed(names.Name("هند", "الهند"))  # CLDR's countries, known without their article
    assert listed(names.Name("جاكرتا", "جاكرتا"))  # CLDR's cities
    assert not listed(names.Name("مقتل", "مقتل"))  # a verbal noun in a construct
    assert listed(names.Name("cnn", "CNN")) and not listed(names.Name("followers", "followers"))


def test_without_the_personal_names_file_places_are_still_known(tmp_path, monkeypatch):
    from articles import known_names

    monkeypatch.setenv("ISNAD_PERSON_NAMES", str(tmp_path / "absent.tsv"))
    for cached in (known_names.known_names, known_names.person_names):
        cached.cache_clear()
    try:
        assert known_names.person_names() == frozenset()
        assert known_names.is_known_name("القاهره") and not known_names.is_known_name("ماكرون")
    finally:
        for cached in (known_names.known_names, known_names.person_names):
            cached.cache_clear()


def test_headlines_hours_apart_naming_the_same_places_need_less_alike_words():
    from articles.events.grouping import HOURS_APART_THRESHOLD, Item, matches

    at = datetime(2024, 3, 4, 8, 0, tzinfo=UTC)
    # cosine 0.34: under the threshold for articles hours apart (0.37)
    first = Item(1, at, {"هجم": 0.58, "نقط": 0.58, "عسر": 0.58})
    second = Item(2, at + timedelta(hours=5), {"هجم": 0.58, "مسلح": 0.81})
    assert 0.3 < sum(first.signature[t] * second.signature.get(t, 0) for t in first.signature) < HOURS_APART_THRESHOLD
    assert matches(second, [first], set()) == []
    named = [Item(1, at, first.signature, names=frozenset({"عسر", "ابه"}))]
    assert matches(Item(2, second.time, second.signature, names=frozenset({"عسر", "ابه"})), named, set()) == named
    # a day apart, the same names do not help
    later = Item(2, at + timedelta(hours=30), second.signature, names=frozenset({"عسر", "ابه"}))
    assert matches(later, named, set()) == []

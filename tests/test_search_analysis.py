"""The analyzer and the query syntax: documents and queries meet whatever the spelling."""

import pytest

from articles.search.analysis import analyse, indexed, skeleton, words
from articles.search.compile import compile_query
from articles.search.query import parse


def lexemes(token: str) -> set[str]:
    return {reading.lexeme for reading in analyse(token)}


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("قِيرْغِيزِسْتَان", "قيرغيزستان"),  # harakat
        ("قيرغـــيزستان", "قيرغيزستان"),  # tatweel
        ("قيرغيز\u200cستان", "قيرغيزستان"),  # zero-width non-joiner
        ("مسؤول", "مسئول"),  # hamza seats
        ("إيران", "ايران"),
        ("الجماعية", "جماعيه"),  # ta marbuta, definite article
        ("والتعاون", "تعاون"),  # و + ال
        ("٢٠٢٣", "2023"),
        ("۲۰۲۳", "2023"),  # Persian digits
        ("ڨفصة", "قفصة"),  # the Tunisian g
        ("ڤيينا", "فيينا"),  # a v
        ("ترامپ", "ترامب"),  # a p
    ],
)
def test_it_folds_spellings_together(a, b):
    assert lexemes(a) & lexemes(b)


@pytest.mark.parametrize("repeat", [1, 40])  # short texts are translated, long ones replaced letter by letter
def test_folding_maps_every_variant_letter_in_short_and_long_texts(repeat):
    from articles.arabic import LETTERS, fold

    variants = "".join(chr(code) for code in LETTERS)
    text = " ".join([f"كلمة{variants}"] * repeat)
    assert fold(text) == " ".join(["كلمه" + "".join(LETTERS[ord(v)] for v in variants)] * repeat)
    assert fold(text) == fold(text.translate(LETTERS))


def test_it_keeps_the_first_letter_of_names():
    assert "بوت" in lexemes("بوتين")
    assert "فرانس" in lexemes("فرانس")


def test_it_reads_a_one_letter_proclitic_both_ways():
    assert lexemes("لبوتين") >= lexemes("بوتين") - {"وت"}
    assert lexemes("وبيشكيك") & lexemes("بيشكيك")


def test_a_name_that_starts_like_a_proclitic_with_the_article_keeps_its_letters():
    assert "والتر" in lexemes("والتر") and "فالنسيا" in lexemes("فالنسيا")
    assert "حكوم" in lexemes("والحكومة") and "حكوم" in lexemes("الحكومة")


def test_the_adjective_of_a_country_named_in_ya_keeps_apart_from_its_short_stem():
    syrian = {"السورية", "سوري", "السوريين", "سوريون", "السوريات"}
    assert set.union(*(lexemes(word) for word in syrian)) == {"سوري"}
    assert lexemes("السور") == lexemes("سورة") == {"سور"}  # a wall, a sura: not Syrian
    assert lexemes("التركية") == {"تركي"} and lexemes("ترك") == {"ترك"}  # Turkish, and "left"
    assert lexemes("الألمانية") == lexemes("ألماني")
    assert lexemes("سوريا") == {"سوريا"}  # the name is its own lexeme; search admits the adjective


@pytest.mark.parametrize(
    ("word", "kin", "apart"),
    [
        ("العمليات", "عملياتها", "العمل"),  # operations, work
        ("الرياضة", "الرياضيين", "الرياض"),  # sport, Riyadh
        ("الدولية", "الدولي", "الدول"),  # international, countries
        ("السيولة", "سيولة", "السيول"),  # liquidity, floods
        ("جامعة", "بالجامعات", "الجامع"),  # university, mosque
        ("السعودية", "السعوديين", "آل سعود"),
        ("الشرطة", "للشرطة", "شرط"),  # police, a condition
        ("الطائفية", "طائفي", "الطائف"),  # sectarian, Taif
        ("المحكمة", "بالمحكمة", "محكم"),  # a court, tight
        ("العودة", "عودة", "العود"),  # a return, an oud
        ("القمة", "قمم", "قم"),  # a summit, Qom
        ("سارة", "لسارة", "سار ساري"),  # Sarah; pleasant, in force
        ("تحلية", "التحلية", "تحل"),  # desalination, she solves
        ("الشرطة", "الشرطيين", "الشروط"),  # police, policemen; conditions
    ],
)
def test_words_of_two_meanings_that_light_stemming_joins_are_indexed_apart(word, kin, apart):
    assert lexemes(word) & lexemes(kin)
    assert not lexemes(word) & set().union(*(lexemes(token) for token in apart.split()))


def test_a_word_that_starts_with_a_madda_is_never_a_function_word():
    # Folded, آلية ("a mechanism") is إليه ("to him"), and آية ("a verse") is أيه.
    assert lexemes("آلية") == lexemes("الآلية") == lexemes("آليات") and lexemes("آلية") <= lexemes("وآلية")
    assert lexemes("آية") == lexemes("آيات") and not lexemes("آية") & lexemes("أيها")
    assert lexemes("إليه") == lexemes("أيه") == set()


def test_stop_words_are_not_indexed_but_keep_their_position():
    found = words("وصل الوزير إلى موسكو")
    assert [w.position for w in found] == [0, 1, 3]


def test_name_variants_share_a_skeleton():
    assert skeleton("قرغيزستان") == skeleton("قيرغيزستان")
    assert skeleton("ترامب") == skeleton("ترمب")
    assert skeleton("بلينكن") == skeleton("بلينكين")
    assert skeleton("فرنسا") != skeleton("فرانس")  # a final alef is grammar, not spelling


def test_it_parses_web_search_syntax():
    parsed = parse('"معاهدة الأمن الجماعي" بوتين -كازاخستان ترامب أو ترمب في')
    assert [[c.text for c in group] for group in parsed.groups] == [
        ["معاهدة الأمن الجماعي"],
        ["بوتين"],
        ["ترامب", "ترمب"],
    ]
    assert [c.text for c in parsed.excluded] == ["كازاخستان"]
    assert parsed.ignored == ["في"]
    assert parse("ترامب OR بايدن").groups[0][0].text == "ترامب" and len(parse("ترامب OR بايدن").groups) == 1


def test_words_typed_with_a_comma_and_no_space_are_two_words_not_a_phrase():
    assert [[c.text for c in group] for group in parse("ترامب،بوتين;ماكرون").groups] == [
        ["ترامب"],
        ["بوتين"],
        ["ماكرون"],
    ]
    assert parse('"ترامب، بوتين"').groups[0][0].phrase  # inside quotes a comma is only a gap


@pytest.mark.parametrize(
    "query, term",
    [
        ("الأمن الغذائي", True),
        ("الخطوط الجوية السعودية", True),
        ("الأمن غذائي", False),  # one word without the article
        ("الهجرة غير الشرعية", False),  # a stop word between them
        ('"الأمن الغذائي"', False),  # a phrase already asks for them side by side
        ("الأمن", False),
        ("أحمد الطيب", True),  # a person's name: a listed given name first
        ("تعويم الجنيه", False),
    ],
)
def test_words_all_typed_with_the_article_name_one_term(query, term):
    assert parse(query).term is term


def test_a_query_of_stop_words_or_punctuation_is_empty():
    assert not parse("في من إلى")
    assert not parse('"" - ، «»')


@pytest.mark.django_db
def test_phrases_keep_stop_word_gaps_and_read_their_words_as_query_words_are():
    # وزير is read as و + زير only where the archive writes زير far more often (compile.meant)
    compiled = compile_query(parse('"وزير الخارجية في روسيا"'))
    assert compiled.tsquery == "('وزير' <-> 'خارجي' <2> 'روسيا')"


def test_latin_letters_and_digits_stay_together():
    assert [w for w in ("5G", "G20", "COVID19") if len(words(w)) == 1] == ["5G", "G20", "COVID19"]
    assert [w.lexemes for w in words("وF-35")] == [{"f"}, {"35"}]


def test_a_final_an_is_part_of_the_word():
    # Names and nouns far more often than duals: بيان is not بي, طالبان not طالب, لبنان not لبن.
    assert "بيان" in lexemes("بيان") and lexemes("طالبان") == {"طالبان"}
    assert not lexemes("لبنان") & lexemes("لبن")
    assert lexemes("الإيرانية") & lexemes("إيران")  # the adjective still meets its name


def test_names_of_the_gazetteer_are_not_cut_into_other_words():
    assert not lexemes("البحرين") & lexemes("البحر")
    assert not lexemes("فتحي") & lexemes("فتح") and not lexemes("حسين") & lexemes("حس")
    assert lexemes("المسلمين") & lexemes("مسلم")  # a plural is still stemmed
    assert lexemes("الإماراتية") & lexemes("الإمارات")  # and an adjective meets its kept name


def test_a_hamza_on_the_first_alef_marks_it_the_words_own_not_the_article():
    assert lexemes("إلغاء") == lexemes("الإلغاء")  # they never met when both lost ال
    assert lexemes("ألعاب") & lexemes("الألعاب") and lexemes("بإلغاء") & lexemes("الإلغاء")
    assert "المانيا" in lexemes("ألمانيا") and not lexemes("ألماني") & lexemes("ماني")  # not Mané
    assert "حكوم" in lexemes("الحكومة")  # the article's alef carries no hamza: still stripped


def test_the_preposition_ala_is_not_the_name_ali():
    assert analyse("على") == () and analyse("وعلى") == ()
    assert analyse("علي")[0].lexeme == "علي"
    assert analyse("فعلي")  # the adjective "actual" stays a word


@pytest.mark.parametrize(
    ("with_pronoun", "stem"),
    [
        ("استقالته", "استقال"),  # استقالة + ه: the ة written ت
        ("استقالتها", "استقال"),
        ("لحكومته", "حكوم"),  # with a proclitic
        ("حياتها", "حيا"),  # حياة, not حي (حيات read as a plural)
        ("تصريحاته", "تصريح"),  # a plural in ات with ه
        ("خطته", "خطه"),  # two letters before the ت, but senses.py knows خطة: the plan, not a line
    ],
)
def test_a_noun_with_a_pronoun_is_held_under_the_nouns_own_stem(with_pronoun, stem):
    assert stem in indexed(with_pronoun)[1]


def test_a_word_of_its_own_in_ta_keeps_its_stem():
    assert indexed("ثابتة")[1] == ("ثابت",)  # ة as written: a feminine in ت, no pronoun
    assert indexed("بيته")[1][0] == "بيت" and "بي" not in indexed("بيته")[1]  # too short for a noun in ة

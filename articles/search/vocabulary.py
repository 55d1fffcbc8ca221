"""Spelling variants and suggestions, from the vocabulary of indexed word forms.

A query word of four letters or more is expanded to the indexed forms that
- have the same skeleton (first and last letters, the consonants between, letters for one foreign
  sound merged): transliterations of one name differ in their long vowels and in how they write
  g, t, s (قرغيزستان/قيرغيزستان, ترامب/ترمب, بلينكن/بلينكين, غوارديولا/جوارديولا, غوتيريش/غوتيريس).
  A name's first letter is written one way but for those sounds: a silent h (هولاند/اولاند) is
  learned from the archive's evidence (articles.spellings), never admitted by the rules alone.
One or two letters apart at most (one, up to six letters: ترامب/ترمب but not فرنسا/فرانسوا).
Only names have variants, and a variant is a name of the same kind; Arabic given names have none
(gazetteer.py: محمد/محمود, سلمان/سليمان are two names). Whether a word is a name is
read from how often it takes the definite article: names of people never (ترامب), some places
always (الدنمارك/الدانمارك), common nouns often but not always (الحكومة، حكومة الوفاق); an
adjective of a name is spelled as the name is (الأمريكية/الأميركية). A word written with a
possessive pronoun (عملياتها) is a word of the language, whatever its article says.
Articles sharing both spellings were tried as a signal and dropped: measured on the corpus, true
variants (ترامب/ترمب 5%, تيريزا/تريزا 19%) share articles as often as different words
(المملكة/المملوكة 15%).
Variants rank below exact matches and are shown to the user.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import NamedTuple

from django.db import connection

from articles import known_names
from articles.models import SearchTerm, SpellingPair
from articles.models.spelling import KEPT_APART, MERGED
from articles.search.analysis import (
    ARTICLE_READING_FACTOR,
    COMPOUND_ARTICLES,
    PROCLITICS,
    bare_reading_factor,
    skeleton,
    sound_skeleton,
    strip_article,
    written_lexeme,
)
from articles.search.gazetteer import ADJECTIVE_STEMS, GIVEN_NAMES

MIN_FORM = 4  # letters; shorter words have too many look-alikes
MIN_SKELETON = 4  # letters, with the first and last: بوتين/بوتن (3) would bring عباس/عبس, ماتيس/ماتياس
G_SKELETON = 3  # when only the letter for a foreign g differs (هونغ/هونج)
G_LETTERS = {"غ", "ج"}  # a foreign g: Egypt writes ج, the Levant and the Gulf غ
G_AS_ONE = str.maketrans({"غ": "ج"})  # not an edit: غوغل/جوجل differ in spelling only
# A foreign ch is written تش or ش (منوتشين/منوشين, ريتشارد/ريشارد, راكيتيتش/راكيتيش): not an edit.
# In the labelled samples this joined 83 articles of the same name and 4 of another (مارسيلو/مارتشيلو).
CH_AS_ONE = ("تش", "ش")
# The letters a name may start with in another spelling: a g (غوارديولا/جوارديولا), a k
# (كازاخستان/قازاخستان), a t (طرابزون/ترابزون), an s. An s and a z, or an s and a sh, start other
# names (ساندرز/زاندرز), and so, mostly, do an h and a vowel: of the articles the letter rules
# brought through them in the labelled samples, 133 were another name's (هندرسون/اندرسون,
# ارما/هرما, هافانا/افانا) and 2 the same (هيرنانديز/ايرنانديز). A French or Spanish silent h
# (هولاند/اولاند) is learned where the archive attests it (SILENT_H).
FIRST_LETTERS = ({"غ", "ج"}, {"ق", "ك"}, {"ت", "ط"}, {"س", "ص"})
SILENT_H = {"ه", "ا"}
# The letters of one foreign sound that spellings of a name exchange: a g (غ ج), a k (ك ق), a t
# (ت ط ث), an s (س ص ز ش). The vocabulary is looked up by a coarser skeleton (analysis.SOUNDS),
# which also joins ك ق with غ ج, and ذ ظ ض with س ز د: read on a sample of the pairs joined only
# through those, nearly all are two Arabic words (غاندي/جندي, غريبا/قريبا, انتظار/انتصار, عدنا/عضنا).
SPELLED_SOUNDS = str.maketrans({"غ": "ج", "ق": "ك", "ط": "ت", "ث": "ت", "ص": "س", "ز": "س", "ش": "س"})
TRIGRAM_SIMILARITY = 0.5
MAX_EDITS = 2
SHORT_FORM = 5  # up to five letters, variants differ by one letter (ترامب/ترمب, not فرنسا/فرانسوا)
MAX_VARIANTS = 8
SUGGESTION_SIMILARITY = 0.3
COMMON_NOUN_SHARE = 0.5
DEFINITE_NAME_SHARE = 0.95
NISBA_ENDINGS = ("يه", "يون", "يين", "ي")
MIN_NAME_ARTICLES = 10
# A form that keeps its ال has an alef of its own (analysis._own_alef): nearly always a verbal noun or
# a plural of an Arabic root (إلغاء، إلزام، ألعاب), whose look-alikes are other words (إلقاء). A name
# the lists know, as long as ألبرتو or longer, is a foreign name (ألكسندر/ألكساندر, أليغري/أليجري):
# read on the corpus, shorter listed forms are mostly Arabic words (ألفين، ألما).
OWN_ALEF = "ال"
OWN_ALEF_NAME = 6  # letters


@dataclass(frozen=True)
class Variant:
    form: str
    lexeme: str
    display: str
    article_count: int


def variants(form: str, lexemes: tuple[str, ...] = ()) -> list[Variant]:
    """Other spellings of a word form (indexed under `lexemes`) found in the archive, most frequent first."""
    if len(form) < MIN_FORM or not form.isalpha() or form.isascii():
        return []
    return kept((form, lexemes), lambda: _variants(form, lexemes), recheck=_still_used)


def kept(key: tuple, compute, recheck=None):
    """What `compute()` returns, kept in this process for a few minutes as variants are; a value
    kept from earlier goes through `recheck` first, where one is given."""
    if key in _cache and _cache[key][0] > time.monotonic():
        return recheck(_cache[key][1]) if recheck else _cache[key][1]
    found = compute()
    if len(_cache) > CACHE_SIZE:
        _cache.clear()
    _cache[key] = (time.monotonic() + CACHE_SECONDS, found)
    return found


def _still_used(cached: list[Variant]) -> list[Variant]:
    """Cached variants that public articles still use: a word whose only articles were hidden
    since (articles.visibility) is dropped at once, in every process, not when the cache expires."""
    if not cached:
        return cached
    used = set(
        SearchTerm.objects.filter(form__in=[v.form for v in cached], article_count__gt=0).values_list("form", flat=True)
    )
    return [v for v in cached if v.form in used]


# Variants change only as the vocabulary grows: each process keeps them for a few minutes.
_cache: dict = {}
CACHE_SIZE = 20_000
CACHE_SECONDS = 600


def forget_spellings() -> None:
    """Drop this process's cached variants and usages: the spelling table changed (an editor, a
    learning run), or the archive is another one (each test's)."""
    global _table
    _cache.clear()
    _usages.clear()
    _table = None


def _variants(form: str, lexemes: tuple[str, ...]) -> list[Variant]:
    """The letter rules' variants, less the pairs the spelling table keeps apart, with the ones it
    learned or an editor accepted (articles.spellings)."""
    pairs = _spellings(form)
    found = [v for v in by_rules(form, lexemes) if pairs.get(v.form) not in KEPT_APART]
    taken = {v.form for v in found}
    extra = [other for other, status in pairs.items() if status in MERGED and other not in taken]
    if extra:
        rows = SearchTerm.objects.filter(form__in=extra, article_count__gt=0).exclude(lexeme__in=lexemes)
        learned = [Variant(*row) for row in rows.values_list("form", "lexeme", "display", "article_count")]
        other_words = _other_words(form, lexemes, learned)
        # The letter rules drop a look-alike whose stem is another word: it mostly is a word of the
        # language (امري, "my matter", beside ايمري). A pair the archive attests is a spelling, and
        # is matched as written where the index holds it so.
        found += [v for v in (_as_written(v) if v.lexeme in other_words else v for v in learned) if v]
    apart = [other for other, status in pairs.items() if status in KEPT_APART]
    found = [v for v in found if not any(_nearer(v.form, other, form) for other in apart)]
    return sorted(found, key=lambda v: -v.article_count)[:MAX_VARIANTS]


def _nearer(candidate: str, other: str, form: str) -> bool:
    """Whether a candidate is spelled nearer a form kept apart from the query's than the query's
    own: a spelling of the other name. جوتيريز (Álvaro Gutiérrez) is kept apart from غوتيريش
    (Guterres), and so from غوتيرش and غوتيرس, which the rules join to both; تشيانغ from تشانغ,
    and so from تشانج."""

    return spelling_edits(candidate, other) < spelling_edits(candidate, form)


def _as_written(variant: Variant) -> Variant | None:
    """A learned spelling indexed under another word's stem (كيفين under كيف), matched as written
    where the index holds it so (analysis.written_lexeme); else None: its stem would find the other word."""
    lexeme = written_lexeme(variant.form) or written_lexeme(variant.form, definite=True)
    return Variant(variant.form, lexeme, variant.display, variant.article_count) if lexeme else None


def _spellings(form: str) -> dict[str, str]:
    """The spelling table's pairs of a form: {other form: status}. The table is small (hundreds
    of pairs, a few thousand at most): each process reads it whole, again every few minutes."""
    global _table
    if _table is None or _table[0] <= time.monotonic():
        pairs: dict[str, dict[str, str]] = {}
        for a, b, status in SpellingPair.objects.values_list("form", "other", "status"):
            pairs.setdefault(a, {})[b] = status
            pairs.setdefault(b, {})[a] = status
        _table = (time.monotonic() + CACHE_SECONDS, pairs)
    return _table[1].get(form, {})


_table: tuple[float, dict[str, dict[str, str]]] | None = None


def by_rules(form: str, lexemes: tuple[str, ...] = ()) -> list[Variant]:
    """The variants the letter rules admit (see the module's docstring), most frequent first."""
    own_alef = form.startswith(OWN_ALEF)
    alef_name = own_alef and _listed_alef_name(form)
    if is_given_name(form) or (own_alef and not alef_name):
        return []
    own = _usage(form)
    nisba = _nisba_of_name(form)
    if own and (is_common_noun(*own) or takes_pronouns(form, own[0])) and not nisba:
        return []
    with connection.cursor() as cursor:
        _similarity_threshold(cursor, TRIGRAM_SIMILARITY)
        cursor.execute(
            "SELECT form, lexeme, display, article_count, definite_count FROM articles_searchterm "
            "WHERE form <> %s AND ((skeleton = %s AND length(skeleton) >= %s) OR form %% %s)",
            [form, sound_skeleton(form), G_SKELETON if G_LETTERS & set(form) else MIN_SKELETON, form],
        )
        rows = cursor.fetchall()
    adjectives = _nisba_of_names([row[0] for row in rows]) if nisba else {}
    candidates = [
        Variant(other, lexeme, display, count)
        for other, lexeme, display, count, other_definite in rows
        if lexeme not in lexemes
        and count > 0  # a form only hidden articles use is never shown to a reader
        and not is_given_name(other)
        and (alef_name or not other.startswith(OWN_ALEF))
        and (adjectives.get(other) == nisba or _same_kind(own, count, other_definite))
        and is_variant(form, other)
    ]
    inside = read_as_other_words(candidates)
    candidates = [v for v in candidates if v.form not in inside]
    other_words = _other_words(form, lexemes, candidates)
    # A look-alike used more than the word itself and written with a possessive pronoun is a word of
    # the language (تدمر/تدمير, عرفات/عرفت): where a name is spelled more often another way, that
    # spelling is a name too and takes none.
    commoner = {v.form: v.article_count for v in candidates if v.article_count >= (own[0] if own else 0)}
    words = words_with_pronouns(commoner)
    other_words |= {v.lexeme for v in candidates if v.form in words}
    candidates = [v for v in candidates if v.lexeme not in other_words]
    return sorted(candidates, key=lambda v: -v.article_count)[:MAX_VARIANTS]


def _listed_alef_name(form: str) -> bool:
    """A form keeping its ال that is a foreign name (OWN_ALEF_NAME)."""
    return len(form) >= OWN_ALEF_NAME and form in known_names.known_names()


def adjectives(form: str) -> list[Variant]:
    """The adjective of a place name ending in ا, as the archive writes it: أوروبا -> الأوروبي,
    أمريكا -> الأمريكية, so a query about refugees in Europe meets «فشل أوروبي». Its stem is the name
    without its ا (أوروب), which no other word shares when it has four letters or more: كندا's
    would be كند (كندي is also Kennedy), never admitted. A country named in يا has its adjective
    indexed apart from the short stem (analysis.country_adjective): سوريا -> السورية (سوري, not سور)."""
    if form.endswith("يا") and form[:-2] in ADJECTIVE_STEMS:
        base = form[:-2]
    elif len(form) > MIN_FORM and form.endswith("ا"):  # the stem left must have four letters
        base = form[:-1]
    else:
        return []
    own = _usage(form)
    if not own or own[0] < MIN_NAME_ARTICLES or is_common_noun(*own):
        return []
    found = SearchTerm.objects.filter(form__in=[base + e for e in NISBA_ENDINGS], article_count__gt=0)
    rows = sorted(found.values_list("form", "lexeme", "display", "article_count"), key=lambda row: -row[3])
    return [Variant(*row) for row in rows if row[3] >= MIN_NAME_ARTICLES][:1]


def is_given_name(form: str) -> bool:
    """An Arabic given name, or a family name made of one (سليماني): one spelling, no variants."""
    return form in GIVEN_NAMES or (form.endswith("ي") and form[:-1] in GIVEN_NAMES)


def is_name(form: str) -> bool:
    """A name by the archive's usage: in enough articles, and rarely written with the article
    (ميسي، بوتين; not ماضي, nearly always الماضي). Where light stemming cuts such a name into
    another word's stem (ميسي to ميس, which ميسون also reaches; بوتين to بوت), ranking looks for
    the name as written in titles and leads (compile._clause)."""
    found = _usage(form)
    return found is not None and found[0] >= MIN_NAME_ARTICLES and found[1] <= NAME_DEFINITE_SHARE * found[0]


def is_family_name(form: str) -> bool:
    """A family name in ي that the archive writes with the article (الحريري، القحطاني): in enough
    articles, nearly always with the article, and unlike an adjective in ي (السوري، الماضي) hardly
    ever inflected (السورية، الماضية). Light stemming cuts it into another word (حريري to حرير,
    "silk", which الحرير of «طريق الحرير» shares), and ranking looks for it as written."""
    found = _usage(form) if form.endswith("ي") else None
    if not found or found[0] < MIN_NAME_ARTICLES or found[1] < (1 - NAME_DEFINITE_SHARE) * found[0]:
        return False
    inflected = sum((_usage(form[:-1] + ending) or (0, 0))[0] for ending in NISBA_ENDINGS if ending != "ي")
    return inflected <= FAMILY_NAME_INFLECTED * found[0]


FAMILY_NAME_INFLECTED = 0.1  # حريرية 12 articles beside الحريري's 251; السورية far more than السوري


def name_cut_into_another_word(form: str, lexeme: str) -> bool:
    """A name by the archive's usage that light stemming cuts into a commoner word (كيفين under
    كيف): search matches it as written where the index holds it so (compile.searched_lexeme)."""
    return form != lexeme and is_name(form) and stem_is_another_word(form, lexeme)


def stem_is_another_word(form: str, lexeme: str) -> bool:
    """Whether the stem a form is indexed under is itself a word used in as many articles or more
    (كيفين under كيف, "how"), as `_other_words` judges a variant's."""
    own, stem = _usage(form), _usage(lexeme)
    return bool(own and stem and stem[0] >= own[0])


NAME_DEFINITE_SHARE = 0.12  # at most this share of a name's articles write it with the article


def _usage(form: str) -> tuple[int, int] | None:
    """(articles using the form, of which with the definite article), kept for a few minutes."""
    until, found = _usages.get(form, (0.0, None))
    if until < time.monotonic():
        found = SearchTerm.objects.filter(form=form).values_list("article_count", "definite_count").first()
        if len(_usages) >= MAX_USAGES:
            _usages.clear()
        _usages[form] = (time.monotonic() + USAGE_SECONDS, found)
    return found


USAGE_SECONDS = 600
MAX_USAGES = 20_000
_usages: dict[str, tuple[float, tuple[int, int] | None]] = {}


def is_common_noun(articles: int, definite: int) -> bool:
    """Mostly but not always written with the definite article: a common noun (المدرسة، الحكومة),
    whose look-alikes differ by a vowel of the root pattern (المدارس، الحكومي) and are other words,
    not spellings. Common nouns also go without it in a construct (مدرسة البنات، حكومة الوفاق).
    Names of people and most places never take it (ترامب، قرغيزستان); the places that take it
    take it always (الدنمارك، الأرجنتين): both are names, with variants."""
    return COMMON_NOUN_SHARE * articles < definite < DEFINITE_NAME_SHARE * articles


def accusative_noun(form: str) -> str:
    """The noun of a word in the indefinite accusative typed without its tanween (رئيسا, «as
    president»: رئيس; مرشحا, لاعبا), or "": the form ends in ا and never takes the article, and the
    form without the ا is a common noun used at least as often. Not after ي (روسيا is Russia, not
    روسي's accusative), ا or ه (اخوها: a pronoun), nor a listed name (دينا, not دين)."""
    noun = form[:-1]
    if not form.endswith("ا") or len(noun) < MIN_FORM - 1 or noun[-1] in "ياه" or form in known_names.known_names():
        return ""
    own, base = _usage(form), _usage(noun)
    if not own or not base or own[1] > ACCUSATIVE_DEFINITE * own[0]:
        return ""
    return noun if base[0] >= own[0] and is_common_noun(*base) else ""


ACCUSATIVE_DEFINITE = 0.05  # share of its articles where the form takes the article: the accusative never does


def takes_pronouns(form: str, articles: int) -> bool:
    """Written with a possessive pronoun in a good share of its articles (عملياتها، جامعتها): a word
    of the language, which a construct state keeps from the article often enough to pass for a name
    (عمليات has it in a third of its articles), and whose look-alikes are other words
    (عمليات/عمولات، استقبال/استقبل). Names of people and places rarely take one."""
    return form in words_with_pronouns({form: articles})


def words_with_pronouns(counts: dict[str, int]) -> set[str]:
    """Of the forms given with their article counts, those `takes_pronouns` says are words."""
    if not counts:
        return set()
    forms = {form: with_pronouns(form) for form in counts}
    rows = SearchTerm.objects.filter(form__in=[other for others in forms.values() for other in others])
    found = dict(rows.values_list("form", "article_count"))
    return {
        form for form, others in forms.items() if sum(found.get(o, 0) for o in others) >= INFLECTED_SHARE * counts[form]
    }


def with_pronouns(form: str) -> list[str]:
    """The form with each possessive pronoun, as the archive folds them (جامعة -> جامعته)."""
    stem = form[:-1] + "ت" if form.endswith("ه") else form  # a ta marbuta is written ت before it
    # After a final ي, a ه is the feminine adjective, not a pronoun: زيمبابويه, الإنجليزية.
    return [stem + pronoun for pronoun in PRONOUNS if not (pronoun == "ه" and form.endswith("ي"))]


PRONOUNS = ("ه", "ها", "هم", "هما")
INFLECTED_SHARE = 0.05


def _same_kind(own: tuple[int, int] | None, articles: int, definite: int) -> bool:
    """Whether a candidate is a name as the query word is: a variant of a name without the article
    (أوباما) goes without it too, and one that always takes it (الدنمارك) always does: اباما is
    ألاباما, not Obama. Common nouns are never candidates."""
    if is_common_noun(articles, definite):
        return False
    return own is None or (definite >= DEFINITE_NAME_SHARE * articles) == (own[1] >= DEFINITE_NAME_SHARE * own[0])


def _nisba_of_name(form: str) -> str:
    """The adjective ending (ي، ية، يون، يين) if the form is the adjective of a name: الأمريكية
    takes the article as a common noun does, but is spelled as variously as أمريكا/أميركا."""
    return _nisba_of_names([form]).get(form, "")


def _nisba_of_names(forms: list[str]) -> dict[str, str]:
    """`_nisba_of_name` for many forms, with one query."""
    bases = {}
    for form in forms:
        ending = next((e for e in NISBA_ENDINGS if form.endswith(e) and len(form) - len(e) >= MIN_FORM - 1), "")
        base = form[: -len(ending)] if ending else ""
        if base and len(skeleton(base)) >= MIN_SKELETON:  # three letters are an Arabic root: التركية/الترقية
            bases[form] = (base, ending)
    if not bases:
        return {}
    names = {
        name
        for name, count, definite in SearchTerm.objects.filter(
            form__in=[name for base, _ in bases.values() for name in (base, base + "ا")]
        ).values_list("form", "article_count", "definite_count")
        if count >= MIN_NAME_ARTICLES and not is_common_noun(count, definite)
    }
    return {form: ending for form, (base, ending) in bases.items() if {base, base + "ا"} & names}


def _other_words(form: str, lexemes: tuple[str, ...], candidates: list[Variant]) -> set[str]:
    """Lexemes of candidates that are another word with a suffix or a proclitic, that word being
    more common than the candidate itself: بينكين stems to بينك ("between you"), بايران is
    ب + ايران ("in Iran", not بايرن), and matching them would find other words."""
    stems = {v.lexeme: v for v in candidates if v.lexeme != v.form}
    # A candidate is read as a proclitic and a word as `compile.meant` reads a query word: by where
    # that word is written alone (بوتن is in every وبوتن's count too). بالتمور is ب + التمور, not
    # بالتيمور, by the article's counts.
    bare = {v.form[1:]: v for v in candidates if v.form[0] in PROCLITICS}
    bare_article = {strip_article(v.form): v for v in candidates if v.form.startswith(COMPOUND_ARTICLES)}
    own_stems = [lexeme for lexeme in lexemes if lexeme != form and form.startswith(lexeme)]
    own_bare = [form[1:]] if form[0] in PROCLITICS else []
    rows = SearchTerm.objects.filter(form__in=[*stems, *bare, *bare_article, *own_stems, *own_bare, form])
    found, written = {}, {}
    for word, articles, alone in rows.values_list("form", "article_count", "written_count"):
        found[word], written[word] = articles, alone
    # A name indexed with a suffix stemmed off (غابون as غاب + ون) has variants stemmed alike
    # (جابون): they are another word only if their stem is more common beside them than the
    # query word's is beside it.
    own_ratio = max((found.get(stem, 0) / max(found.get(form, 0), 1) for stem in own_stems), default=0)
    # A query word that could be read with a proclitic too, and is read whole (بيونغ, though يونغ
    # is a word), reads whole the candidates that start as it does: بيونج is not ب + يونج. Not
    # where its bare form is written nowhere alone: باتمان is no ب + اتمان, but باثمان is ب + أثمان.
    whole = any(written.get(word, 0) for word in own_bare)
    return (
        {stem for stem, v in stems.items() if found.get(stem, 0) >= max(1, own_ratio) * v.article_count}
        | {
            v.lexeme
            for word, v in bare.items()
            if written.get(word, 0) > bare_reading_factor(v.form) * v.article_count
            and not (whole and v.form[0] == form[0] and _sounds_alike(form[1:], v.form[1:]))
        }
        | {
            v.lexeme
            for word, v in bare_article.items()
            if found.get(word, 0) > ARTICLE_READING_FACTOR * v.article_count
        }
        | _lexemes_of_commoner_words(form, lexemes, candidates)
    )


def _lexemes_of_commoner_words(form: str, lexemes: tuple[str, ...], candidates: list[Variant]) -> set[str]:
    """Lexemes of candidates under which the index holds another, commoner word: a variant is
    matched by its lexeme, and جريمي (for جيريمي) is held under جريم with جريمة's 1,796 articles,
    هولند (for هولاند) with هولندي's 615, ادين (for إيدين) under اد with أدى's 4,335, سيرغ (for
    سيرج) with سيرغي's 668. Scaled as `_other_words` scales a stem: a query word whose own lexeme
    holds commoner forms (غابون under غاب) admits candidates held alike (جابون under جاب)."""
    if not candidates:
        return set()
    spellings = {form} | {v.form for v in candidates}
    held: dict[str, int] = {}
    rows = SearchTerm.objects.filter(lexeme__in={v.lexeme for v in candidates} | set(lexemes))
    for lexeme, other, articles in rows.values_list("lexeme", "form", "article_count"):
        if other not in spellings:
            held[lexeme] = max(held.get(lexeme, 0), articles)
    own = _usage(form)
    # A name whose stem is a commoner word is matched as written (compile.searched_lexeme): its
    # stem's other words are not the query's, and scale nothing (إيدين, held under ايد with أيدي).
    searched = [lexeme for lexeme in lexemes if not name_cut_into_another_word(form, lexeme)]
    ratio = max(1.0, max((held.get(lexeme, 0) for lexeme in searched), default=0) / max(own[0] if own else 0, 1))
    spelled: dict[str, int] = {}  # lexeme -> the articles of the candidates held under it
    for v in candidates:
        spelled[v.lexeme] = spelled.get(v.lexeme, 0) + v.article_count
    return {lexeme for lexeme, articles in spelled.items() if held.get(lexeme, 0) > ratio * articles}


def read_as_other_words(candidates: list[Variant]) -> set[str]:
    """Candidates that are another word read otherwise, looked up in one query:
    - held mostly as the second reading of a word that starts with a proclitic's letter (analysis:
      such a token is indexed whole and without that letter): ارتر's 174 articles are كارتر's 178
      (ك + ارتر), and brought Carter to a query for Arthur (آرثر); ريدمان's 57 are فريدمان's. A
      spelling written bare is used far more often bare than with any one proclitic: of the
      spellings the variant samples judge the same name, none in 10 articles or more has a
      proclitic's form in more than 0.37 of its count (ونيوزيلندا); rarer ones are left alone
      (ولاتفايا is Latvia's one article written so);
    - و/ب/ك/ف + ال + a word written nearly always with the article and used more than they are:
      والكويت is «and Kuwait» (373 articles, الكويت 1,416), not a spelling of والكوت (Walcott),
      which brought it. A name starting with those letters leaves a rare word, or one without the
      article (والتر: تر, بالمر: مر)."""
    inside = {proclitic + v.form: v for v in candidates for proclitic in PROCLITICS}
    article = {strip_article(v.form): v for v in candidates if v.form.startswith(COMPOUND_ARTICLES)}
    rows = SearchTerm.objects.filter(form__in=inside.keys() | article.keys())
    found = set()
    for form, articles, definite in rows.values_list("form", "article_count", "definite_count"):
        if form in inside and articles >= max(MIN_NAME_ARTICLES, SECOND_READING_SHARE * inside[form].article_count):
            found.add(inside[form].form)
        if form in article and articles > article[form].article_count and definite >= DEFINITE_NAME_SHARE * articles:
            found.add(article[form].form)
    return found


SECOND_READING_SHARE = 0.8


def _sounds_alike(form: str, other: str) -> bool:
    return sound_skeleton(form, SPELLED_SOUNDS) == sound_skeleton(other, SPELLED_SOUNDS)


def is_variant(form: str, other: str) -> bool:
    """Whether `other` may be another spelling of `form`, not another word."""
    if other[0] in PROCLITICS and (other[1:] == form or skeleton(other[1:]) == skeleton(form)):
        return False  # the same word with و/ب/ل…: matched already through its bare reading
    consonants = len(skeleton(form))  # as written: ناتشو has four, though its ch is one sound
    form, other = form.replace(*CH_AS_ONE), other.replace(*CH_AS_ONE)
    if form[0] != other[0] and not any({form[0], other[0]} <= letters for letters in FIRST_LETTERS):
        return False  # ساندرز/زاندرز: a name's first sound is written one way
    edits = spelling_edits(form, other)
    if edits > (1 if min(len(form), len(other)) <= SHORT_FORM else MAX_EDITS):
        return False
    if form[-1] in FINAL_VOWELS and form[-2:] != other[-2:] and not _g_written_otherwise(form[-2:], other[-2:]):
        # فرنسا/فرنسوا/فرنسيا: around a final vowel, a letter more is grammar or another name; a g
        # written the other way is not (لويجي/لويغي, كارنيجي/كارنيغي, اولغا/اولجا).
        return False
    # Long vowels, or letters that transliterate one sound (غوارديولا/جوارديولا, غوتيريش/غوتيريس).
    if consonants < MIN_SKELETON:
        return consonants >= G_SKELETON and _g_written_otherwise(form, other)
    if not _sounds_alike(form, other):
        return False
    # A vowel written or left out is spelling (ترمب/ترامب); a vowel changed is another name
    # (ميركل/ماركل, رونالدو/رينالدو, كلينتون/كلانتون), and so is a vowel dropped after a vowel.
    return all(
        (_within(a, b) or _within(b, a)) and not _syllable_dropped(a, b)
        for a, b in zip(_vowels(form), _vowels(other), strict=True)
    )


def _syllable_dropped(run: str, other: str) -> bool:
    """Whether one run of vowels is the other without the ا of a written «ia»: between consonants
    يا writes two vowels, and without the ا the name has a syllable less and is another name
    (اندرياس/اندريس Andreas and Andrés, كريستيان/كريستين, جوليان/جولين, مارتيان/مارتين). A long
    vowel may go unwritten where a short one is read in its place (ترامب/ترمب); after a vowel no
    short vowel is read, so the ا is not a spelling's choice but a sound."""
    short, long = sorted((run, other), key=len)
    return short.endswith("ي") and long == short + "ا"


def _g_written_otherwise(form: str, other: str) -> bool:
    """The same letters but for a foreign g, written غ in one and ج in the other (جونغ/جونج,
    شويغو/شويجو, غوغل/جوجل): so short a name may differ in nothing else."""
    differ = [{a, b} for a, b in zip(form, other, strict=False) if a != b]
    return len(form) == len(other) and bool(differ) and all(letters == G_LETTERS for letters in differ)


def _vowels(form: str) -> list[str]:
    """The runs of long vowels between the consonants of a form (first and last letter excluded)."""
    runs = [""]
    for letter in form[1:-1]:
        if letter in LONG_VOWEL_LETTERS:
            runs[-1] += letter
        else:
            runs.append("")
    return runs


def _within(short: str, long: str) -> bool:
    """Whether `short` is `long` with some letters left out."""
    letters = iter(long)
    return all(letter in letters for letter in short)


FINAL_VOWELS = "ايءه"  # not و: مورينيو/مورينو are one name
LONG_VOWEL_LETTERS = "اويء"


def spelling_edits(a: str, b: str) -> int:
    """Letters to change between two spellings, a g written غ or ج counting as one letter."""
    return edit_distance(a.translate(G_AS_ONE), b.translate(G_AS_ONE))


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance (small words, so the plain dynamic programme is fine)."""
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b)))
        previous = current
    return previous[-1]


def counted_under(lexeme: str) -> dict[str, Counted]:
    """What the vocabulary counts of each form the index holds under a lexeme."""
    rows = SearchTerm.objects.filter(lexeme=lexeme, article_count__gt=0).values_list("form", *COUNTED_COLUMNS)
    return {form: Counted(*row) for form, *row in rows}


def article_counts(forms: list[str]) -> dict[str, int]:
    return dict(SearchTerm.objects.filter(form__in=forms).values_list("form", "article_count"))


class Counted(NamedTuple):
    articles: int = 0
    written: int = 0  # articles where it is written as a word of its own
    bare_usage: float | None = None  # how alike it is used to itself without its first letter
    with_article: int = 0  # articles where it is written ال + the form, nothing else before it
    definite: int = 0  # articles where it takes the article, after a proclitic or not


COUNTED_COLUMNS = ("article_count", "written_count", "bare_usage", "with_article_count", "definite_count")


def counted(forms: list[str]) -> dict[str, Counted]:
    """What the vocabulary counts of each form (SearchTerm)."""
    rows = SearchTerm.objects.filter(form__in=forms).values_list("form", *COUNTED_COLUMNS)
    return {form: Counted(*row) for form, *row in rows}


def suggestions(form: str, limit: int = 5) -> list[str]:
    """The nearest indexed spellings of a word that found nothing, most frequent first."""
    if len(form) < 3:
        return []
    with connection.cursor() as cursor:
        _similarity_threshold(cursor, SUGGESTION_SIMILARITY)
        cursor.execute(
            "SELECT display FROM articles_searchterm WHERE form %% %s AND form <> %s AND article_count > 0 "
            "ORDER BY similarity(form, %s) DESC, article_count DESC LIMIT %s",
            [form, form, form, limit],
        )
        return [row[0] for row in cursor.fetchall()]


def _similarity_threshold(cursor, value: float) -> None:
    """The trigram similarity above which `%` matches, for this session (the index honours it)."""
    cursor.execute("SELECT set_config('pg_trgm.similarity_threshold', %s, false)", [str(value)])

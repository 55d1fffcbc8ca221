"""Which words of a headline are names (people, places, organisations): a light extractor.

Arabic has no capital letters, so a name is told from how the archive uses the word, read from
search's vocabulary (SearchTerm: every indexed form, the articles using it, and how many of them
write it with the definite article):
- A name rarely takes the article (ترامب، عسير، واشنطن); a common noun often does (الحملة، الوفاة).
  Some places always take it (الهند، الصين، الموصل): those are names too, shown with it.
- A headline's verbs never take the article either. A verb in the present (تعلن، تطلق، تكشف) is
  known by its other persons in the archive (يعلن، نعلن) together with its past (أعلن).
- Neither do verbal nouns in a construct (ارتفاع الأسعار، مواجهة الفريقين). Their patterns are
  read with the verb the archive also uses: ارتفاع with ارتفع and يرتفع, إنهاء with أنهى and ينهي,
  إعادة with أعاد and يعيد, تطوير with يطور,
  مواجهة with يواجه, تراجع with يتراجع, سقوط with يسقط. A name of the same shape has no such verb
  beside it (إيران has no يرن), or far less of it than of itself.
- A noun with a possessive suffix (منصبه) is a noun the archive writes with the article (المنصب),
  and so is a plural in a construct (مقاتلي، لاعبو: المقاتلين، اللاعبون).
- An adverb of an adjective (داخليا، خليجيا) is rare beside its adjective (الداخلي، الداخلية); a
  country named like one (روسيا: الروسي، الروسية) is as common as its adjective.
- Numbers (with their duals: ألفا مزارع is two thousand farmers, and Wikidata has a person named
  Alfa), adverbs, prepositions and adjectives of degree are listed (NOT_NAMES).
Measured on hand labels (evaluation/events.py): see the README.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from articles.arabic import fold
from articles.search import analysis
from articles.search.vocabulary import NAME_DEFINITE_SHARE

ALWAYS_DEFINITE = 0.98  # ... or at least this share: a place that always takes it (الهند)
MIN_ARTICLES = 5  # below this, the archive says too little about how a word is written
VERB_EVIDENCE = 0.25  # a present verb's other persons, against the word's own articles (ت، ن)
PATTERN_EVIDENCE = 0.12  # a verbal noun's verb, against the noun's own articles
INFLECTION_EVIDENCE = 0.25  # a noun's other genders and numbers (حلبة beside حلب is another word)
# An adverb (داخليا) is in at most this share of the articles of its adjective (داخلي، داخلية);
# measured on the corpus: adverbs 0.02-0.08, countries (روسيا، إسبانيا، كرواتيا) 0.38-1.5.
ADVERB_SHARE = 0.25
COMMON_NOUN_DEFINITE = 0.3  # a noun under a suffix or an ending: the archive writes it with the article
POSSESSIVES = ("هما", "هم", "ها", "ه", "كم", "نا")
VERB_ENDINGS = ("ون", "ان", "وا", "ين")  # يقودون، يتفقان، خططوا
PRESENT_PREFIXES = "تين"
# A headline word is read without its prefix when the archive has it this much more often: names
# are found as often without their first letter as with it, only inside them (بيروت/يروت 0.92,
# بكين/كين 1.23), a noun after a preposition is found more often alone (بتهمة/تهمة 1.41). Some
# names are lost (فيصل/يصل 2.06).
BARE_READING = 1.3

# Words that never take the article but are not names: prepositions, adverbs, numbers, degrees,
# and honorifics always followed by what they honour (خادم الحرمين، ولي العهد، سمو الأمير).
NOT_NAMES = frozenset(
    fold(word)
    for word in """
    حول بعد قبل خلال ضد أمام عبر نحو منذ حتى لدى وسط بين دون رغم عقب إثر لقاء جديد أثناء بدون بلا
    بحق هكذا ماذا لماذا كيف متى أين غدا أمس مجددا أيضا حاليا رسميا قريبا فورا استعدادا تزامنا عاجل
    شاهد فيديو صور مليار مليارات مليون ملايين ألف آلاف ألفا ألفي مليونا مليوني مليارا ملياري أكبر أكثر أقل أعلى أدنى أفضل أهم أبرز أول آخر
    أقوى أسوأ أحدث أطول أسرع أغلى أقرب أبعد شخصين شخصا ربما سوف فقط لست لن ولن عفوا قبالة بفضل بحلول
    مرات معظم بأي لأي لبعض جراء طوال كيفية بشأن تحت والذي يجب أوسط إنترنت
    ثاني ثالث رابع خامس سادس سابع ثامن تاسع عاشر ثانية ثالثة
    رابعة خامسة سادسة سابعة ثامنة تاسعة عاشرة نحن معا وراء سبيل لديها معها لنا لكم منا عنا علينا بنا
    فينا معنا إلينا معه معهم لديه لديهم لدينا أغلب غالبية
    خادم ولي سمو صاحب معالي فخامة جلالة سماحة
    يناير فبراير مارس أبريل إبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر جانفي فيفري أفريل
    ماي جوان جويلية أوت كانون شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين
    """.split()  # noqa: SIM905 - a block of words reads better than a list of 100 strings
)

# Prepositions that fold into a name's spelling (على as علي): told apart by how they are written.
NOT_NAMES_WITH_ALIF_MAQSURA = frozenset({"علي", "الي"})


@dataclass
class Lexicon:
    """What the archive's vocabulary says about some word forms: (articles, with the article)."""

    counts: dict[str, tuple[int, int]] = field(default_factory=dict)
    headlines: dict[str, list[Name]] = field(default_factory=dict)  # names_in, as found

    def load(self, forms) -> None:
        """Read the forms not read yet (one query)."""
        from django.db import connection, transaction

        wanted = {form for form in forms if form not in self.counts}
        if not wanted:
            return
        # One array parameter (`form__in` quotes each form apart), joined to the table rather than
        # tested with `= ANY(...)`, which scans every row against the list while the statistics of
        # a growing table lag behind (minutes). Joined, PostgreSQL may prefer the trigram index for
        # the equality, at 2.5 ms a form against 2 microseconds on the form's own index: bitmap
        # scans (which the trigram index needs) are off for this one query.
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SELECT current_setting('enable_bitmapscan'), set_config('enable_bitmapscan', 'off', true)")
            ((kept, _),) = cursor.fetchall()
            cursor.execute(
                "SELECT t.form, t.article_count, t.definite_count "
                "FROM unnest(%s::text[]) AS wanted(form) JOIN articles_searchterm AS t ON t.form = wanted.form",
                [list(wanted)],
            )
            found = cursor.fetchall()
            cursor.execute("SELECT set_config('enable_bitmapscan', %s, true)", [kept])
        self.counts.update({form: (articles, definite) for form, articles, definite in found})
        self.counts.update({form: (0, 0) for form in wanted if form not in self.counts})

    def articles(self, form: str) -> int:
        return self.counts.get(form, (0, 0))[0]

    def definite_share(self, form: str) -> float:
        articles, definite = self.counts.get(form, (0, 0))
        return definite / articles if articles else 0.0

    def always_definite(self, form: str) -> bool:
        return self.articles(form) >= MIN_ARTICLES and self.definite_share(form) >= ALWAYS_DEFINITE


class Name(NamedTuple):
    form: str  # folded, as search reads it
    written: str  # as the headline writes it (with its article, for a place that always takes it)


def names_in(title: str, lexicon: Lexicon) -> list[Name]:
    """The names of a headline, in order; `lexicon` has read it (read_titles)."""
    if title not in lexicon.headlines:
        lexicon.headlines[title] = _names_in(title, lexicon)
    return lexicon.headlines[title]


def shared_lexicon() -> Lexicon:
    """A Lexicon kept by the process for CACHE_SECONDS: ingest reads the names of the same recent
    headlines batch after batch, and the vocabulary's counts change slowly."""
    if _shared["until"] < time.monotonic() or len(_shared["lexicon"].headlines) > MAX_SHARED_HEADLINES:
        _shared.update(lexicon=Lexicon(), until=time.monotonic() + CACHE_SECONDS)
    return _shared["lexicon"]


CACHE_SECONDS = 600
MAX_SHARED_HEADLINES = 200_000
_shared: dict = {"until": 0.0, "lexicon": None}


def _names_in(title: str, lexicon: Lexicon) -> list[Name]:
    found = []
    for readings in _title_words(title):
        word = _meant(readings, lexicon)
        if word.surface.endswith("ى") and word.form in NOT_NAMES_WITH_ALIF_MAQSURA:
            continue  # على، إلى, folded as the names علي، الي
        if not is_name(word.form, lexicon):
            continue
        if lexicon.always_definite(word.form):  # الهند: a name only with its article
            if word.definite:
                found.append(Name(word.form, "ال" + analysis.display(word.surface, word.form)))
        else:
            found.append(Name(word.form, analysis.display(word.surface, word.form)))
    return found


def read_titles(titles: Iterable[str], lexicon: Lexicon) -> None:
    """Read into `lexicon` what names_in needs to know of these headlines' words (two queries;
    none for headlines whose names it has found already)."""
    words = [readings for title in titles if title not in lexicon.headlines for readings in _title_words(title)]
    lexicon.load({reading.form for readings in words for reading in readings})
    candidates = {_meant(readings, lexicon).form for readings in words}
    lexicon.load({other for form in candidates if may_be_name(form) for other in related(form)})


class TitleWord(NamedTuple):
    form: str
    surface: str  # the word as the title writes it
    definite: bool
    whole: bool


@lru_cache(maxsize=30_000)
def _title_words(title: str) -> tuple[tuple[TitleWord, ...], ...]:
    """For each word of a headline, its readings (an event is named again from the same titles
    whenever an article joins it)."""
    return tuple(
        tuple(TitleWord(r.form, title[word.start : word.end], r.definite, r.whole) for r in word.readings)
        for word in analysis.words(title)
    )


def _meant(readings: tuple[TitleWord, ...], lexicon: Lexicon) -> TitleWord:
    """The reading of a headline word: as written, unless the archive has the word without its
    prefix in more articles (BARE_READING): لبوتين is ل+بوتين, بتهمة is ب+تهمة, بوتين a name."""
    if len(readings) == 1:
        return readings[0]
    literal = readings[-1] if len(readings) == 2 and readings[-1].whole else readings[0]
    bare = readings[0] if literal.whole else readings[1]
    return bare if lexicon.articles(bare.form) >= BARE_READING * lexicon.articles(literal.form) else literal


def may_be_name(form: str) -> bool:
    """The tests needing no archive: letters only, long enough, not a listed word."""
    return len(form) >= 3 and form.isalpha() and form not in NOT_NAMES


def related(form: str) -> list[str]:
    """The forms whose counts decide whether `form` is a name (see is_name)."""
    stems = [*_verb_stems(form), *(_verb_stems(form[1:]) if form.startswith("س") else [])]
    verbs = [other for stem in stems for other in (*_other_persons(stem), *_pasts(stem))] + _presents_of_past(form)
    adjectives = [form + "ه", form[:-1], *_adjectives_of_adverb(form)]
    return [
        *verbs,
        *_verbs_of_pattern(form),
        *_possessed(form),
        *_accusative(form),
        *adjectives,
        *_inflections(form),
        *_plurals_in_construct(form),
    ]


def is_name(form: str, lexicon: Lexicon) -> bool:
    """Whether a headline word (its folded form, read as meant) is a name; `lexicon` must hold
    the form and its `related` forms."""
    if not may_be_name(form):
        return False
    articles = lexicon.articles(form)
    if lexicon.always_definite(form):
        return not _is_adjective(form, articles, lexicon)
    if articles and lexicon.definite_share(form) > NAME_DEFINITE_SHARE:
        return False
    if _is_present_verb(form, articles, lexicon) or _is_future_verb(form, articles, lexicon):
        return False
    if sum(lexicon.articles(present) for present in _presents_of_past(form)) >= max(3, PATTERN_EVIDENCE * articles):
        return False
    if any(_common_noun(base, articles, lexicon) for base in _possessed(form)):
        return False
    if any(lexicon.articles(base) >= articles and _common_noun(base, articles, lexicon) for base in _accusative(form)):
        return False
    if _is_adverb(form, articles, lexicon) or _is_plural_in_construct(form, articles, lexicon):
        return False
    if sum(lexicon.articles(other) for other in _inflections(form)) >= max(3, INFLECTION_EVIDENCE * articles):
        return False
    verbs = sum(lexicon.articles(verb) for verb in _verbs_of_pattern(form))
    return not (verbs and verbs >= max(3, PATTERN_EVIDENCE * articles))


def _is_future_verb(form: str, articles: int, lexicon: Lexicon) -> bool:
    """سيعلن: س with a present verb."""
    return form.startswith("س") and _is_present_verb(form[1:], articles, lexicon)


def _is_present_verb(form: str, articles: int, lexicon: Lexicon) -> bool:
    """تعلن with يعلن and أعلن. The third person masculine (يعلن) is the commonest: its others
    need only be there (names starting with ي, يوسف، يوفنتوس, have none). Its plural (يمتطون) is a
    verb whatever the archive says: the corpus's sixty commonest such forms are all verbs but one
    plural adjective (يمنيون)."""
    if form[0] == "ي" and form.endswith("ون") and len(form) >= 5:
        return True
    for stem in _verb_stems(form):
        persons = sum(lexicon.articles(other) for other in _other_persons(stem))
        needed = 2 if stem[0] == "ي" else max(2, VERB_EVIDENCE * articles)
        if persons >= needed and any(lexicon.articles(past) >= 2 for past in _pasts(stem)):
            return True
        if persons >= max(2, articles / 2):  # يلتقي: تلتقي، نلتقي (its past التقى reads as ال+تقى)
            return True
    return False


def _is_adjective(form: str, articles: int, lexicon: Lexicon) -> bool:
    """الإسرائيلي beside الإسرائيلية (an adjective takes both genders; a family name, السبيعي, not)."""
    other = form + "ه" if form.endswith("ي") else form[:-1] if form.endswith("يه") else ""
    return bool(other) and lexicon.articles(other) >= PATTERN_EVIDENCE * articles


def _is_adverb(form: str, articles: int, lexicon: Lexicon) -> bool:
    adjectives = sum(lexicon.articles(adjective) for adjective in _adjectives_of_adverb(form))
    return adjectives >= MIN_ARTICLES and articles <= ADVERB_SHARE * adjectives


def _adjectives_of_adverb(form: str) -> list[str]:
    """داخليا: داخلي، داخلية (the adjective's two genders)."""
    return [form[:-1], form[:-1] + "ه"] if form.endswith("يا") and len(form) >= 5 else []


def _is_plural_in_construct(form: str, articles: int, lexicon: Lexicon) -> bool:
    """مقاتلي beside المقاتلين; not ماكرو beside ماكرون, a name that never takes the article."""
    return any(
        lexicon.articles(plural) >= max(3, INFLECTION_EVIDENCE * articles)
        and lexicon.definite_share(plural) > COMMON_NOUN_DEFINITE
        for plural in _plurals_in_construct(form)
    )


def _plurals_in_construct(form: str) -> list[str]:
    """مقاتلي: مقاتلين; لاعبو: لاعبون."""
    return [form + "ن"] if form.endswith(("ي", "و")) and len(form) >= 4 else []


def _common_noun(base: str, articles: int, lexicon: Lexicon) -> bool:
    base_articles = lexicon.articles(base)
    return base_articles >= MIN_ARTICLES and (
        lexicon.definite_share(base) > COMMON_NOUN_DEFINITE or base_articles >= 2 * articles
    )


def _presents_of_past(form: str) -> list[str]:
    """A past verb of a feminine subject (أطلقت، بلغت، خالفت): its present (يطلق، يبلغ، يخالف)."""
    if not form.endswith("ت") or len(form) < 4:
        return []
    past = form[:-1]
    return ["ي" + past[1:], "ت" + past[1:]] if past[0] == "ا" else ["ي" + past, "ت" + past]


def _verb_stems(form: str) -> list[str]:
    """The form, and without a plural or dual ending (يقودون: يقود)."""
    if form[0] not in PRESENT_PREFIXES or len(form) < 3:
        return []
    if form[0] == "ن":  # نجران is not نجر + ان
        return [form]
    return [form] + [form[: -len(e)] for e in VERB_ENDINGS if form.endswith(e) and len(form) - len(e) >= 4]


def _other_persons(form: str) -> list[str]:
    """تعلن: يعلن، نعلن (the present of the other persons), for a stem of `_verb_stems`."""
    return [prefix + form[1:] for prefix in PRESENT_PREFIXES if prefix != form[0]]


def _pasts(form: str) -> list[str]:
    """تعلن: أعلن (folded اعلن); تكشف: كشف; يؤثر: أثر, for a stem of `_verb_stems`."""
    return ["ا" + form[1:], form[1:], "ا" + form[2:]] if form[1] == "ؤ" else ["ا" + form[1:], form[1:]]


def _verbs_of_pattern(form: str) -> list[str]:
    """The verb beside a verbal noun of a derived pattern."""
    verbs = []
    if form[0] == "ا" and len(form) >= 5 and form[-2] == "ا":  # ارتفاع: ارتفع، يرتفع، ترتفع
        stem = form[1:-2] + form[-1]
        verbs += [form[:-2] + form[-1], "ي" + stem, "ت" + stem]
    if form[0] == "ا" and len(form) == 5 and form.endswith("اء"):  # إنهاء: أنهى، ينهي، تنهي
        verbs += ["ا" + form[1:3] + "ي", "ي" + form[1:3] + "ي", "ت" + form[1:3] + "ي"]
    if form[0] == "ا" and len(form) == 5 and form[2] == "ا" and form[-1] == "ه":  # إعادة: أعاد، يعيد، تعيد
        verbs += [form[:2] + "ا" + form[3], "ي" + form[1] + "ي" + form[3], "ت" + form[1] + "ي" + form[3]]
    if form[0] == "ت" and len(form) == 5 and form[-2] == "ي":  # تطوير: يطور
        verbs.append("ي" + form[1:-2] + form[-1])
    if form[0] == "ت" and len(form) >= 5 and form[2] == "ا":  # تراجع: يتراجع
        verbs.append("يت" + form[1:])
    if form[0] == "م" and form[-1] == "ه" and len(form) >= 5 and form[2] == "ا":  # مواجهة: يواجه
        verbs.append("ي" + form[1:-1])
    if len(form) == 4 and form[2] == "و":  # سقوط: يسقط، تسقط
        verbs += ["ي" + form[:2] + form[3], "ت" + form[:2] + form[3]]
    if len(form) == 3:  # رفع: يرفع، ترفع
        verbs += ["ي" + form, "ت" + form]
    return verbs


def _inflections(form: str) -> list[str]:
    """Other genders and numbers of a noun or adjective: جاهز، جاهزة، جاهزون; ضربة، ضربات. Names
    have none (ترامب، عسير). Three letters are too few to tell (جدة beside جد)."""
    if len(form) < 4:
        return []
    if form.endswith("ه"):
        return [form[:-1], form[:-1] + "ات"]
    if form.endswith(("ات", "ون", "ين")):
        stem = form[:-2]
        return [stem, stem + "ه"] if len(stem) >= 3 else []
    return [form + "ه", form + "ات", form + "ون", form + "ين"]


def _accusative(form: str) -> list[str]:
    """أرباحا: أرباح (an indefinite noun's accusative; not روسيا, whose روسي is an adjective)."""
    return [form[:-1]] if form.endswith("ا") and not form.endswith("يا") and len(form) >= 4 else []


def _possessed(form: str) -> list[str]:
    """منصبه: منصب; زوجته: زوجه (a ta marbuta before a suffix is written ت)."""
    bases = []
    for suffix in POSSESSIVES:
        if form.endswith(suffix) and len(form) - len(suffix) >= 3:
            base = form[: -len(suffix)]
            bases += [base, base[:-1] + "ه"] if base.endswith("ت") else [base]
    return bases

"""The analyzer: the same normalization and light stemming for documents and queries.

Text is folded (`articles.arabic.fold`), cut into letter runs and digit runs, stripped of the
definite article with its proclitics (ال وال بال كال فال لل) and of light10's suffixes (but ان, and
not from the names of a small gazetteer, which light stemming would cut into other words); an
alef written with a hamza (ألمانيا، إلغاء) is the word's own, not the article's. A word
that may carry a one-letter proclitic (و ف ب ك ل) is indexed under both readings at the same
position, because the letter is as often part of a name (بوتين، فرانس) as a prefix (لبوتين): the
stock Snowball stemmer guesses, and names lose their first letter. So is a word that may carry
one with the article (والتر، بالمر، فالنسيا are names; والحكومة is و + ال + حكومة).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from articles.arabic import HARAKAT, INVISIBLE, TATWEEL, fold
from articles.known_names import known_names, person_names
from articles.search.gazetteer import ADJECTIVE_STEMS, GIVEN_NAMES, PLACE_NAMES
from articles.search.senses import SENSES

# Bump when analysis changes: `manage.py index_search` then re-indexes older articles.
VERSION = 22  # 22: senses.py, 97 families more and 5 widened (stop 46); 21: لدينا, لديه... are function words (دينا is Dina, not «we have»); 20: «عن بعد» ("remote") indexed as one expression; 19: ڤ ڥ پ چ ژ گ ڨ ڭ folded (articles.arabic); 18: senses.py, 48 more; 17: senses.py, 48 families more; 16: a noun in ة with a pronoun (استقالته) also indexed under the noun's stem; 15: listed names cut into another word's stem also indexed as written; 14: آلية and آية no longer taken for the stop words إليه and أيه; 13: senses.py, سوري
# A token of the original text: letters with their marks, or digits. Offsets point into the text.
# Latin letters and digits together are one token (5G, G20, COVID19); Arabic words and numbers
# are apart (2030م is 2030 and م).
LATIN = "A-Za-z\u00c0-\u024f"
MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u0640\u200c\u200d"
LETTER = rf"[^\W\d_{LATIN}]"  # a letter of any script but the Latin one
# Letters and marks in any order, written as runs of letters between runs of marks: Python's
# regular expressions scan a run of one class much faster than an alternation repeated (a third
# less time for the same tokens, and most of the text is Arabic letters).
TOKEN = re.compile(rf"(?:{LETTER}|[{MARKS}]){LETTER}*(?:[{MARKS}]+{LETTER}*)*|[0-9{LATIN}]*[{LATIN}][0-9{LATIN}]*|\d+")
ARTICLE_PREFIXES = ("وال", "بال", "كال", "فال", "لل", "ال")
COMPOUND_ARTICLES = ("وال", "بال", "كال", "فال")
# A token with two readings (لبوتين: ل + بوتين, or a name) is read as its bare word when the
# archive writes that word on its own this much more often (compile.meant): بقيادة (2,092 articles)
# is ب + قيادة (3,839), on the corpus.
BARE_READING_FACTOR = 1.5
# ك ("like") and ف ("so") go before a noun far more rarely than و, ب and ل: of the corpus's common
# nouns, nine in ten are written with ك in under 0.6% of their articles, with ف under 0.3%, against
# 6 to 10% with و, ب or ل. A word read after them needs to be this much commoner again: كروس is
# Kroos (123 articles), not ك + روس (908), and فورد Ford (117), not ف + ورد (1,276).
RARE_PROCLITICS, RARE_PROCLITIC_FACTOR = "كف", 10
# Where the archive's usage was measured (articles.spellings.readings), a word is read as a
# proclitic and the rest only if it is used as alike as this to the rest: read on the corpus,
# بقيادة/قيادة 0.50 and لفرنسا/فرنسا 0.56 are, بيبي/يبي 0.43, بايدن/ايدن 0.34 and كروس/روس 0.27 not.
BARE_USAGE = 0.45
# و/ب/ك/ف + ال: a noun is written with them in one article in 5 to 30 of those using it (بالرياض
# 5.9, والسعودية 14.5, والحكومة 25.5, on the corpus); a name, at once (والتر 4.9, فالنسيا 1.2).
ARTICLE_READING_FACTOR = 5
PROCLITICS = "وفبكل"


def bare_reading_factor(word: str) -> float:
    """How many times more often than `word` its bare form must be written alone for `word` to be
    read as a proclitic and that form (compile.meant)."""
    return BARE_READING_FACTOR * (RARE_PROCLITIC_FACTOR if word[0] in RARE_PROCLITICS else 1)


# Light10's suffixes but ان: in news it ends far more names and nouns than duals. Stripped, بيان
# ("statement") became بي, طالبان "students", سلطان "authorities" (سلطات), عمران عمر, لبنان لبن:
# of the 120 forms in ان most used on the corpus, six were duals (فريقان، طرفان، جانبان).
SUFFIXES = ("ها", "ات", "ون", "ين", "يه", "ه", "ي")
LONG_VOWELS = str.maketrans("", "", "اويء")

# Function words. Never indexed; ignored in queries outside quotes. Folded, على becomes علي,
# which is also the name Ali: it stays indexed.
STOP_WORDS = frozenset(
    fold(word)
    for word in """
    في فى من الى على عن مع ان او ام ثم هذا هذه ذلك تلك هولاء هاولاء التي التى الذي الذين اللذين اللتين
    اللواتي اللاتي كان كانت يكون تكون كانوا قد لقد لا ما لم لن هو هي هم هن انه انها الا اذا اذ كل بعض غير
    بين حتى عند منذ خلال حيث كما ايضا لكن بل اي ايه وفي ومن وعلى والى وعن وان وقد ولا وما ولم وهو وهي
    وهذا وهذه وكان وكانت ذلك وذلك فيه فيها منه منها عليه عليها اليه اليها عنه عنها به بها له لها لهم
    وهم التي كذلك بعد قبل امام دون لدى نحو ضمن عبر وفق وبين وبعد وقبل وخلال وكل ومع او وهناك هناك هنا
    لدينا لديه لديها لديهم لديهما لديك لديكم
    """.split()  # noqa: SIM905 - a block of words reads better than a list of 120 strings
    if fold(word) != "علي"
)
# Function words that make a phrase of their own, as in التعليم عن بعد ("distance learning"),
# العمل عن بعد, الاستشعار عن بعد: never indexed alone, a query of them found every article under
# its other word (تعليم). The index holds the pair under one lexeme, at its second word's place.
EXPRESSIONS = {("عن", "بعد"): "عن بعد"}
# Folded, على (on) is written as علي (Ali): as the text writes it, with ى, it is the preposition.
PREPOSITION_ALA = frozenset({"علي", "وعلي", "فعلي"})
MIN_STEM = 2
FORM_MARK = "="
# No word is longer; a longer token (a run of letters in a hostile page or query) is not indexed,
# and PostgreSQL refuses lexemes of 2,047 bytes or more.
MAX_WORD = 100


class Reading(NamedTuple):
    """One way to read a token: its lexeme, and its form (folded, without the definite article),
    which is what spelling variants are looked up from."""

    lexeme: str
    form: str
    definite: bool = False  # written with the definite article (الرياض): common nouns mostly are
    whole: bool = False  # the whole token as one word, though it reads as و/ب/ك/ف + ال + word


class Word(NamedTuple):
    """One token of a text: where it is, and its readings (the literal reading first)."""

    position: int
    start: int
    end: int
    readings: tuple[Reading, ...]

    @property
    def lexemes(self) -> set[str]:
        return {reading.lexeme for reading in self.readings}


def words(text: str) -> list[Word]:
    """The indexed tokens of a text, stop words left out (their positions still count)."""
    found = []
    for position, match in enumerate(TOKEN.finditer(text)):
        readings = analyse(match.group())
        if readings:
            found.append(Word(position, match.start(), match.end(), readings))
    return found


def expression(previous: str, token: str) -> str:
    """The lexeme of two function words that make a phrase of their own (EXPRESSIONS), or ""."""
    second = _folded(token)
    return EXPRESSIONS.get((_folded(previous), second), "") if second in _SECOND_WORDS else ""


@lru_cache(maxsize=200_000)
def _folded(token: str) -> str:
    return fold(token)


_SECOND_WORDS = frozenset(second for _, second in EXPRESSIONS)


@lru_cache(maxsize=200_000)
def analyse(token: str) -> tuple[Reading, ...]:
    """The readings of one token; none for a stop word or a lone Arabic letter."""
    folded = fold(token).replace(" ", "")
    if not folded or len(folded) > MAX_WORD or (len(folded) == 1 and not folded.isascii()):
        return ()
    if folded in STOP_WORDS and not _madda_first(token):
        return ()
    if folded in PREPOSITION_ALA and written(token).endswith("ى"):
        return ()  # على written with its alef maqsura is the preposition, never the name علي
    if folded.isdigit() or folded.isascii():
        return (Reading(folded, folded),)
    own_alef = _own_alef(token)
    form = folded if own_alef is not None else strip_article(folded)
    readings = [Reading(strip_suffixes(form), form, form != folded)]
    if form != folded and folded.startswith(COMPOUND_ARTICLES):
        # و/ب/ك/ف + ال, or a name that starts with those letters (والتر، بالمر، كالديرون، فالنسيا):
        # both are indexed, or والتر would be found by every word read as تر.
        readings.append(Reading(strip_suffixes(folded), folded, whole=True))
    elif folded[0] in PROCLITICS and len(folded) >= 4 and readings[0].form == folded:
        # و/ف/ب/ك/ل may be a proclitic: the other reading is indexed too.
        rest = folded[1:]
        if rest not in STOP_WORDS or _madda_first(token[1:]):
            bare = rest if own_alef == 1 else strip_article(rest)
            readings.append(Reading(strip_suffixes(bare), bare, bare != rest))
            if bare != rest and rest.startswith(COMPOUND_ARTICLES):  # وبالتيمور: و + بالتيمور
                readings.append(Reading(strip_suffixes(rest), rest, whole=True))
    if readings[-1].lexeme == readings[0].lexeme:
        del readings[1:]
    return tuple(readings)


def _own_alef(token: str) -> int | None:
    """Where the word's own alef is, if the token starts with one that folding would take for the
    article's: a hamza is never written on the article's alef, so ألمانيا, إلغاء, ألعاب and آلية
    keep their ال (0), and so do وألمانيا, بإلغاء after a proclitic (1). Folded, إلغاء was غاء
    and الإلغاء الغاء: the word with and without the article never met."""
    letters = written(token)
    if letters[:1] in HAMZATED_ALEFS:
        return 0
    if letters[:1] in PROCLITICS and letters[1:2] in HAMZATED_ALEFS:
        return 1
    return None


HAMZATED_ALEFS = "أإآ"


def _madda_first(token: str) -> bool:
    """Whether the word starts with آ: no function word does, but folded, آلية ("a mechanism") is
    إليه ("to him") and آية ("a verse") is أيه, and they were never indexed."""
    return written(token).startswith("آ")


def written(token: str) -> str:
    """A token's letters as written, before folding: harakat, tatweel and invisible marks dropped."""
    return INVISIBLE.sub("", HARAKAT.sub("", token)).replace(TATWEEL, "")


def form_lexeme(reading: Reading) -> str:
    """The lexeme under which a word's unstemmed form is indexed (when stemming changed it):
    ranking puts السعودية above سعود, which light stemming joins."""
    return reading.lexeme if reading.form == reading.lexeme else FORM_MARK + reading.form


def index_version() -> int:
    """What an article's `indexed_with` records: VERSION, or VERSION + NAMELESS where the foreign
    personal names were not there to read (articles.known_names) and fewer names are held as
    written: `manage.py index_search` indexes such articles again once the names are there (until
    it has, a query for such a name finds only the articles indexed with them)."""
    return VERSION if person_names() else VERSION + NAMELESS


NAMELESS = 1000


@lru_cache(maxsize=200_000)
def indexed(token: str) -> tuple[tuple[Reading, ...], tuple[str, ...]]:
    """A token's readings, and every lexeme the whole index holds it under: the readings', the
    noun's own stem where it carries a pronoun (`possessed_lexemes`), and the form as written
    where `written_lexeme` says so."""
    readings = analyse(token)
    written = [written_lexeme(r.form, r.definite) for r in readings]
    lexemes = [*(r.lexeme for r in readings), *possessed_lexemes(token, readings), *filter(None, written)]
    return readings, tuple(dict.fromkeys(lexemes))


# Pronouns after which a noun's ة is written ت (استقالة, استقالته، استقالتها), as written.
TA_PRONOUNS = ("تها", "ته")
MIN_POSSESSED = 3  # letters before the ت: بيته, صوته, وقتها are words in ت, not nouns in ة


def possessed_lexemes(token: str, readings: tuple[Reading, ...]) -> tuple[str, ...]:
    """The stems of a noun written with a pronoun that light stemming misses: a noun in ة takes
    the pronoun with ت, which is left on the stem (استقالته: استقالت, never found by استقالة,
    استقال), and a plural in ات takes ه after the suffix ات was looked for (تصريحاته: تصريحات, not
    تصريح). Read on the letters as written: ثابتة folds to ثابته and is a word in ت of its own. A
    verb with its object (زارته، نشرته) gets its own stem, زار and نشر."""
    letters = written(token)
    pronoun = next((p for p in TA_PRONOUNS if letters.endswith(p)), "")
    if not pronoun:
        return ()
    stems = []
    for reading in readings:
        noun = reading.form[: -len(pronoun)]
        if not reading.form.endswith(fold(pronoun)) or (len(noun) < MIN_POSSESSED and noun + "ه" not in SENSES):
            continue  # a short word in ت, unless senses.py knows it as a noun in ة (خطة: خطته)
        stems.append(strip_suffixes(noun + "ه"))  # the ة, folded
        if pronoun == "ته" and noun.endswith("ا") and len(noun) > MIN_POSSESSED:
            stems.append(strip_suffixes(noun + "ت"))  # or the plural in ات: تصريحاته
    return tuple(stem for stem in stems if stem not in {r.lexeme for r in readings})


@lru_cache(maxsize=200_000)
def written_lexeme(form: str, definite: bool = False) -> str:
    """The lexeme under which the whole index also holds a form as written, or "": a listed name
    (articles.known_names) that light stemming cuts into another word's stem, كيفين into كيف
    ("how"), ماكرون into ماكر, هيلي into هيل. Search matches such a name as written where the
    archive's usage says it is one, and a learned spelling of a name (كيفن/كيفين) is found through
    it. A form read with the article counts only where the list has it with the article (اليغري).
    Every listed form is held so, words of the language among them (ثاني، نادي): a few percent
    more entries in the index, and the analyzer never reads the database."""
    if not form or strip_suffixes(form) == form:
        return ""
    return FORM_MARK + form if (("ال" + form) if definite else form) in known_names() else ""


def strip_article(word: str) -> str:
    for prefix in ARTICLE_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= MIN_STEM:
            return word[len(prefix) :]
    return word


def strip_suffixes(word: str) -> str:
    """Light10's suffixes (Larkey et al.; see SUFFIXES), each at most once, off a word without its article."""
    if word in KEEP_WHOLE:
        return word
    adjective = country_adjective(word)
    if adjective:
        return adjective
    for suffix in SUFFIXES:
        if word in SENSES:  # عملية، and عملياتها once ها is off: not عمل
            return SENSES[word]
        if len(word) > len(suffix) + 1 and word.endswith(suffix):
            word = word[: -len(suffix)]
    return word


def country_adjective(word: str) -> str:
    """The lexeme of the adjective of a country named in يا (سوري، السورية، السوريين: سوري), or "".
    Light stemming would cut it to سور, "a wall", and a query for سوريا could not admit it."""
    for tail in ADJECTIVE_TAILS:
        if word.endswith(tail) and word[: -len(tail)] in ADJECTIVE_STEMS:
            return word[: -len(tail)] + "ي"
    return ""


ADJECTIVE_TAILS = ("يات", "يون", "يين", "يه", "ي")


# Names that light stemming would cut into other words (gazetteer.py: حسين حس, البحرين بحر, غازي
# غاز), kept whole. تركي is the adjective "Turkish" far more often than the name Turki.
KEEP_WHOLE = frozenset(strip_article(name) for name in GIVEN_NAMES | PLACE_NAMES) - {"تركي"}


def skeleton(form: str) -> str:
    """First and last letters, and the consonants between: transliterations of one name differ
    in their inner long vowels (a final ا or ي is grammar: فرنسا، فرنسي)."""
    return form[:1] + form[1:-1].translate(LONG_VOWELS) + form[-1:] if len(form) > 2 else form


# Letters that transliterate one foreign sound (g: غ ج ق ك; t: ت ط ث; s: س ص ش ز ذ ظ; d: د ض), and
# at the start of a name a silent h (هولاند/اولاند).
SOUNDS = str.maketrans(
    {"غ": "ج", "ق": "ج", "ك": "ج", "ط": "ت", "ث": "ت", "ص": "س", "ش": "س", "ز": "س", "ذ": "س", "ظ": "س", "ض": "د"}
)
FIRST_SOUNDS = {"ه": "ا"}


def sound_skeleton(form: str, sounds: dict = SOUNDS) -> str:
    """The skeleton with the letters of one foreign sound merged: what the spellings of one
    transliterated name share (غوارديولا/جوارديولا, انجلترا/انكلترا). The vocabulary is looked up by it;
    `sounds`, a finer table, says which of those letters spellings exchange (vocabulary.SPELLED_SOUNDS)."""
    bones = skeleton(form)
    return (FIRST_SOUNDS.get(bones[:1], bones[:1]) + bones[1:]).translate(sounds)


@lru_cache(maxsize=100_000)
def display(surface: str, form: str) -> str:
    """A form as the text wrote it (hamza and ta marbuta kept, harakat and tatweel dropped)."""
    letters = written(surface)
    tail = letters[len(letters) - len(form) :]
    return tail if len(letters) >= len(form) and fold(tail) == form else form

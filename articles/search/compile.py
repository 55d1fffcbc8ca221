"""From a parsed query to PostgreSQL tsqueries: the exact one, and one that admits variants.

Each word is looked up in the vocabulary: a word typed with a proclitic (لقرغيزستان) also
matches its bare reading when the archive uses that reading more, and words of four letters or
more admit their spelling variants. Exact matches rank above matches through a variant.
"""

from __future__ import annotations

import re
from collections import defaultdict
from contextvars import ContextVar
from dataclasses import dataclass, field

from articles.search import vocabulary
from articles.search.analysis import (
    ARTICLE_READING_FACTOR,
    BARE_USAGE,
    MIN_STEM,
    PROCLITICS,
    RARE_PROCLITICS,
    Reading,
    analyse,
    bare_reading_factor,
    form_lexeme,
    strip_suffixes,
    written_lexeme,
)
from articles.search.indexing import quote
from articles.search.query import Clause, ParsedQuery

PHRASE_OPERATOR = re.compile(r"<->|<\d+>")  # never inside a lexeme: those are letters and digits


@dataclass
class CompiledQuery:
    tsquery: str = ""  # exact words or their variants
    exact_tsquery: str = ""
    # With phrases and no exclusion: the words of each phrase in any order (see expressions.matching)
    loose_tsquery: str = ""
    forms_tsquery: str = ""  # the words as typed, unstemmed: a ranking boost
    lexemes: set[str] = field(default_factory=set)  # every lexeme that makes a match (for snippets)
    variants: list[str] = field(default_factory=list)  # other spellings admitted, as written
    # Spellings the reader asked not to admit (folded), and those of them the query would have admitted.
    refused: frozenset[str] = frozenset()
    declined: list[str] = field(default_factory=list)
    # An admitted spelling as written -> the table's pair it makes: (the query word's form, its own form)
    spelling_of: dict[str, tuple[str, str]] = field(default_factory=dict)
    unknown: list[str] = field(default_factory=list)  # query words not in the vocabulary at all
    # What ranking counts coverage by: one tsquery per concept (a group of the query), variants
    # admitted, and the word forms that concept was typed as (for how rare it is).
    concepts: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)
    together_tsquery: str = ""  # the plain words of the query side by side, as typed (a ranking signal)
    # A lexeme searched only where it is not the tail of another word (_held), and the lexeme alone.
    held: dict[str, str] = field(default_factory=dict)
    term: bool = False  # those words name one term (query.ParsedQuery.term): side by side ranks first

    def __bool__(self) -> bool:
        return bool(self.tsquery)

    def unheld(self, tsquery: str) -> str:
        """A tsquery with each held lexeme searched alone again: ts_rank cannot read a position test."""
        for term, lexeme in self.held.items():
            tsquery = tsquery.replace(term, lexeme)
        return tsquery

    def held_in(self, tsquery: str) -> str:
        """A tsquery of plain lexemes with the held ones searched as the query searches them."""
        for term, lexeme in self.held.items():
            tsquery = tsquery.replace(lexeme, term)
        return tsquery

    @property
    def ranked_tsquery(self) -> str:
        """What ts_rank reads: the query's words, and its forms as typed."""
        words = self.unheld(self.tsquery)
        return f"({words}) | {self.forms_tsquery}" if self.forms_tsquery else words


def compile_query(parsed: ParsedQuery, refused: frozenset[str] = frozenset()) -> CompiledQuery:
    """The tsqueries of a parsed query. `refused`: spellings (folded) the reader turned away from
    this search, such as a wrong merge (سلفا, "in advance", for سالفا كير): never admitted."""
    token = _readings.set({})  # a word in a phrase too is read once (meant)
    try:
        return _compiled(parsed, refused)
    finally:
        _readings.reset(token)


# The readings `meant` chose while one query is compiled: its words are read again in its phrases.
_readings: ContextVar[dict | None] = ContextVar("readings", default=None)


def _compiled(parsed: ParsedQuery, refused: frozenset[str]) -> CompiledQuery:
    compiled = CompiledQuery(refused=refused)
    if not parsed:
        return compiled
    full, exact = [], []
    for group in parsed.groups:
        terms = [_clause(clause, compiled) for clause in group]
        full.append(_any([f for f, _, _ in terms]))
        exact.append(_any([e for _, e, _ in terms]))
        forms = tuple(sorted({r.form for clause in group for slot in clause.slots if slot for r in slot}))
        compiled.concepts.append((_any([h for _, _, h in terms]), forms))
    for clause in parsed.excluded:
        excluded, _, _ = _clause(clause, CompiledQuery())
        full.append(f"!{excluded}")
        exact.append(f"!{excluded}")
    compiled.tsquery, compiled.exact_tsquery = " & ".join(full), " & ".join(exact)
    if any(clause.phrase for clause in parsed.clauses) or compiled.held:
        loose = compiled.unheld(compiled.tsquery)
        if "!" not in loose:
            compiled.loose_tsquery = PHRASE_OPERATOR.sub("&", loose)
    forms = sorted({quote(form_lexeme(as_written(slot))) for clause in parsed.clauses for slot in clause.slots if slot})
    compiled.forms_tsquery = " | ".join(forms)
    if parsed.together is not None and len([slot for slot in parsed.together.slots if slot]) > 1:
        compiled.together_tsquery = _phrase(parsed.together, CompiledQuery())
        compiled.term = parsed.term
    return compiled


def _clause(clause: Clause, compiled: CompiledQuery) -> tuple[str, str, str]:
    """(tsquery admitting variants, exact tsquery, tsquery of its place in title and lead) of one
    word or phrase."""
    if clause.phrase:
        return (_phrase(clause, compiled),) * 3
    readings = meant(clause.slots[0])
    stems = sorted({r.lexeme for r in readings})  # evaluation/search.py mirrors this lookup
    exact = sorted({searched_lexeme(r) for r in readings})
    admitted = {}
    for reading in readings:
        spellings = vocabulary.variants(reading.form, tuple(stems))
        for variant in [*spellings, *vocabulary.adjectives(reading.form)]:
            # A name matched as written leaves the stem it shares with a commoner word out.
            if variant.lexeme in stems or variant.lexeme in exact:
                continue
            if variant.form in compiled.refused:
                if variant.display not in compiled.declined:
                    compiled.declined.append(variant.display)
                continue
            admitted.setdefault(variant.lexeme, variant.display)
            if variant in spellings:  # the spelling table decides it (an adjective is not a spelling)
                compiled.spelling_of.setdefault(variant.display, (reading.form, variant.form))
    compiled.lexemes.update(exact, admitted)
    compiled.variants += [v for v in admitted.values() if v not in compiled.variants]
    placed = sorted({form_lexeme(r) if r.form != r.lexeme and _named(r) else r.lexeme for r in readings})
    held = [_held(x, compiled) for x in exact]
    return (
        _any([*held, *(quote(x) for x in sorted(admitted))]),
        _any(held),
        _any([quote(x) for x in [*placed, *sorted(admitted)]]),  # ts_rank cannot read `<0> !`
    )


def _named(reading: Reading) -> bool:
    """A name by the archive's usage: ranking counts it in a title or lead only as written."""
    return vocabulary.is_family_name(reading.form) if reading.definite else vocabulary.is_name(reading.form)


def searched_lexeme(reading: Reading) -> str:
    """The lexeme a query word matches: its stem, but a name that light stemming cuts into a word
    used more than the name is matched as written where the index holds it so
    (analysis.written_lexeme): كيفين (60 articles on the corpus) is not كيف ("how", 3,361). A name
    by the archive's usage only: listed words of the language (ثاني، نادي) keep their stems. Where
    the stem is rarer it is the name's own, and joins its spellings (اندريه and اندري, both اندر)."""
    if vocabulary.name_cut_into_another_word(reading.form, reading.lexeme):
        return written_lexeme(reading.form, reading.definite) or reading.lexeme
    return reading.lexeme


def admitted(word: str) -> set[str]:
    """The other spellings a query word admits, looked up as `_clause` looks them up."""
    readings = meant(analyse(word))
    stems = tuple(sorted({r.lexeme for r in readings}))
    return {v.form for reading in readings for v in vocabulary.variants(reading.form, stems)}


def finds(word: str, other: str) -> bool:
    """Whether a query for `word` finds the articles written `other`: one lexeme, or a variant."""
    target = analyse(other)[0]
    held = {target.lexeme, written_lexeme(target.form, target.definite)} - {""}
    return target.form in admitted(word) or not held.isdisjoint(searched_lexeme(r) for r in analyse(word))


def meant(readings: tuple[Reading, ...]) -> tuple[Reading, ...]:
    """`read` once per query compiled."""
    chosen = _readings.get()
    if chosen is None:
        return read(readings)
    if readings not in chosen:
        chosen[readings] = read(readings)
    return chosen[readings]


def read(readings: tuple[Reading, ...]) -> tuple[Reading, ...]:
    """The readings of a query word worth searching: the literal one, and the one without a
    proclitic if the archive has it far more often (لبوتين -> بوتين, but never لبنان -> بنان;
    والحكومة -> حكومة, but never والتر -> تر).
    The bare word counts where it is written as a word of its own: يما is read in every فيما, but
    ليما (Lima) is not ل + يما."""
    if len(readings) == 1:
        return _with_noun(_with_other_alef(readings))
    literal = as_written(readings)
    counts = vocabulary.counted([r.form for r in readings])
    typed, nothing = counts.get(literal.form, vocabulary.Counted()), vocabulary.Counted()
    if literal.whole:
        # A set phrase (بالفعل, بالإضافة) is not five times rarer than its noun: it is searched as typed.
        rest = counts.get(readings[0].form, nothing)
        commoner = rest.articles > ARTICLE_READING_FACTOR * typed.articles
        # And the rest must take the article in other words than this one: فاليري is no ف + ال + يري
        # (يري, «sees», takes it in 49 articles of its 2,791, nearly all of them فاليري's own).
        takes_article = rest.definite - typed.articles >= ARTICLE_ELSEWHERE * rest.articles
        return readings if commoner and takes_article else (literal,)
    commoner = counts.get(readings[1].form, nothing).written > bare_reading_factor(literal.form) * typed.articles
    # The archive's usage has the last word where it was measured: بايدن is Biden, not ب + ايدن.
    used_apart = typed.bare_usage is not None and typed.bare_usage < BARE_USAGE
    return readings if commoner and not used_apart else (literal,)


# The share of its articles where the rest of a word read as و/ب/ك/ف + ال + rest takes the article
# elsewhere: a noun does in most (حكومة 0.85, رياض 0.92), a verb or a name's tail hardly ever.
ARTICLE_ELSEWHERE = 0.05


# A word whose alef is its own (ألمانيا, إلغاء) is indexed with its ال when written with the hamza,
# without it when written bare (المانيا: مانيا, as if the article); readers type either.
OTHER_ALEF_SHARE = 0.05
# Where the bare form is that word written without its hamza, the archive writes it with ال and
# nothing else before it in most of its articles (مانيا 0.75, كسندر 0.98, غاء 0.76, عاب 0.54 on the
# corpus); where it is a word of its own, in few (ون 0.18, for إلون; فريد 0.26; فيس 0.16; ين 0.41).
WITH_ARTICLE_SHARE = 0.5


def _with_other_alef(readings: tuple[Reading, ...]) -> tuple[Reading, ...]:
    """A one-reading word that starts with ال, and its reading as the other spelling would index it
    (analysis._own_alef), when the archive has that one in a good share of the articles: المانيا
    typed bare also finds ألمانيا (1,815 articles beside 159 on the corpus), ألمانيا المانيا. The
    article's words (الحكومة) are never written with a hamza, and gain nothing. A name typed with
    its hamza (إلون, ألفريد) is not read as the article and a word the archive uses without one
    (ون, as in «ون بلس»; فريد)."""
    reading = readings[0]
    if reading.definite:
        other = Reading(strip_suffixes("ال" + reading.form), "ال" + reading.form)
    elif reading.form.startswith("ال") and len(reading.form) - 2 >= MIN_STEM:
        other = Reading(strip_suffixes(reading.form[2:]), reading.form[2:], definite=True)
    else:
        return readings
    counts = vocabulary.counted([reading.form, other.form])
    found, typed = counts.get(other.form, vocabulary.Counted()), counts.get(reading.form, vocabulary.Counted())
    if not found.articles or found.articles < OTHER_ALEF_SHARE * typed.articles:
        return readings
    if other.definite and found.with_article < WITH_ARTICLE_SHARE * found.articles:
        return readings
    return (reading, other)


def _with_noun(readings: tuple[Reading, ...]) -> tuple[Reading, ...]:
    """A word in the indefinite accusative, typed without its tanween, and its noun: «انتخاب ماكرون
    رئيسا» meets the articles on the president (vocabulary.accusative_noun)."""
    noun = vocabulary.accusative_noun(readings[0].form) if len(readings) == 1 and not readings[0].definite else ""
    return (*readings, Reading(strip_suffixes(noun), noun)) if noun else readings


def _held(lexeme: str, compiled: CompiledQuery) -> str:
    """A lexeme as the query searches it: where the index also holds it as the tail of words of
    their own (_tails), only at the places where none of them is written: «نيس» (Nice) at no
    كنيسة, read by the analyzer as ك + نيسة too. A position test (`<0> !`), which the text index
    cannot answer: matching reads the positions as it reads a phrase's (expressions.matching)."""
    tails = _tails(lexeme)
    if not tails:
        return quote(lexeme)
    term = f"({quote(lexeme)} <0> !{_any([quote(x) for x in tails])})"
    compiled.held[term] = quote(lexeme)
    return term


# A word's forms read whole in four times the articles of those read apart, and in ten at least
# (vocabulary.MIN_NAME_ARTICLES): counts of a few articles, or not yet recounted, decide nothing.
TAILS_READ_WHOLE = 4
TAILS_SHARE = 0.1  # of the articles where the lexeme's forms are written as words of their own


def _tails(lexeme: str) -> tuple[str, ...]:
    """The lexemes of the words whose first letter the analyzer also reads as a proclitic, leaving
    a form of `lexeme`, where they are words of their own (_read_whole): كنيسة is no ك + نيسة (the
    archive never writes نيسة alone), كريم no ك + ريم, كتاب no ك + تاب, لبنان no ل + بنان. Stricter
    than read, which decides what a typed word may also mean: here a proclitic wrongly judged a
    word's first letter would hide its articles (بزواج, لكرة). Kept a few minutes, as variants are:
    two lookups in the vocabulary, 2 ms a query word on the corpus."""
    return vocabulary.kept(("tails", lexeme), lambda: _tails_now(lexeme))


def _tails_now(lexeme: str) -> tuple[str, ...]:
    forms, candidates = vocabulary.counted_under(lexeme), {}
    for form in forms:
        for letter in PROCLITICS:
            readings = analyse(letter + form)
            if len(readings) == 2 and not readings[1].whole and readings[1].lexeme == lexeme:
                candidates[letter + form] = readings
    # The rests are nearly always forms of the lexeme, counted already.
    unread = {r.form for readings in candidates.values() for r in readings} - forms.keys()
    counts = forms | vocabulary.counted(sorted(unread))
    whole, apart = defaultdict(int), defaultdict(int)
    for form, readings in candidates.items():
        if form in counts:
            (whole if _read_whole(readings, counts) else apart)[readings[0].lexeme] += counts[form].articles
    # A word's lexeme is left out where its forms are read whole in most of their articles: كمال
    # (441 articles), not its rarer forms read as ك + a form of مال (كمالية, 22); but not ومال,
    # where ومالاتها is no و + مآلات (3) and ومالية is و + مالية (95).
    tails = [
        word
        for word, articles in whole.items()
        if word != lexeme and articles >= max(TAILS_READ_WHOLE * apart[word], vocabulary.MIN_NAME_ARTICLES)
    ]
    # Checked where they would be a good share of what the lexeme finds: a position test is read
    # from the whole text of each article that matches in its body alone. كبوة (10 articles) is
    # left among بوتين's thousands, كمال among مال's; not كنيسة (361) beside نيس's 133.
    written = sum(found.written for found in forms.values())
    if sum(whole[word] for word in tails) < TAILS_SHARE * written:
        tails = []
    return tuple(sorted(tails))


def _read_whole(readings: tuple[Reading, ...], counts: dict[str, vocabulary.Counted]) -> bool:
    """Whether a word is a word of its own, not a proclitic and its rest: the archive writes the
    rest alone rarely beside it. After ك or ف, which few words take, by read's count (كمال beside
    مال, كنيسة, فكرة); after و, ب or ل, which most words take, in under a tenth of its articles
    (لبنان beside بنان, بندر; but لكرة is ل + كرة, 5,520 articles beside 4,933)."""
    typed, rest = (counts.get(r.form, vocabulary.Counted()) for r in readings[:2])
    word = readings[0].form
    share = bare_reading_factor(word) if word[0] in RARE_PROCLITICS else REST_WRITTEN_SHARE
    return rest.written < share * typed.articles


REST_WRITTEN_SHARE = 0.1


def as_written(readings: tuple[Reading, ...]) -> Reading:
    """The reading of a word as written: the literal one, or the whole word (والتر, not و + ال + تر)."""
    return readings[-1] if len(readings) == 2 and readings[-1].whole else readings[0]


def _phrase(clause: Clause, compiled: CompiledQuery) -> str:
    parts, gap = [], 1
    for slot in clause.slots:
        if slot is None:
            gap += 1
            continue
        # Read as a query word is (meant, searched_lexeme): «"لقاء بوتين"» is not ل + قاء beside ب + وت.
        lexemes = sorted({searched_lexeme(r) for r in meant(slot)})
        compiled.lexemes.update(lexemes)
        if parts:
            parts.append("<->" if gap == 1 else f"<{gap}>")
        parts.append(_any([_held(x, compiled) for x in lexemes]))
        gap = 1
    return "(" + " ".join(parts) + ")" if len(parts) > 1 else parts[0]


def _any(alternatives: list[str]) -> str:
    return alternatives[0] if len(alternatives) == 1 else "(" + " | ".join(alternatives) + ")"

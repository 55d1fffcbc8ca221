"""Which pairs of word forms are one name spelled two ways: the variants table, learned.

Candidates come from the archive's copies (copies.py: one word standing for another in two
copies of one text), from its usage (usage.py: the nearest words of each form) and from the names
written beside them (companions.py: كيفن and كيفين both before دي بروين). A candidate
is kept when the two forms are spelled alike (a transliteration's long vowels, the letters of
one foreign sound, or one letter in a long word; not a prefix, an ending or a derived verb form
of Arabic grammar) and both are used as names are (never or always with the article, rarely with
a pronoun; not a month, a number or an Arabic given name). Then:
- learned, and searched: attested by MIN_COPIES pairs of copies; or by one, used alike
  (LEARN_USAGE); or used very alike (SAME_USAGE) with a name the lists know (known_names.py); or
  written beside the same names (BESIDE_ALIKE), with two such names, a copy, or usage near enough
  to propose (PROPOSE_USAGE);
- proposed to editors: any other candidate with some evidence.
The letter rules' own variants (search.vocabulary) are checked against usage too, once both forms
are used RULES_MIN_USES times: two forms the archive does not use alike (RULES_USAGE), and that
neither its copies nor the names beside them join, are kept apart; so are two forms one of which
is written as a given name and the other as a family name (companions.place), copies aside.
Editors' decisions (accepted, rejected) are kept whatever a later run finds; the evidence on them
is brought up to date.
`learn` runs nightly and from `manage.py learn_spellings`; as articles arrive, the pairs their
copies newly attest are proposed at once (`attest_new_copies`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django.db import transaction

from articles.known_names import is_known_name
from articles.models import SearchTerm, SpellingPair, SpellingStatus
from articles.models.spelling import EDITOR_STATUSES, ordered
from articles.search import vocabulary
from articles.search.analysis import SOUNDS, STOP_WORDS, sound_skeleton, strip_suffixes
from articles.spellings.companions import Companions

MIN_FORM = 4  # letters
MIN_COPIES = 2  # pairs of copies that attest a spelling
MIN_USES = 20  # uses in the training text for a form's neighbours to be read
NEIGHBOURS = 20
LEARN_USAGE = 0.6  # cosine: used alike, with a pair of copies attesting it
SAME_USAGE = 0.8  # used alike enough to go without copies, when a list knows the name
PROPOSE_USAGE = 0.5
APART_USAGE = 0.2  # below this, two forms are used apart: copies exchanging them are not evidence
# A pair the letter rules join is kept apart below this, where both forms are used enough to tell
# (MIN_USES): read on the corpus, the pairs under it are nearly all two Arabic words, a verb and its
# noun, a singular and a plural (معارض/معرض، تحدث/تحديث), or a name and a word (بنما/بينما).
RULES_USAGE = PROPOSE_USAGE
# A pair the letter rules join is checked once both forms are used this often (fewer than MIN_USES:
# a rare spelling of a common word is where a wrong merge costs most, فرانز/فرانس, Franz and France,
# 1,806 articles). Read on the twelve samples' labelled rule pairs (in-sample for this choice): at 10
# to 19 uses, the 43 pairs of one name are all at 0.50 or more (تايلاند/تايلند 0.502, the lowest) and
# 6 of the 8 pairs of two words or names below (فرانز/فرانس 0.43, انطون/انطوان 0.47); at 5 to 9
# uses, one pair of one name in 66 falls below.
RULES_MIN_USES = 10
# Where both are used this often their vectors are reliable, and spellings of one name are used alike
# (every labelled pair 0.7 or more): under LEARN_USAGE they are two words or two names (ستيفن/ستيفان,
# Stephen and Stéphane, whom the corpus never writes the other way).
WELL_USED = 100
LONG_FORM = 5  # a letter changed is a spelling only in longer words (مورينيو/مورينهو)
SUFFIX_LETTERS = 2  # a form that is the other plus a letter or two at the end is grammar
# Cosine of the words written beside two forms (companions.alike) for them to name one person or
# place. Read on the labelled pairs (held_out, held_out_2) before held_out_3 was scored: spellings
# of one name used 20 times or more are at 0.17 or above (كيفن/كيفين 0.34, مورينيو/مورينهو 0.28),
# two names or a name and a word below 0.1 (ستيفن/ستيفان 0.04, بنما/بينما 0.05).
BESIDE_ALIKE = 0.2
BESIDE_SHOWN = 5  # names kept as the pair's evidence


@dataclass
class Evidence:
    copies: int = 0
    usage: float | None = None
    by_rules: bool = False
    uses: int = 0  # in the vectors' training text, of the rarer form (when usage is known)
    beside: tuple[str, ...] = ()  # specific words both forms stand beside (companions.shared)
    beside_alike: float = 0.0  # companions.alike
    places: tuple[str, str] = ("", "")  # companions.place of each form

    @property
    def placed_apart(self) -> bool:
        """One written as a given name, the other as a family name, and no name beside both."""
        return "" not in self.places and self.places[0] != self.places[1] and not self.beside

    @property
    def named_alike(self) -> bool:
        """Written beside the same names: at least one shared, and alike on the whole."""
        return bool(self.beside) and self.beside_alike >= BESIDE_ALIKE


def spelled_alike(a: str, b: str) -> bool:
    """Whether two forms may be one word spelled two ways, not two words or two inflections."""
    if min(len(a), len(b)) < MIN_FORM or not (a.isalpha() and b.isalpha()) or a.isascii() or b.isascii():
        return False
    if strip_suffixes(a) == strip_suffixes(b) or (
        a[:-1] == b[:-1] and a[-1:].translate(SOUNDS) != b[-1:].translate(SOUNDS)
    ):
        return False  # one word already, or a final letter of grammar (فرنسا/فرنسي, not غوتيريش/غوتيريس)
    short, long = sorted((a, b), key=len)
    if long.startswith(short) and len(long) - len(short) <= SUFFIX_LETTERS:
        return False  # ايران/ايراني
    if long[1:] == short:
        return False  # a proclitic
    if _prefixed_otherwise(a, b):
        return False  # another first sound, a proclitic or a verb's person (ستكون/سيكون، وبحضور/وحضور)
    if _stems(a) & _stems(b):
        return False  # one stem, two endings (بينها/بينهما، سنتان/سنتين، يوما/يوميا)
    if _verb_form_t(a, b) or _verb_form_t(b, a):
        return False  # a verb's derived form (تشمل/تشتمل، تواصل/تتواصل، يشاركون/يشتركون)
    edits = vocabulary.spelling_edits(a, b)
    if sound_skeleton(a) == sound_skeleton(b):
        return edits <= vocabulary.MAX_EDITS
    return edits == 1 and len(short) >= LONG_FORM


SOMETIMES_DEFINITE = 0.05
INFLECTED_SHARE = vocabulary.INFLECTED_SHARE  # a name rarely takes a pronoun
LONG_VOWELS = set("اوي")  # ديفيد/دافيد
PREFIX_LETTERS = set("تينبلسوفك")
# Endings of grammar: pronouns, duals and plurals, case and adjectives.
ENDINGS = ("تهما", "تهم", "تها", "ته", "تان", "تين", "هما", "هم", "هن", "ها", "ه", "كم", "نا", "ان", "ين", "ون", "وا",
           "ات", "يا", "يه", "ي", "ا", "ت")  # fmt: skip


def _prefixed_otherwise(a: str, b: str) -> bool:
    """Whether two forms start with two sounds (ساندرز/زاندرز), or differ first in a prefix's
    letter (after a shared و or ف): a proclitic or a verb's person (وتشمل/ويشمل، ستكون/سيكون)."""
    forms = a, b
    while a[0] == b[0] and a[0] in "وف" and min(len(a), len(b)) > MIN_FORM:
        a, b = a[1:], b[1:]
        if max(a, b, key=len) == "ي" + min(a, b, key=len) and any(map(is_known_name, forms)):
            return False  # a listed name's own و (ويليام/وليام): a vowel written out, no verb's person
    if a[0] != b[0]:
        return not any({a[0], b[0]} <= letters for letters in (*vocabulary.FIRST_LETTERS, vocabulary.SILENT_H))
    short, long = sorted((a, b), key=len)
    if short[0] == "ا" and long == short[0] + "ي" + short[1:]:
        return False  # a first vowel written out (اريك/ايريك، ادلب/ايدلب), no verb's person after ا
    return a[1] != b[1] and not {a[1], b[1]} <= LONG_VOWELS and bool({a[1], b[1]} & PREFIX_LETTERS)


def _verb_form_t(form: str, other: str) -> bool:
    """Whether `other` is `form` with a ت put in among its first letters (in place of a long ا, or
    not): Arabic's derived verb forms, never a transliteration's spelling."""
    for at in range(1, min(4, len(other))):
        if other[at] == "ت" and other[:at] + other[at + 1 :] in (form, form.replace("ا", "", 1)):
            return True
    return False


def _stems(form: str) -> set[str]:
    """The form, and the form without each ending it may have."""
    return {form} | {form[: -len(e)] for e in ENDINGS if form.endswith(e) and len(form) - len(e) >= MIN_FORM - 1}


def name_like(form: str, counts: dict[str, tuple[int, int]], *, whole: bool = False) -> bool:
    """Used as a name is: not a function word, month, number or Arabic given name; never or always
    with the article (ترامب، الدنمارك), where nouns and adjectives take it sometimes; rarely with
    a pronoun (توفيره، فاعلها are Arabic words); and not a more common word that is no name with a
    pronoun on it (اعتبرته is اعتبرت + ه). `counts`: (articles, with the article) by form, as
    `name_counts` reads them. `whole`: the form's parts are not read."""
    from articles.events.names import NOT_NAMES

    if form in STOP_WORDS or form in NOT_NAMES or vocabulary.is_given_name(form):
        return False
    if form not in counts:
        return True  # too rare to be counted: its pair's evidence decides
    articles, definite = counts[form]
    if SOMETIMES_DEFINITE * articles < definite < vocabulary.DEFINITE_NAME_SHARE * articles:
        return False
    if sum(_possessive(counts.get(other)) for other in vocabulary.with_pronouns(form)) >= INFLECTED_SHARE * articles:
        return False
    return whole or not any(
        counts[part][0] > articles and not (vocabulary.is_given_name(part) or name_like(part, counts, whole=True))
        for part in inflected_parts(form)
        if part in counts
    )


def _possessive(counted: tuple[int, int] | None) -> int:
    """The articles of a form with a pronoun; none if it takes the article, which no possessive
    does: the ta marbuta is folded to ه, and اريكه is أريكة ("a sofa"), not إريك's."""
    if not counted:
        return 0
    articles, definite = counted
    return 0 if definite > SOMETIMES_DEFINITE * articles else articles


def inflected_parts(form: str) -> list[str]:
    """The words a form may be with a possessive pronoun after it. (Not with a proclitic before it:
    the bare reading's counts are the form's own articles read another way, وبتيجي for لوبتيجي,
    and a name's bare part is often a word too, ريان and راين for بريان and براين.)"""
    parts = [form[: -len(p)] for p in ("هما", "هم", "ها") if form.endswith(p) and len(form) - len(p) >= MIN_FORM - 1]
    if form.endswith("ته") and len(form) > MIN_FORM:
        parts += [form[:-1], form[:-2] + "ه"]  # a verb and its object (اعتبرت + ه), a noun's ta marbuta
    return parts


def decide(evidence: Evidence, listed: bool, named: bool = False) -> tuple[str, str] | None:
    """(status, reason) for a candidate pair spelled alike whose forms are both used as names
    (`named`), or for a pair the letter rules join (kept apart, or else decided as a pair of names
    is: the rules' search-time checks may still leave it out, ايلكاي beside الكاي)."""
    usage = evidence.usage
    if evidence.placed_apart and evidence.copies < MIN_COPIES:
        # Two names, whatever usage says: سيموني إنزاغي and دييغو سيميوني are both football coaches.
        return (SpellingStatus.APART, "إحداهما تُكتب اسماً أول والأخرى اسم عائلة") if evidence.by_rules else None
    if evidence.by_rules:
        alike = LEARN_USAGE if evidence.uses >= WELL_USED else RULES_USAGE
        if usage is not None and usage < alike and evidence.copies < MIN_COPIES and not evidence.named_alike:
            return SpellingStatus.APART, "تجمعهما قواعد الحروف لكن الأرشيف يستعملهما في سياقات مختلفة"
        if not named:
            return None  # words the rules may join: not the table's to learn
    if usage is not None and usage < APART_USAGE:
        return None
    if evidence.copies >= MIN_COPIES:
        return SpellingStatus.LEARNED, "تتبادلهما نسخ نص واحد"
    if usage is not None and ((usage >= LEARN_USAGE and evidence.copies) or (usage >= SAME_USAGE and listed)):
        return SpellingStatus.LEARNED, "تُستعملان في السياقات نفسها" + ("، وإحداهما اسم معروف" if listed else "")
    if evidence.named_alike and (
        len(evidence.beside) >= MIN_COPIES or evidence.copies or (usage is not None and usage >= PROPOSE_USAGE)
    ):
        return SpellingStatus.LEARNED, "تجاورهما الأسماء نفسها: " + "، ".join(evidence.beside[:BESIDE_SHOWN])
    if evidence.copies or evidence.named_alike or (usage is not None and usage >= PROPOSE_USAGE):
        return SpellingStatus.PROPOSED, "شاهد واحد لا يكفي"
    return None


def candidates(
    copies: Counter, vectors, uses: Counter, progress=None, beside: Companions | None = None
) -> dict[tuple[str, str], Evidence]:
    """Every pair with evidence: attested by copies, near in usage, written beside the same names,
    or joined by the letter rules."""
    found: dict[tuple[str, str], Evidence] = {}
    for (a, b), count in copies.items():
        if spelled_alike(a, b):
            found.setdefault(ordered(a, b), Evidence()).copies = count
    for a, b in beside.witnessed_pairs() if beside else ():
        if spelled_alike(a, b):
            found.setdefault(ordered(a, b), Evidence())
    frequent = [form for form, n in uses.items() if n >= MIN_USES and form in vectors.key_to_index]
    for form, other in neighbours(vectors, frequent, progress):
        if spelled_alike(form, other):
            found.setdefault(ordered(form, other), Evidence())
    checked = [form for form, n in uses.items() if n >= RULES_MIN_USES and form in vectors.key_to_index]
    for pair in joined_by_rules(checked):
        found.setdefault(pair, Evidence()).by_rules = True
    for (a, b), evidence in found.items():
        least = RULES_MIN_USES if evidence.by_rules else MIN_USES
        if a in vectors.key_to_index and b in vectors.key_to_index and min(uses[a], uses[b]) >= least:
            evidence.usage = round(float(vectors.similarity(a, b)), 3)
            evidence.uses = min(uses[a], uses[b])
        if beside:
            evidence.beside = tuple(beside.shared(a, b))
            evidence.beside_alike = beside.alike(a, b) if evidence.beside else 0.0
            evidence.places = (beside.place(a), beside.place(b))
    return found


def neighbours(vectors, forms: list[str], progress=None, chunk: int = 1000):
    """(form, other) for each form's nearest forms among `forms` with a cosine of PROPOSE_USAGE or
    more: one matrix product a chunk, not a search of the whole vocabulary a form."""
    import numpy as np

    if not forms:
        return
    matrix = np.stack([vectors.get_vector(form, norm=True) for form in forms])
    for start in range(0, len(forms), chunk):
        cosines = matrix[start : start + chunk] @ matrix.T
        top = np.argpartition(-cosines, min(NEIGHBOURS, len(forms) - 1), axis=1)[:, : NEIGHBOURS + 1]
        for row, columns in enumerate(top):
            for column in columns:
                if column != start + row and cosines[row, column] >= PROPOSE_USAGE:
                    yield forms[start + row], forms[column]
        if progress:
            progress(len(cosines))


def joined_by_rules(forms: list[str]) -> set[tuple[str, str]]:
    """Pairs of the given forms that the letter rules may join: one sound skeleton, and
    vocabulary.is_variant (the rules' own further checks only ever join fewer)."""
    groups: dict[str, list[str]] = {}
    for form in forms:
        if len(form) >= vocabulary.MIN_FORM and form.isalpha() and not form.isascii():
            groups.setdefault(sound_skeleton(form), []).append(form)
    return {
        ordered(a, b)
        for group in groups.values()
        for i, a in enumerate(group)
        for b in group[i + 1 :]
        if vocabulary.is_variant(a, b) or vocabulary.is_variant(b, a)
    }


def learn(copies: Counter, vectors, uses: Counter, progress=None, beside: Companions | None = None) -> Counter:
    """Decide every candidate and write the table; how many pairs of each status."""
    found = candidates(copies, vectors, uses, progress, beside)
    keep_name_witnesses(found)
    return save(decisions(found), found)


def keep_name_witnesses(found: dict[tuple[str, str], Evidence]) -> None:
    """Only names witness a name: a verb or a noun beside both forms (اصيبت before بامراض and بمرض,
    مديريتي before two districts) is a phrase two words share. Drops the others from the evidence."""
    counts = name_counts({word for evidence in found.values() for word in evidence.beside})
    for evidence in found.values():
        if evidence.beside:
            evidence.beside = tuple(word for word in evidence.beside if _a_name(word, counts))


def used_as_names(pairs) -> list[tuple[str, str]]:
    """The pairs whose two forms are both used as names (`name_like`), read with one query."""
    counts = name_counts({form for pair in pairs for form in pair})
    return [(a, b) for a, b in pairs if name_like(a, counts) and name_like(b, counts)]


def name_counts(forms: set[str]) -> dict[str, tuple[int, int]]:
    """What `name_like` reads of each form: (articles, with the article), of its pronoun forms and
    of the words it may be with a pronoun (`inflected_parts`) too."""
    forms = forms | {part for form in forms for part in inflected_parts(form)}
    forms = forms | {other for form in forms for other in vocabulary.with_pronouns(form)}
    rows = SearchTerm.objects.filter(form__in=forms).values_list("form", "article_count", "definite_count")
    return {form: (articles, definite) for form, articles, definite in rows}


def _a_name(word: str, counts: dict[str, tuple[int, int]]) -> bool:
    """Used as a name, an Arabic given name included (عادل before الجبير)."""
    return vocabulary.is_given_name(word) or name_like(word, counts)


def decisions(found: dict[tuple[str, str], Evidence]) -> list[SpellingPair]:
    """The pairs decided from their evidence (not saved)."""
    from articles.known_names import is_known_name

    named = set(used_as_names(found))
    decided = []
    # A pair the letter rules join is kept apart when the archive uses its forms apart, names or
    # not: the rules admit words that only look like names (عمليات/عمولات, "operations"/"commissions").
    for (a, b), evidence in found.items():
        if (a, b) not in named and not evidence.by_rules:
            continue
        listed = is_known_name(a) or is_known_name(b)
        verdict = decide(evidence, listed, named=(a, b) in named)
        if verdict:
            status, reason = verdict
            decided.append(SpellingPair(form=a, other=b, status=status, reason=reason, listed=listed,
                                        copies=evidence.copies, usage=evidence.usage,
                                        beside=_shown(evidence)))  # fmt: skip
    return decided


@transaction.atomic
def save(decided: list[SpellingPair], found: dict[tuple[str, str], Evidence]) -> Counter:
    """Replace the machine's decisions; keep the editors', with their evidence brought up to date."""
    editors = {(p.form, p.other): p for p in SpellingPair.objects.filter(status__in=EDITOR_STATUSES)}
    SpellingPair.objects.exclude(status__in=EDITOR_STATUSES).delete()
    for pair, row in editors.items():
        evidence = found.get(pair, Evidence())
        row.copies, row.usage, row.beside = evidence.copies, evidence.usage, _shown(evidence)
    SpellingPair.objects.bulk_update(editors.values(), ["copies", "usage", "beside"])
    SpellingPair.objects.bulk_create([p for p in decided if (p.form, p.other) not in editors])
    vocabulary.forget_spellings()
    return Counter(p.status for p in decided if (p.form, p.other) not in editors)


def _shown(evidence: Evidence) -> str:
    return "، ".join(evidence.beside[:BESIDE_SHOWN])


def learn_from_archive(steps=None) -> Counter:
    """Read the copies, train the word vectors and decide every pair (`manage.py learn_spellings`)."""
    from articles.models import Article, SharedText
    from articles.spellings import copies, readings, usage

    attested = copies.attested(
        progress=steps.step("pairs of copies aligned", SharedText.objects.count()) if steps else None
    )
    read = steps.step("articles read for word vectors (then trained)", Article.objects.count()) if steps else None
    training = usage.archive_sentences(read)
    vectors, beside = usage.train(training), Companions(training)
    uses = beside.uses
    del training
    frequent = sum(1 for form, n in uses.items() if n >= MIN_USES and form in vectors.key_to_index)
    readings.save(readings.bare_usages(vectors, uses))
    return learn(attested, vectors, uses, steps.step("forms compared", frequent) if steps else None, beside)


def attest_new_copies(ids: list[int]) -> int:
    """As articles arrive (ingest's tracing): the pairs their copies newly attest, spelled alike and
    used as names, are proposed to editors at once; the nightly run counts and decides them. A pair
    already in the table is left to that run. Returns the number proposed."""
    from django.db.models import Q

    from articles.models import SharedText
    from articles.spellings import copies

    pairs = list(SharedText.objects.filter(Q(first__in=ids) | Q(second__in=ids)).values_list("first_id", "second_id"))
    found = {pair for pair in copies.attested(pairs) if spelled_alike(*pair)} if pairs else set()
    found -= set(SpellingPair.objects.filter(form__in={a for a, _ in found}).values_list("form", "other"))
    new = [
        SpellingPair(form=a, other=b, status=SpellingStatus.PROPOSED, copies=1, reason="شاهد جديد من نسخ وصلت حديثاً")
        for a, b in used_as_names(found)
    ]
    SpellingPair.objects.bulk_create(new, ignore_conflicts=True)
    return len(new)

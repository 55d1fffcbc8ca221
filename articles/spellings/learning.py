"""Which pairs of word forms are one name spelled two ways: the variants table, learned.

Candidates come from the archive's copies (copies.py: one word standing for another in two
copies of one text) and from its usage (usage.py: the nearest words of each form). A candidate
is kept when the two forms are spelled alike (a transliteration's long vowels, the letters of
one foreign sound, or one letter in a long word) and both are used as names are (not a common
noun, a month, a number or an Arabic given name: search.vocabulary says why). Then:
- learned, and searched: attested by MIN_COPIES pairs of copies, or used alike (LEARN_USAGE) and
  attested once or listed as a name (known_names.py);
- proposed to editors: any other candidate with some evidence.
The letter rules' own variants (search.vocabulary) are checked against usage too: two forms the
archive uses in different places (APART_USAGE) are kept apart. Editors' decisions (accepted,
rejected) are kept whatever a later run finds; the evidence on them is brought up to date.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django.db import transaction

from articles.models import SearchTerm, SpellingPair, SpellingStatus
from articles.models.spelling import EDITOR_STATUSES, ordered
from articles.search import vocabulary
from articles.search.analysis import STOP_WORDS, sound_skeleton, strip_suffixes

MIN_FORM = 4  # letters
MIN_COPIES = 2  # pairs of copies that attest a spelling
MIN_USES = 20  # uses in the training text for a form's neighbours to be read
NEIGHBOURS = 20
LEARN_USAGE = 0.6  # cosine: used alike
PROPOSE_USAGE = 0.5
APART_USAGE = 0.2  # below this, two forms the letter rules join are used apart
LONG_FORM = 5  # a letter changed is a spelling only in longer words (مورينيو/مورينهو)
SUFFIX_LETTERS = 2  # a form that is the other plus a letter or two at the end is grammar


@dataclass
class Evidence:
    copies: int = 0
    usage: float | None = None
    by_rules: bool = False


def spelled_alike(a: str, b: str) -> bool:
    """Whether two forms may be one word spelled two ways, not two words or two inflections."""
    if min(len(a), len(b)) < MIN_FORM or not (a.isalpha() and b.isalpha()) or a.isascii() or b.isascii():
        return False
    if strip_suffixes(a) == strip_suffixes(b) or a[:-1] == b[:-1]:
        return False  # one word already, or a final letter of grammar (فرنسا/فرنسي)
    short, long = sorted((a, b), key=len)
    if long.startswith(short) and len(long) - len(short) <= SUFFIX_LETTERS:
        return False  # ايران/ايراني
    if long[1:] == short:
        return False  # a proclitic
    if a[0] != b[0] and not any({a[0], b[0]} <= letters for letters in vocabulary.FIRST_LETTERS):
        return False
    edits = vocabulary.edit_distance(a.translate(vocabulary.G_AS_ONE), b.translate(vocabulary.G_AS_ONE))
    if sound_skeleton(a) == sound_skeleton(b):
        return edits <= vocabulary.MAX_EDITS
    return edits == 1 and len(short) >= LONG_FORM


def name_like(form: str, counts: tuple[int, int] | None) -> bool:
    """Used as a name is: not a function word, month, number or Arabic given name, and not a
    common noun by how often it takes the article."""
    from articles.events.names import NOT_NAMES

    if form in STOP_WORDS or form in NOT_NAMES or vocabulary.is_given_name(form):
        return False
    return counts is None or not vocabulary.is_common_noun(*counts)


def decide(evidence: Evidence, listed: bool) -> tuple[str, str] | None:
    """(status, reason) for a candidate pair spelled alike whose forms are both used as names."""
    usage = evidence.usage
    if evidence.by_rules:
        if usage is not None and usage < APART_USAGE:
            return SpellingStatus.APART, "تجمعهما قواعد الحروف لكن الأرشيف يستعملهما في سياقات مختلفة"
        return None  # the letter rules join them already
    if usage is not None and usage < APART_USAGE:
        return None
    if evidence.copies >= MIN_COPIES:
        return SpellingStatus.LEARNED, "تتبادلهما نسخ نص واحد"
    if usage is not None and usage >= LEARN_USAGE and (evidence.copies or listed):
        return SpellingStatus.LEARNED, "تُستعملان في السياقات نفسها" + ("، وإحداهما اسم معروف" if listed else "")
    if evidence.copies or (usage is not None and usage >= PROPOSE_USAGE):
        return SpellingStatus.PROPOSED, "شاهد واحد لا يكفي"
    return None


def candidates(copies: Counter, vectors, uses: Counter, progress=None) -> dict[tuple[str, str], Evidence]:
    """Every pair with evidence: attested by copies, near in usage, or joined by the letter rules."""
    found: dict[tuple[str, str], Evidence] = {}
    for (a, b), count in copies.items():
        if spelled_alike(a, b):
            found.setdefault(ordered(a, b), Evidence()).copies = count
    frequent = [form for form, n in uses.items() if n >= MIN_USES and form in vectors.key_to_index]
    for done, form in enumerate(frequent, 1):
        for other, cosine in vectors.most_similar(form, topn=NEIGHBOURS):
            if cosine >= PROPOSE_USAGE and uses[other] >= MIN_USES and spelled_alike(form, other):
                found.setdefault(ordered(form, other), Evidence())
        if len(form) >= vocabulary.MIN_FORM:
            for variant in vocabulary.by_rules(form):
                if uses[variant.form] >= MIN_USES and variant.form in vectors.key_to_index:
                    found.setdefault(ordered(form, variant.form), Evidence()).by_rules = True
        if progress and done % 1000 == 0:
            progress(1000)
    for (a, b), evidence in found.items():
        if a in vectors.key_to_index and b in vectors.key_to_index and min(uses[a], uses[b]) >= MIN_USES:
            evidence.usage = round(float(vectors.similarity(a, b)), 3)
    return found


def learn(copies: Counter, vectors, uses: Counter, progress=None) -> Counter:
    """Decide every candidate and write the table; how many pairs of each status."""
    from articles.known_names import is_known_name

    found = candidates(copies, vectors, uses, progress)
    forms = {form for pair in found for form in pair}
    counts = {
        form: (articles, definite)
        for form, articles, definite in SearchTerm.objects.filter(form__in=forms).values_list(
            "form", "article_count", "definite_count"
        )
    }
    decided = []
    for (a, b), evidence in found.items():
        if not (name_like(a, counts.get(a)) and name_like(b, counts.get(b))):
            continue
        listed = is_known_name(a) or is_known_name(b)
        verdict = decide(evidence, listed)
        if verdict:
            status, reason = verdict
            decided.append(SpellingPair(form=a, other=b, status=status, reason=reason, listed=listed,
                                        copies=evidence.copies, usage=evidence.usage))  # fmt: skip
    return save(decided, found)


@transaction.atomic
def save(decided: list[SpellingPair], found: dict[tuple[str, str], Evidence]) -> Counter:
    """Replace the machine's decisions; keep the editors', with their evidence brought up to date."""
    editors = {(p.form, p.other): p for p in SpellingPair.objects.filter(status__in=EDITOR_STATUSES)}
    SpellingPair.objects.exclude(status__in=EDITOR_STATUSES).delete()
    for pair, row in editors.items():
        evidence = found.get(pair, Evidence())
        row.copies, row.usage = evidence.copies, evidence.usage
    SpellingPair.objects.bulk_update(editors.values(), ["copies", "usage"])
    SpellingPair.objects.bulk_create([p for p in decided if (p.form, p.other) not in editors])
    vocabulary.forget_spellings()
    return Counter(p.status for p in decided if (p.form, p.other) not in editors)


def learn_from_archive(steps=None) -> Counter:
    """Read the copies, train the word vectors and decide every pair (`manage.py learn_spellings`)."""
    from articles.models import SharedText
    from articles.spellings import copies, usage

    attested = copies.attested(steps.step("pairs of copies aligned", SharedText.objects.count()) if steps else None)
    if steps:
        steps.step("word vectors trained (a few minutes)")(0)
    vectors, uses = usage.archive_vectors()
    frequent = sum(1 for n in uses.values() if n >= MIN_USES)
    return learn(attested, vectors, uses, steps.step("forms read", frequent) if steps else None)

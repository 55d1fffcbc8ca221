"""The variants table the archive teaches itself: what copies and usage attest, what is decided,
and what search does with it (articles/spellings, articles/search/vocabulary.py).

Word vectors are built by hand here, with the cosines each case needs: training gensim on a
handful of sentences would say nothing about the archive. Their training runs in the command's
test (on the demo archive) and on the corpus (docs/measurements.md).
"""

import io
import math
from collections import Counter

import numpy as np
import pytest
from django.core.management import call_command

from articles.models import Article, SearchTerm, SpellingPair, SpellingStatus
from articles.search import vocabulary
from articles.search.analysis import analyse, sound_skeleton
from articles.spellings import copies, learning
from articles.spellings.companions import Companions
from articles.spellings.learning import Evidence
from sources.models import Outlet


@pytest.fixture
def terms(db):
    vocabulary.forget_spellings()

    def add(form: str, articles: int, definite: int = 0) -> None:
        SearchTerm.objects.create(
            form=form, lexeme=analyse(form)[0].lexeme, skeleton=sound_skeleton(form), display=form,
            article_count=articles, definite_count=definite,
        )  # fmt: skip

    yield add
    vocabulary.forget_spellings()


def admitted(form: str) -> set[str]:
    return {v.form for v in vocabulary.variants(form, (analyse(form)[0].lexeme,))}


def vectors(angles: dict[str, float]):
    """Word vectors of two dimensions, each form at an angle: the cosine of two forms is the
    cosine of the angle between them."""
    from gensim.models import KeyedVectors

    found = KeyedVectors(vector_size=2)
    found.add_vectors(list(angles), np.array([[math.cos(a), math.sin(a)] for a in angles.values()]))
    return found


def test_copies_attest_a_word_that_one_copy_writes_otherwise():
    first = ["قال", "الرئيس", "بوتين", "في", "كلمة", "له", "اليوم"]
    second = ["قال", "الرئيس", "بوتن", "في", "كلمة", "له", "أمس"]
    # A word between matching words is attested; the last word has no match after it.
    assert copies.substitutions(first, second) == {("بوتن", "بوتين")}


@pytest.mark.parametrize(
    ("a", "b", "alike"),
    [
        ("بوتين", "بوتن", True),  # a long vowel left out
        ("اريك", "ايريك", True),  # a first vowel written out: no verb's person after ا
        ("ميونخ", "ميونيخ", True),
        ("مورينيو", "مورينهو", True),  # one letter, in a long word
        ("غوارديولا", "جوارديولا", True),  # one foreign sound
        ("ايران", "ايراني", False),  # an adjective
        ("فرنسا", "فرنسي", False),  # a final letter is grammar
        ("غوتيريش", "غوتيريس", True),  # but not a final letter of one foreign sound
        ("مليار", "مليون", False),  # two words
        ("ثالث", "ثاني", False),
        ("ساندرز", "زاندرز", False),  # another first sound
        ("بنك", "بنوك", False),  # too short
        ("وستكون", "وسيكون", False),  # a verb's person, after و
        ("واضاف", "ويضيف", False),
        ("وبمشاركه", "ومشاركه", False),  # a proclitic, after و
        ("خسرتها", "خسرها", False),  # two endings of one stem
        ("وتشتمل", "وتشمل", False),  # a derived verb form
        ("سيشتركون", "سيشاركون", False),
        ("سنتان", "سنتين", False),
        ("ديفيد", "دافيد", True),  # a long vowel for another in the second letter
        ("ويليام", "وليام", True),  # a listed name's own و, then a vowel written out
        ("ويشارك", "وشارك", False),  # و, then a verb's person: no list has the verb
    ],
)
def test_which_pairs_are_spelled_alike(a, b, alike, monkeypatch):
    monkeypatch.setattr(learning, "is_known_name", lambda form: form in {"ويليام"})  # whatever ../shared holds
    assert learning.spelled_alike(a, b) is alike


def test_months_numbers_nouns_and_inflected_words_are_not_names():
    assert not learning.name_like("يوليو", {})  # يوليو/يونيو are spelled alike and used alike
    assert not learning.name_like("حكومه", {"حكومه": (10400, 8800)})  # sometimes with the article
    assert not learning.name_like("توفير", {"توفير": (900, 20), "توفيرها": (80, 0)})  # with a pronoun
    assert learning.name_like("بوتين", {"بوتين": (2000, 0), "بوتينه": (2, 0)})
    assert learning.name_like("دنمارك", {"دنمارك": (261, 261)})  # always with the article
    # After a final ي, a ه is the feminine adjective (الإنجليزية), not a pronoun.
    assert learning.name_like("انجليزي", {"انجليزي": (2696, 2657), "انجليزيه": (2500, 2450)})
    # A ta marbuta is written ت before a pronoun: مسيرته.
    assert not learning.name_like("مسيره", {"مسيره": (1478, 0), "مسيرته": (300, 0)})
    # A form with ه that takes the article is a noun in ة (أريكة), not a name with a pronoun.
    assert learning.name_like("اريك", {"اريك": (155, 0), "اريكه": (26, 11)})
    # A more common word that is no name, with a pronoun on it.
    assert not learning.name_like("اعتبرته", {"اعتبرته": (50, 0), "اعتبرت": (2000, 0), "اعتبرتها": (400, 0)})
    assert learning.name_like("انقرتها", {"انقرتها": (50, 0), "انقرت": (20, 0)})  # the rarer part is not read


def test_the_word_vectors_read_the_archive_in_the_same_order_after_an_edit(db):
    """Training is repeatable only if its sentences come in one order: an article edited is
    written anew at the end of the table, and must not move to the end of the training text."""
    from articles.spellings import usage

    outlet = Outlet.objects.create(name_ar="منفذ", slug="outlet", kind="news_site")
    first, *_ = [
        Article.objects.create(
            title=title, body=title, publisher=outlet, source_key=title, raw=title, raw_format="txt", content_hash=title
        )
        for title in ("بوتين يلتقي ماكرون", "ميسي يسجل", "زلزال في المكسيك")
    ]
    before = usage.archive_sentences()
    Article.objects.filter(pk=first.pk).update(title="بوتين يلتقي ماكرون")
    assert usage.archive_sentences() == before
    assert before[0][0] == "بوتين"


@pytest.mark.parametrize(
    ("evidence", "listed", "status"),
    [
        (Evidence(copies=3), False, SpellingStatus.LEARNED),
        (Evidence(copies=1, usage=0.7), False, SpellingStatus.LEARNED),
        (Evidence(usage=0.9), True, SpellingStatus.LEARNED),
        (Evidence(usage=0.9), False, SpellingStatus.PROPOSED),  # usage alone, and no list knows it
        (Evidence(copies=1), False, SpellingStatus.PROPOSED),
        (Evidence(copies=5, usage=0.1), False, None),  # copies, but used apart: a typo or a rewrite
        (Evidence(usage=0.1, by_rules=True), False, SpellingStatus.APART),
        (Evidence(usage=0.3, by_rules=True), False, SpellingStatus.APART),  # a name and a word: بنما/بينما
        (Evidence(copies=2, usage=0.3, by_rules=True), False, None),  # copies exchange them: one word
        (Evidence(usage=0.5, by_rules=True), False, None),  # the rules join them, and rightly
        (Evidence(usage=0.5, by_rules=True, uses=300), False, SpellingStatus.APART),  # well used: two names
        (Evidence(usage=0.75, by_rules=True, uses=300), False, None),
        # Written beside the same names (كيفن/كيفين before دي بروين): with usage near enough to propose,
        # or with two such names, that is enough; one name alone is proposed.
        (Evidence(usage=0.6, beside=("بروين",), beside_alike=0.3), False, SpellingStatus.LEARNED),
        (Evidence(beside=("بروين", "مانشستر"), beside_alike=0.3), False, SpellingStatus.LEARNED),
        (Evidence(beside=("بروين",), beside_alike=0.3), False, SpellingStatus.PROPOSED),
        # Beside one shared word, but neighbours unlike on the whole: two names (ستيفن/ستيفان).
        (Evidence(usage=0.3, beside=("قال",), beside_alike=0.05), False, None),
        # The rules join them and the usage vectors differ, but the names beside them are the same.
        (Evidence(usage=0.3, by_rules=True, beside=("فلاديمير",), beside_alike=0.4), False, None),
    ],
)
def test_what_is_decided_from_the_evidence(evidence, listed, status):
    decided = learning.decide(evidence, listed)
    assert (decided[0] if decided else None) == status


def test_a_pair_of_names_the_rules_may_join_is_learned_like_any_other():
    # The rules' search-time checks may leave such a pair out (ايلكاي beside الكاي, whose ال is its own).
    evidence = Evidence(copies=1, usage=0.7, by_rules=True)
    assert learning.decide(evidence, False, named=True) == (SpellingStatus.LEARNED, "تُستعملان في السياقات نفسها")
    assert learning.decide(evidence, False, named=False) is None  # words, not names: the rules' to join


def test_a_learned_pair_is_searched_and_an_editors_decision_survives_a_new_run(terms):
    terms("بوتين", 2000)
    terms("بوتن", 280)
    terms("ماكرون", 1500)
    terms("ماكرن", 30)
    assert "بوتن" not in admitted("بوتين")  # a three-letter skeleton: the letter rules refuse it
    assert "ماكرن" in admitted("ماكرون")
    vocabulary.forget_spellings()

    attested = Counter({("بوتن", "بوتين"): 4, ("امس", "يوم"): 600})
    usage = vectors({"بوتين": 0.0, "بوتن": math.acos(0.9), "ماكرون": 2.0, "ماكرن": 2.0 + math.acos(0.1)})
    uses = Counter({"بوتين": 2000, "بوتن": 280, "ماكرون": 1500, "ماكرن": 30})
    decided = learning.learn(attested, usage, uses)

    assert decided == Counter({SpellingStatus.LEARNED: 1, SpellingStatus.APART: 1})
    pair = SpellingPair.objects.get(form="بوتن", other="بوتين")
    assert (pair.status, pair.copies, pair.usage) == (SpellingStatus.LEARNED, 4, 0.9)
    assert "بوتن" in admitted("بوتين") and "بوتين" in admitted("بوتن")
    # The letter rules join ماكرون/ماكرن; the archive uses them apart.
    assert "ماكرن" not in admitted("ماكرون")

    pair.status = SpellingStatus.REJECTED  # an editor says no
    pair.save()
    vocabulary.forget_spellings()
    learning.learn(attested, usage, uses)
    assert SpellingPair.objects.get(form="بوتن", other="بوتين").status == SpellingStatus.REJECTED
    assert "بوتن" not in admitted("بوتين")


def test_the_names_beside_a_name_witness_its_spellings():
    sentences = [
        ["قال", "كيفن", "دي", "بروين", "لاعب", "مانشستر"],
        ["سجل", "كيفن", "دي", "بروين", "هدفا"],
        ["اللاعب", "كيفين", "دي", "بروين", "يعود"],
        ["كيفين", "دي", "بروين", "في", "التدريب"],
        ["العالم", "ستيفن", "هوكينغ", "يرحل"],
        ["ستيفن", "هوكينغ", "عن", "الثقوب"],
    ] * 3  # every form used MIN_USES times or more
    beside = Companions(sentences)
    assert ("كيفن", "كيفين") in beside.witnessed_pairs()
    assert ("ستيفن", "كيفن") not in beside.witnessed_pairs()  # nothing written beside both
    assert beside.shared("كيفن", "كيفين") == ["بروين"]  # read through the particle دي
    assert beside.alike("كيفن", "كيفين") > learning.BESIDE_ALIKE > beside.alike("ستيفن", "كيفن")


def test_names_beside_both_forms_come_in_one_order_run_after_run():
    """Ties are ordered by the word: a set's order changes from one process to the next."""
    names = ["هازارد", "دزيكو", "بوسني", "ادم", "كين"]
    sentences = [[form, name] for form in ("ادين", "ايدين") for name in names for _ in range(2)]
    assert Companions(sentences).shared("ادين", "ايدين") == sorted(names)


def test_a_given_name_and_a_family_name_that_look_alike_are_two_names():
    words = ["قال", "اكد", "اعلن", "صرح", "اضاف"]  # beside each once: nothing to read in them
    sentences = [[word, "سيموني", "انزاغي"] for word in words] + [["دييغو", "سيميوني", word] for word in words]
    beside = Companions(sentences)
    assert (beside.place("سيموني"), beside.place("سيميوني"), beside.place("قال")) == ("first", "last", "")
    evidence = Evidence(usage=0.77, by_rules=True, uses=18, places=("first", "last"))
    assert learning.decide(evidence, listed=True, named=True)[0] == SpellingStatus.APART
    assert learning.decide(Evidence(usage=0.77, places=("first", "last")), listed=True, named=True) is None
    # A name beside both, or copies exchanging them, say otherwise.
    assert not Evidence(places=("first", "last"), beside=("هازارد",)).placed_apart
    assert learning.decide(Evidence(copies=2, by_rules=True, places=("first", "last")), True, True) == (
        SpellingStatus.LEARNED,
        "تتبادلهما نسخ نص واحد",
    )


def test_a_pair_written_beside_the_same_names_is_learned_with_its_names_as_evidence(terms):
    terms("كيفن", 200)
    terms("كيفين", 40)
    sentences = [["كيفن", "دي", "بروين"], ["كيفين", "دي", "بروين"], ["المدرب", "كيفن", "ماسكات"]] * 10
    sentences += [["المهاجم", "كيفين", "ماسكات"]] * 3
    usage = vectors({"كيفن": 0.0, "كيفين": math.acos(0.55)})  # near enough to propose, not to learn
    uses = Counter({"كيفن": 200, "كيفين": 40})

    assert learning.learn(Counter(), usage, uses) == Counter({SpellingStatus.PROPOSED: 1})
    decided = learning.learn(Counter(), usage, uses, beside=Companions(sentences))

    assert decided == Counter({SpellingStatus.LEARNED: 1})
    pair = SpellingPair.objects.get()
    assert pair.beside == "بروين، ماسكات" and pair.reason.endswith("بروين، ماسكات")
    assert "كيفين" in admitted("كيفن")


@pytest.mark.parametrize(
    ("witness", "definite", "status"), [("ميستورا", 0, "learned"), ("غانم", 0, "learned"), ("مديريه", 40, "proposed")]
)
def test_only_a_name_witnesses_a_name(terms, witness, definite, status):
    """Two districts listed after one noun (مديريتي حيدان وحيران) share a neighbour, not a name."""
    terms("حيدان", 30)
    terms("حيران", 25)
    terms(witness, 100, definite)  # a noun takes the article now and then; a name never
    sentences = [[witness, "حيدان"], [witness, "حيران"]] * 10
    usage = vectors({"حيدان": 0.0, "حيران": math.acos(0.86)})

    learning.learn(Counter(), usage, Counter({"حيدان": 30, "حيران": 25}), beside=Companions(sentences))

    assert SpellingPair.objects.get().status == status


def test_the_admin_says_when_search_cannot_use_a_learned_pair(terms, admin_client, listed_names):
    """كيفين, no list's name here, is indexed under كيف ("how") alone: search cannot find it
    without every كيف, and the editor is told so."""
    listed_names()
    terms("كيفن", 200)
    terms("كيفين", 40)
    terms("كيف", 5000)
    pair = SpellingPair.objects.create(form="كيفن", other="كيفين", status=SpellingStatus.LEARNED)

    page = admin_client.get(f"/admin/articles/spellingpair/{pair.pk}/change/").content.decode()

    assert "البحث عن «كيفن» لا يجد «كيفين». تُفهرس «كيفين» تحت «كيف»" in page
    assert "ليست في قوائم الأسماء" in page
    assert "البحث عن «كيفين» يجد «كيفن»." in page


def test_a_listed_name_indexed_under_another_word_is_found_through_its_learned_spelling(
    terms, admin_client, client, listed_names
):
    """Listed as a name, كيفين is also indexed as written: a search for كيفن finds it, and not
    every article with كيف ("how")."""
    from tests.test_search_site import api, article

    listed_names("كيفين")
    site = Outlet.objects.create(name_ar="موقع", slug="site", kind="news_site", country="EG")
    kevin = article("كيفين يعود إلى التدريبات", "عاد اللاعب بعد الإصابة.", site, 1)
    how = article("كيف تحمي بيتك من الحر", "نصائح للصيف.", site, 2)
    spelled = article("كيفن يسجل", "سجل اللاعب هدفا.", site, 3)
    SearchTerm.objects.filter(form="كيف").update(article_count=5000)  # "how" is far commoner than the name
    pair = SpellingPair.objects.create(form="كيفن", other="كيفين", status=SpellingStatus.LEARNED)
    vocabulary.forget_spellings()

    found = [hit["id"] for hit in api(client, q="كيفن")["results"]]
    page = admin_client.get(f"/admin/articles/spellingpair/{pair.pk}/change/").content.decode()

    assert found == [spelled.pk, kevin.pk] and how.pk not in found
    assert "البحث عن «كيفن» يجد «كيفين»." in page


def test_words_the_letter_rules_join_but_the_archive_uses_apart_are_kept_apart_names_or_not(terms):
    terms("عمليات", 6000, 2200)  # "operations": sometimes with the article, so not used as a name
    terms("عمولات", 26, 11)  # "commissions"
    assert "عمولات" in admitted("عمليات")  # the letter rules join them (one skeleton, a vowel written otherwise)
    vocabulary.forget_spellings()

    usage = vectors({"عمليات": 0.0, "عمولات": math.acos(0.05)})
    decided = learning.learn(Counter(), usage, Counter({"عمليات": 6000, "عمولات": 30}))

    assert decided == Counter({SpellingStatus.APART: 1})
    assert "عمولات" not in admitted("عمليات")


def test_a_rare_spelling_the_letter_rules_join_to_a_common_word_is_checked_against_usage(terms):
    terms("فرانس", 1800, 0)  # France, in «فرانس برس» and «فرانس 24»
    terms("فرانز", 28, 0)  # Franz: a name the archive writes rarely
    assert "فرانس" in admitted("فرانز")  # one sound skeleton: a z written as an s
    vocabulary.forget_spellings()
    usage = vectors({"فرانس": 0.0, "فرانز": math.acos(0.43)})

    # Nine uses are too few to read: the rules' pair stands.
    assert learning.learn(Counter(), usage, Counter({"فرانس": 1600, "فرانز": 9})) == Counter()
    assert "فرانس" in admitted("فرانز")

    # Twelve are enough, though too few for the name's own neighbours to be read (MIN_USES).
    assert learning.MIN_USES > 12
    decided = learning.learn(Counter(), usage, Counter({"فرانس": 1600, "فرانز": 12}))
    assert decided == Counter({SpellingStatus.APART: 1})
    assert "فرانس" not in admitted("فرانز")


def test_an_editor_adds_a_pair_as_typed_and_search_finds_it(terms, admin_client):
    terms("زيورخ", 300, 0)
    terms("زوريخ", 90, 0)
    response = admin_client.post(
        "/admin/articles/spellingpair/add/", {"form": "زيورخ", "other": "زوريخ", "status": "accepted"}
    )
    assert response.status_code == 302
    pair = SpellingPair.objects.get()
    assert (pair.form, pair.other) == ("زوريخ", "زيورخ")  # stored in one order
    assert "زوريخ" in admitted("زيورخ")

    page = admin_client.get("/admin/articles/spellingpair/")
    assert "أقرّها محرر" in page.content.decode()
    again = admin_client.post(  # typed the other way round, with the article
        "/admin/articles/spellingpair/add/", {"form": "الزوريخ", "other": "زيورخ", "status": "rejected"}
    )
    assert "الزوج موجود" in again.content.decode() and SpellingPair.objects.count() == 1
    page = admin_client.get(f"/admin/articles/spellingpair/{pair.pk}/change/").content.decode()
    assert "/search/?q=%22%D8%B2%D9%88%D8%B1%D9%8A%D8%AE%22" in page  # "زوريخ", to read where it is used

    admin_client.post(
        "/admin/articles/spellingpair/",
        {"action": "reject", "_selected_action": [pair.pk]},
    )
    assert SpellingPair.objects.get().status == SpellingStatus.REJECTED
    assert "زوريخ" not in admitted("زيورخ")


def test_an_editor_is_told_why_a_pair_cannot_be_searched(db, admin_client):
    response = admin_client.post(
        "/admin/articles/spellingpair/add/", {"form": "بوت", "other": "بوط", "status": "accepted"}
    )
    assert "أربعة أحرف أو أكثر" in response.content.decode()
    response = admin_client.post(
        "/admin/articles/spellingpair/add/", {"form": "الرياض", "other": "رياض", "status": "accepted"}
    )
    assert "الصيغتان واحدة" in response.content.decode()
    for form, other, reason in [("ولي العهد", "ولي عهد", "كلمة واحدة"), ("Putin", "بوتين", "لكلمات عربية"),
                                ("بوتين<script>", "بوتن", "كلمة واحدة")]:  # fmt: skip
        response = admin_client.post(
            "/admin/articles/spellingpair/add/", {"form": form, "other": other, "status": "accepted"}
        )
        assert reason in response.content.decode(), form
    assert not SpellingPair.objects.exists()


def test_the_command_learns_from_the_demo_archive(db):
    call_command("load_demo", stdout=io.StringIO())
    call_command("index_search", stdout=io.StringIO(), stderr=io.StringIO())
    SpellingPair.objects.create(form="زوريخ", other="زيورخ", status=SpellingStatus.ACCEPTED)
    err = io.StringIO()
    call_command("learn_spellings", stderr=err)
    assert "spellings:" in err.getvalue()
    # Too small an archive to learn from; an editor's pair is kept.
    assert SpellingPair.objects.get().status == SpellingStatus.ACCEPTED


def test_the_worker_learns_the_table_every_night(db):
    from procrastinate.contrib.django import app

    from articles.tasks import learn_spellings

    periodic = {task.task.name: task.cron for task in app.periodic_registry.periodic_tasks.values()}
    assert periodic[learn_spellings.name] == "41 3 * * *"
    SpellingPair.objects.create(form="بوتن", other="بوتين", status=SpellingStatus.LEARNED, copies=3)
    learn_spellings(timestamp=0)  # an empty archive: nothing to attest the pair any more
    assert not SpellingPair.objects.exists()


def test_a_learned_pair_opened_and_saved_as_it_is_stays_learned(db, admin_client):
    pair = SpellingPair.objects.create(form="بوتن", other="بوتين", status=SpellingStatus.LEARNED, copies=20)
    page = admin_client.get(f"/admin/articles/spellingpair/{pair.pk}/change/").content.decode()
    assert 'value="learned" selected' in page
    admin_client.post(
        f"/admin/articles/spellingpair/{pair.pk}/change/", {"form": "بوتن", "other": "بوتين", "status": "learned"}
    )
    pair.refresh_from_db()
    assert pair.status == SpellingStatus.LEARNED and pair.copies == 20


def test_copies_arriving_propose_the_spelling_they_attest(db):
    from articles.ingest.tracing import trace
    from tests.test_provenance import WIRE_STORY, article

    named = WIRE_STORY.replace("وزير النقل", "وزير النقل غوتيريش", 1)
    wire = article("spa", named)
    trace([wire.pk], [wire.pk])
    assert not SpellingPair.objects.exists()
    copy = article("okaz", named.replace("غوتيريش", "غوتيريس"))
    trace([copy.pk], [copy.pk])
    pair = SpellingPair.objects.get()
    assert (pair.form, pair.other, pair.status, pair.copies) == ("غوتيريس", "غوتيريش", SpellingStatus.PROPOSED, 1)
    trace([copy.pk], [])  # traced again (an edited article): still one pair, one copy
    assert SpellingPair.objects.get().copies == 1


def test_an_editors_decision_needs_the_permission_and_is_recorded(terms, django_user_model):
    from django.contrib.admin.models import LogEntry

    from tests.test_admin_workflows import staff

    terms("غوتيريش", 900)
    terms("غوتيريز", 40)
    pair = SpellingPair.objects.create(form="غوتيريز", other="غوتيريش", status=SpellingStatus.APART, usage=0.28,
                                       reason="كلمتان مختلفتان في الاستعمال")  # fmt: skip
    vocabulary.forget_spellings()
    assert "غوتيريز" not in admitted("غوتيريش")

    action = {"action": "accept", "_selected_action": [pair.pk]}
    staff(django_user_model, "reader", "articles.view_spellingpair").post("/admin/articles/spellingpair/", action)
    assert SpellingPair.objects.get().status == SpellingStatus.APART  # viewing is not deciding

    editor = staff(django_user_model, "editor", "articles.view_spellingpair", "articles.change_spellingpair")
    editor.post("/admin/articles/spellingpair/", action)
    decided = SpellingPair.objects.get()
    assert (decided.status, decided.reason) == (SpellingStatus.ACCEPTED, "قرار محرر")
    assert decided.decided_at > pair.decided_at
    entry = LogEntry.objects.get(object_id=str(pair.pk))
    assert entry.user.username == "editor" and "أقرّها محرر" in entry.get_change_message()
    assert "غوتيريز" in admitted("غوتيريش")


def test_a_word_used_apart_from_its_bare_form_is_not_read_as_a_proclitic_and_it(db):
    """Counts read بايدن as ب + ايدن when Eden is written alone more often; usage says Biden."""
    from articles.search.engine import run_search
    from articles.search.indexing import index_articles, recount
    from articles.spellings import readings

    outlet = Outlet.objects.create(name_ar="منفذ", slug="outlet", kind="news_site")

    def article(title: str, day: int):
        from django.utils import timezone

        created = Article.objects.create(
            title=title, body=title, publisher=outlet, source_key=f"usage-{day}", raw=title, raw_format="txt",
            content_hash="x", published_at=timezone.now(),
        )  # fmt: skip
        index_articles([created.pk])
        return created

    biden = {article("بايدن يزور أوكرانيا", 1)}
    eden = {article(f"ايدن يسجل هدفين {day}", day) for day in range(2, 6)}
    recount()
    vocabulary.forget_spellings()
    assert {hit.article for hit in run_search({"q": "بايدن"}).hits} == biden | eden

    usage = vectors({"بايدن": 0.0, "ايدن": math.acos(0.34), "بقياده": 1.0, "قياده": 1.0 + math.acos(0.5)})
    uses = Counter({"بايدن": 12, "ايدن": 40, "بقياده": 30, "قياده": 9})
    measured = readings.bare_usages(usage, uses)
    assert measured == {"بايدن": pytest.approx(0.34, abs=0.001)}  # قيادة, used 9 times, is not measured
    readings.save(measured)
    assert {hit.article for hit in run_search({"q": "بايدن"}).hits} == biden

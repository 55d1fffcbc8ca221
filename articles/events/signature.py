"""What an article is about, as a few weighted terms from its title and lead.

Terms are loose skeletons of the search analyzer's word forms (articles.search.analysis): the
first letter and the consonants after it, every long vowel and a final ta marbuta dropped. The
transliterations of one name meet (قرغيزستان، قيرغيزستان), and so do a country and its adjective
(إثيوبيا، الإثيوبي، الإثيوبية), which in the coverage of one story are the same word. A word that
may carry a one-letter prefix (وإريتريا، لبوتين) is read the way the archive knows much better. Each
term is weighted by how often the title and lead use it (the title counts double) and by how rare
it is in the archive's titles and leads (inverse document frequency, counted over the archive at
each rebuild and as articles arrive, kept in EventTerm). Words found in more than GENERIC of the
archive («السعودية»، «قال») say nothing about which story this is and are left out, and a word's
weight tapers to nothing as it nears that share. The SIZE heaviest terms, as a unit vector, are the
article's signature.
"""

from __future__ import annotations

import math
import time
from collections import Counter
from functools import lru_cache
from typing import NamedTuple

from articles.search import analysis

# Measured on the labelled events (evaluation/events.py) with loose terms: 75 to 90 lead words,
# and the grouping's threshold at 0.42, scored better than the 60 words used before. 20 terms
# scored about the same as 15 (rebuild P 0.916 R 0.809, against 0.912 and 0.807) and the corpus
# took 319 s to ingest, against 298 s.
LEAD_WORDS = 90
TITLE_WEIGHT = 2.0
SIZE = 15
BARE_READING_FACTOR = 2  # a prefix is stripped when the archive says so (the grouping was measured at 2)
GENERIC = 0.03  # share of the archive
# A small archive says little about which words are rare: it is weighed as if it were this large,
# so that its words are all fairly rare and the title and lead's own emphasis decides.
MIN_ARCHIVE = 1000
CACHE_SECONDS = 600

_frequencies: dict = {"until": 0.0, "df": {}, "articles": 1}


def document_frequencies() -> tuple[dict[str, int], int]:
    """(articles per term, articles in the archive), from EventTerm; cached per process."""
    if _frequencies["until"] < time.monotonic():
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute("SELECT term, articles, definite FROM articles_eventterm")
            rows = cursor.fetchall()
            df = {term: n for term, n, _ in rows}
            _frequencies["definite"] = {term: d for term, _, d in rows}
            cursor.execute("SELECT count(*) FROM articles_article")
            articles = cursor.fetchone()[0]
        _frequencies.update(until=time.monotonic() + CACHE_SECONDS, df=df, articles=articles)
    return _frequencies["df"], max(MIN_ARCHIVE, _frequencies["articles"])


def add_frequencies(readings: list[Reading]) -> None:
    """Count newly ingested articles' terms into EventTerm and the cache, as they arrive."""
    from django.db import connection

    df, definite = tally(readings)
    if not df:
        return
    terms = [t for t in df if len(t) <= 100]
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO articles_eventterm (term, articles, definite) "
            "SELECT * FROM unnest(%s::text[], %s::int[], %s::int[]) "
            "ON CONFLICT (term) DO UPDATE SET articles = articles_eventterm.articles + EXCLUDED.articles, "
            "definite = articles_eventterm.definite + EXCLUDED.definite",
            [terms, [df[t] for t in terms], [definite[t] for t in terms]],
        )
    if _frequencies["until"] >= time.monotonic():
        cached, cached_definite = _frequencies["df"], _frequencies.setdefault("definite", {})
        _frequencies["articles"] += len(readings)
        for term in terms:
            cached[term] = cached.get(term, 0) + df[term]
            cached_definite[term] = cached_definite.get(term, 0) + definite[term]


def definite_share(term: str) -> float:
    """How often the archive writes the term with the definite article (names rarely take it)."""
    df, _ = document_frequencies()
    return _frequencies.get("definite", {}).get(term, 0) / max(1, df.get(term, 0))


def forget_frequencies() -> None:
    _frequencies["until"] = 0.0


class Reading(NamedTuple):
    """An article's title and lead, analysed once: for each word its candidate terms (as written,
    then without a one-letter prefix) with its count (the title's doubled), every term any word
    may be read as (what the archive's counts count), and the terms it writes with the article."""

    counts: Counter  # tuple of candidate terms -> count
    terms: frozenset
    definite: set


LONG_VOWELS = str.maketrans("", "", "اويء")


def term(form: str) -> str:
    """The loose skeleton of a word form (إثيوبيا and الإثيوبية are both اثب)."""
    if len(form) > 2 and form.endswith("ه"):  # a ta marbuta, folded
        form = form[:-1]
    return form[:1] + form[1:].translate(LONG_VOWELS) if len(form) > 2 else form


def read(title: str, body: str) -> Reading:
    counts, terms, definite = Counter(), set(), set()
    for weight, text in ((TITLE_WEIGHT, title), (1, lead(body))):
        for token in analysis.TOKEN.findall(text):
            candidates, its_terms, its_definite = _word(token)
            if candidates:
                counts[candidates] += weight
                terms.update(its_terms)
                definite.update(its_definite)
    return Reading(counts, frozenset(terms), definite)


@lru_cache(maxsize=100_000)
def _word(token: str) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """A token's candidate terms (as written first; not the whole-token reading of a و+ال word),
    every term it may be read as, and those it takes the definite article in; empty for a stop word."""
    candidates, terms, definite = [], [], []
    for reading in analysis.analyse(token):
        found = term(reading.form)
        terms.append(found)
        if reading.definite:
            definite.append(found)
        if not reading.whole and found not in candidates:
            candidates.append(found)
    return tuple(candidates), tuple(terms), tuple(definite)


def tally(readings) -> tuple[Counter, Counter]:
    """Over readings: articles per term, and articles where it takes the definite article."""
    df, definite = Counter(), Counter()
    for reading in readings:
        df.update(reading.terms)
        definite.update(reading.definite)
    return df, definite


def lead(body: str) -> str:
    return " ".join(body.split()[:LEAD_WORDS])


def signature(title: str, body: str, df: dict[str, int] | None = None, articles: int | None = None) -> dict[str, float]:
    """The article's heaviest terms with their weights, as a unit vector."""
    if df is None:
        df, articles = document_frequencies()
    return weigh(read(title, body), df, articles)


def weigh(reading: Reading, df: dict[str, int], articles: int) -> dict[str, float]:
    """The heaviest terms of a reading, weighted by rarity, as a unit vector."""
    counts: Counter = Counter()
    for candidates, n in reading.counts.items():
        chosen = candidates[0]
        for other in candidates[1:]:
            if df.get(other, 0) > BARE_READING_FACTOR * df.get(chosen, 0):
                chosen = other
        counts[chosen] += n
    generic = GENERIC * articles
    weights = {}
    for term, tf in counts.items():
        seen = df.get(term, 0)
        if len(term) < 2 or seen > generic:
            continue
        # Tapered towards GENERIC, not cut there: a word of boilerplate just under it weighs little
        # whether or not the archive, as it stands when the article is signed, puts it over.
        taper = 1 - seen / generic
        weights[term] = (1 + math.log(tf)) * math.log((articles + 1) / (seen + 1)) * taper
    top = sorted(weights.items(), key=lambda item: -item[1])[:SIZE]
    norm = math.sqrt(sum(w * w for _, w in top)) or 1.0
    return {term: round(w / norm, 4) for term, w in top if w > 0}


def similarity(a: dict[str, float], b: dict[str, float]) -> float:
    """Cosine of two signatures."""
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b[t] for t, w in a.items() if t in b)

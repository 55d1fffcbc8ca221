"""Spelling variants weighted by documents: for a labelled name, how many of the articles written
with another of its spellings does a query for it find, and how many articles do wrongly
admitted variants bring in?

    .venv/bin/python -m evaluation.variant_documents [--pool NAME...]     (make eval-search; 3 min)

Labels: evaluation/variant_doc_labels.json. 'held_out': for each name, every spelling the corpus
writes that might be taken for it (its candidates: spelled within one or two letters, or among its
nearest words by usage) was judged by reading, 'same' or 'different', before the variants table was
built. 'held_out_2' to 'held_out_6' (2026-12-07): further names down the same
list; each sample's 'about' key says what was judged and when. The pair samples of
variant_labels.json ('same', 'same_late', 'same_3') are scored too,
each pair as a name with one other spelling.

An article is "written with" a form when one of its words reads as that form (the analyzer's
readings, so لبوتين is written with بوتين). For a name N:
- recall: of the articles written with a spelling labelled 'same' and never with N itself, the
  share that the query N matches (its whole match set, not a top k);
- wrong merges (on the held-out labels only: a pair sample judges one spelling of each name):
  of the articles that N's admitted variants bring in (written with a variant, never with N, and
  matched by the query), the share written with none of the variants labelled 'same'.
Both are summed over names (micro) and printed with the names that weigh most. `--pool` prints
candidate spellings of the given names for labelling.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
LABELS = HERE / "variant_doc_labels.json"
PAIR_LABELS = HERE / "variant_labels.json"
PAIR_SAMPLES = ("same", "same_late", "same_3")


def query_forms(name: str) -> set[str]:
    """The forms a query word is read as (with and without a proclitic, as compile.meant does)."""
    from articles.search.analysis import analyse
    from articles.search.compile import meant

    return {reading.form for reading in meant(analyse(name))}


def matched(name: str) -> set[int]:
    """Every article the query matches (its whole match set)."""
    from django.db import connection

    from articles.search.compile import compile_query
    from articles.search.query import parse

    compiled = compile_query(parse(name))
    with connection.cursor() as cursor:
        cursor.execute("SELECT id FROM articles_article WHERE search_vector @@ %s::tsquery", [compiled.tsquery])
        return {row[0] for row in cursor.fetchall()}


def written_with(forms: set[str]) -> dict[str, set[int]]:
    """For each form, the articles written with it (title or body), read from the archive."""
    from articles.models import Article
    from articles.search.analysis import TOKEN, analyse

    found = defaultdict(set)
    for pk, title, body in Article.objects.values_list("pk", "title", "body").iterator(chunk_size=2000):
        for token in TOKEN.findall(title + "\n" + body):
            for reading in analyse(token):
                if reading.form in forms:
                    found[reading.form].add(pk)
    return found


def names_to_score() -> dict[str, dict[str, dict[str, str]]]:
    """{sample: {name: {form: 'same'|'different'}}}: the held-out labels and the pair samples."""
    from articles.search.analysis import analyse

    labels = json.loads(LABELS.read_text(encoding="utf-8"))
    samples = {sample: labels[sample] for sample in labels if not sample.startswith("about")}
    pairs = json.loads(PAIR_LABELS.read_text(encoding="utf-8"))
    for sample in PAIR_SAMPLES:
        samples[sample] = {}
        for name, other in pairs[sample]:
            samples[sample].setdefault(name, {})[analyse(other)[0].form] = "same"
    return samples


def score(samples: dict[str, dict[str, dict[str, str]]]) -> dict:
    from articles.search.compile import admitted

    names = {name for sample in samples.values() for name in sample}
    own = {name: query_forms(name) for name in names}
    admits = {name: admitted(name) for name in names}
    forms = set().union(*own.values(), *(set(a) for a in admits.values()))
    forms |= {form for sample in samples.values() for verdicts in sample.values() for form in verdicts}
    print(f"reading the archive for {len(forms)} forms…", flush=True)
    articles = written_with(forms)
    report = {}
    for sample, verdicts_of in samples.items():
        found = missed = wrong = brought = unlabelled = 0
        worst = []
        for name, verdicts in verdicts_of.items():
            mine = set().union(*(articles.get(form, set()) for form in own[name]))
            same = {form for form, verdict in verdicts.items() if verdict == "same"} - own[name]
            other = set().union(*(articles.get(form, set()) for form in same)) - mine
            hits = matched(name)
            found += len(other & hits)
            missed += len(other - hits)
            if other - hits:
                worst.append((len(other - hits), name, len(other)))
            # What a variant brings is what the query matches through it, not every article it is
            # in (the query may match a variant's articles only in part).
            by_variant = {form: (articles.get(form, set()) - mine) & hits for form in admits[name]}
            right = set().union(set(), *(by_variant[f] for f in by_variant if verdicts.get(f) == "same"))
            bad = [f for f in by_variant if verdicts.get(f) != "same"]
            brought += len(set().union(set(), *by_variant.values()))
            wrong += len(set().union(set(), *(by_variant[f] for f in bad)) - right)
            unlabelled += sum(1 for f in bad if f not in verdicts)
        report[sample] = {
            "names": len(verdicts_of),
            "articles written otherwise": found + missed,
            "recall": round(found / (found + missed), 3) if found + missed else None,
            "most missed": [f"{name} {miss}/{total}" for miss, name, total in sorted(worst, reverse=True)[:5]],
        }
        if sample not in PAIR_SAMPLES:  # a pair sample labels one spelling a name: nothing is judged wrong
            report[sample] |= {
                "articles brought by variants": brought,
                "wrong merges": round(wrong / brought, 3) if brought else 0.0,
                "unlabelled variants admitted": unlabelled,
            }
    return report


def pool(names: list[str]) -> None:
    """Candidate spellings of each name, for labelling: spelled within one letter (two for
    longer names), same first sound; most used first."""
    from articles.models import SearchTerm
    from articles.search.vocabulary import FIRST_LETTERS, spelling_edits

    rows = list(SearchTerm.objects.filter(article_count__gte=3).values_list("form", "article_count"))
    for name in names:
        for base in sorted(query_forms(name)):
            limit = 1 if len(base) <= 4 else 2
            near = sorted(
                (
                    (count, form)
                    for form, count in rows
                    if form != base
                    and abs(len(form) - len(base)) <= limit
                    and (form[0] == base[0] or any({form[0], base[0]} <= group for group in FIRST_LETTERS))
                    and spelling_edits(form, base) <= limit
                ),
                reverse=True,
            )
            print(f"{name} [{base}]: " + " ".join(f"{form}:{count}" for count, form in near[:30]))


def main() -> int:
    from benchmarks.corpus_db import use_corpus_database

    if not use_corpus_database():
        return 0
    if "--pool" in sys.argv:
        pool(sys.argv[sys.argv.index("--pool") + 1 :])
        return 0
    for sample, figures in score(names_to_score()).items():
        print(f"{sample}: {json.dumps(figures, ensure_ascii=False)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Search judged by reading: stock `to_tsvector('arabic')` against Isnad on graded results.

    .venv/bin/python -m evaluation.judged                 score stock and Isnad on the grades
    .venv/bin/python -m evaluation.judged --pool LABEL    add every system's top 10 to the pool
    .venv/bin/python -m evaluation.judged --pool LABEL --half H   the same, for one half's queries
    .venv/bin/python -m evaluation.judged --sheet FILE    write the pooled results not graded yet
    .venv/bin/python -m evaluation.judged --runs          score every run kept in the pool
    .venv/bin/python -m evaluation.judged --regrade-sheet FILE   21% of the graded pool, to grade again
    .venv/bin/python -m evaluation.judged --agreement FILE       agreement of those second grades with the first
    .venv/bin/python -m evaluation.judged --distinct      a copy of a result above gains nothing

Queries: evaluation/judged_queries.json (written before any system's results were seen, each with
the need it is graded against; within each class they alternate development / held-out).
The pool (evaluation/judged_pool.json) holds, per query, the top 10 of each system at each time it
was pooled (stock, Isnad before and after a ranking change...), by corpus id. A person grades the
pooled articles by reading the headline and the opening paragraphs against the need, without
knowing which system returned them (the sheet is shuffled and says nothing of the systems):
0 not about it, 1 partly (mentions it in passing, or about a related matter), 2 about it.
Grades: evaluation/judged_grades.json. Texts stay in ../shared/corpus.

Prints nDCG@10 (gains 0/1/3), nDCG@10 counting only grade 2, per class and per half, the queries
on which Isnad is better and worse than stock with a two-sided sign test, and how many of the
top-10 slots were not graded (they count as 0; re-pool and grade when that is not small).
With --distinct, a result that is the same text as one ranked above it (articles.search.copies)
gains nothing, as a reader learns nothing from it, and the ideal ranking holds each text once.
"""

from __future__ import annotations

import json
import math
import random
import sys
from collections import defaultdict
from pathlib import Path

from evaluation.search import build_stock_index, stock_search

HERE = Path(__file__).resolve().parent
QUERIES = HERE / "judged_queries.json"
POOL = HERE / "judged_pool.json"
GRADES = HERE / "judged_grades.json"
TOP = 10
CLASSES = ("names", "topics", "phrases", "events")


def isnad_search(query: str) -> list[int]:
    from articles.search.engine import run_search

    return [hit.article.pk for hit in run_search({"q": query}, page_size=TOP).hits]


SYSTEMS = {"stock": stock_search, "isnad": isnad_search}


def queries() -> list[dict]:
    found = json.loads(QUERIES.read_text(encoding="utf-8"))["queries"]
    by_class = defaultdict(int)
    for query in found:
        if "half" in query:  # the second set, written after the ranking was final
            continue
        query["half"] = "development" if by_class[query["class"]] % 2 == 0 else "held-out"
        by_class[query["class"]] += 1
    return found


def groups(found: list[dict]) -> list[str]:
    """What a score is reported for: all queries, each half in the order it was written (a set
    added to judged_queries.json is reported with no change here), each class."""
    return ["all", *dict.fromkeys(query["half"] for query in found), *CLASSES]


def corpus_ids(pks: list[int]) -> list[str]:
    from articles.models import Article

    found = dict(Article.objects.filter(pk__in=pks).values_list("pk", "external_id"))
    return [found[pk] for pk in pks if found.get(pk)]


def pool(label: str, half: str | None = None) -> None:
    pooled = json.loads(POOL.read_text(encoding="utf-8")) if POOL.exists() else {}
    for query in queries():
        if half and query["half"] != half:
            continue
        runs = pooled.setdefault(query["id"], {})
        for name, search in SYSTEMS.items():
            runs[f"{name} {label}"] = corpus_ids(search(query["query"])[:TOP])
    POOL.write_text(json.dumps(pooled, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"pooled the top {TOP} of {', '.join(SYSTEMS)} as {label!r} into {POOL.name}")


def sheet(path: str) -> None:
    """The pooled articles not graded yet, shuffled, with what a judge reads."""
    pooled = json.loads(POOL.read_text(encoding="utf-8"))
    grades = json.loads(GRADES.read_text(encoding="utf-8")) if GRADES.exists() else {}
    chosen = {
        query_id: sorted({cid for run in runs.values() for cid in run} - set(grades.get(query_id, {})))
        for query_id, runs in pooled.items()
    }
    written = _write_sheet(path, chosen, seed="")
    print(f"wrote {written} articles to grade into {path}")


def _write_sheet(path: str, chosen: dict[str, list[str]], seed: str) -> int:
    """A grading sheet: per query, its need, then the chosen articles shuffled (by `seed` and the
    query), each with its headline and opening; how many articles it holds."""
    from articles.models import Article

    lines = []
    for query in queries():
        ids = list(chosen.get(query["id"], []))
        if not ids:
            continue
        random.Random(f"{seed}{query['id']}").shuffle(ids)
        lines.append(f"## {query['id']} {query['query']} — {query['need']}")
        articles = {
            a.external_id: a for a in Article.objects.filter(external_id__in=ids).only("title", "body", "external_id")
        }
        for cid in ids:
            article = articles.get(cid)
            text = " ".join((article.body if article else "").split())[:260]
            lines.append(f"{cid}\t{article.title if article else '?'} | {text}")
    Path(path).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return sum(1 for line in lines if not line.startswith("##"))


def ndcg(
    ranked: list[str], grades: dict[str, int], k: int = TOP, only_full: bool = False, ideal: list[int] | None = None
) -> float:
    """`ideal`: the grades the best ranking can show (all the graded ones by default)."""

    def gain(grade: int) -> float:
        return (1.0 if grade == 2 else 0.0) if only_full else float(2**grade - 1)

    dcg = sum(gain(grades.get(cid, 0)) / math.log2(i + 2) for i, cid in enumerate(ranked[:k]))
    ideal = sorted((gain(g) for g in (grades.values() if ideal is None else ideal)), reverse=True)[:k]
    best = sum(g / math.log2(i + 2) for i, g in enumerate(ideal))
    return dcg / best if best else 0.0


def sign_test(better: int, worse: int) -> float:
    """Two-sided p of at least this split under no difference (ties left out)."""
    n = better + worse
    if not n:
        return 1.0
    tail = sum(math.comb(n, k) for k in range(max(better, worse), n + 1)) / 2**n
    return min(1.0, 2 * tail)


def score(distinct: bool = False) -> dict:
    grades = json.loads(GRADES.read_text(encoding="utf-8"))
    results = defaultdict(lambda: defaultdict(list))
    ungraded = defaultdict(int)
    per_query = {}
    for query in queries():
        graded = grades.get(query["id"])
        if not graded:
            continue
        row = {}
        found = {name: corpus_ids(search(query["query"])[:TOP]) for name, search in SYSTEMS.items()}
        texts = _texts({*graded, *(cid for ranked in found.values() for cid in ranked)}) if distinct else {}
        for name, ranked in found.items():
            ungraded[name] += sum(1 for cid in ranked if cid not in graded)
            ideal = None
            if distinct:
                ranked, ideal = _first_of_each_text(ranked, texts), _best_of_each_text(graded, texts)
            row[name] = (ndcg(ranked, graded, ideal=ideal), ndcg(ranked, graded, only_full=True, ideal=ideal))
            for group in ("all", query["class"], query["half"]):
                results[name, group]["ndcg"].append(row[name][0])
                results[name, group]["full"].append(row[name][1])
        per_query[query["id"]] = (query, row)
    return {"results": results, "ungraded": ungraded, "per_query": per_query}


def _texts(ids: set[str]) -> dict[str, str]:
    """Each corpus id, and the first (in sorted order) of the ids that are the same text as it."""
    from articles.models import Article
    from articles.search.copies import same_text

    pks = dict(Article.objects.filter(external_id__in=ids).values_list("external_id", "pk"))
    external = {pk: cid for cid, pk in pks.items()}
    same = same_text(list(external))
    text_of = {}
    for cid in sorted(pks):  # a text is named by its first id; a copy of a copy joins it too
        seen, todo = set(), [pks[cid]]
        while todo:
            pk = todo.pop()
            if pk not in seen:
                seen.add(pk)
                todo += same.get(pk, ())
        text_of[cid] = min(external[pk] for pk in seen)
    return text_of


def _first_of_each_text(ranked: list[str], texts: dict[str, str]) -> list[str]:
    """The ranking with each copy of a text above it replaced by nothing (a gain of 0)."""
    seen, out = set(), []
    for cid in ranked:
        text = texts.get(cid, cid)
        out.append(cid if text not in seen else f"copy of {text}")
        seen.add(text)
    return out


def _best_of_each_text(grades: dict[str, int], texts: dict[str, str]) -> list[int]:
    """The grades an ideal ranking can show: each text once, at its copies' best grade."""
    best = defaultdict(int)
    for cid, grade in grades.items():
        best[texts.get(cid, cid)] = max(best[texts.get(cid, cid)], grade)
    return list(best.values())


def pooled_runs() -> None:
    """nDCG@10 of every run kept in the pool (each system as it ranked when it was pooled)."""
    pooled = json.loads(POOL.read_text(encoding="utf-8"))
    grades = json.loads(GRADES.read_text(encoding="utf-8"))
    found, written = defaultdict(lambda: defaultdict(list)), queries()
    for query in written:
        graded = grades.get(query["id"])
        if not graded:
            continue
        for run, ranked in pooled.get(query["id"], {}).items():
            for group in ("all", query["class"], query["half"]):
                found[run, group]["ndcg"].append(ndcg(ranked, graded))
                found[run, group]["full"].append(ndcg(ranked, graded, only_full=True))
    runs = sorted({run for run, _ in found})
    print(f"{'run':18} {'group':12} {'n':>3} {'nDCG@10':>8} {'grade 2':>8}")
    for run in runs:
        for group in groups(written):
            values = found[run, group]
            if values["ndcg"]:
                print(
                    f"{run:18} {group:12} {len(values['ndcg']):3} {_mean(values['ndcg']):8.3f} {_mean(values['full']):8.3f}"
                )


def report(scored: dict) -> None:
    results, per_query = scored["results"], scored["per_query"]
    print(
        f"{'group':12} {'n':>3} {'stock':>7} {'isnad':>7} {'stock g2':>9} {'isnad g2':>9} {'better':>7} {'worse':>6} {'p':>6}"
    )
    for group in groups([query for query, _ in per_query.values()]):
        stock, isnad = results["stock", group], results["isnad", group]
        if not stock["ndcg"]:
            continue
        pairs = list(zip(isnad["ndcg"], stock["ndcg"], strict=True))
        better = sum(1 for i, s in pairs if i > s + 1e-9)
        worse = sum(1 for i, s in pairs if i < s - 1e-9)
        print(
            f"{group:12} {len(pairs):3} {_mean(stock['ndcg']):7.3f} {_mean(isnad['ndcg']):7.3f} "
            f"{_mean(stock['full']):9.3f} {_mean(isnad['full']):9.3f} {better:7} {worse:6} {sign_test(better, worse):6.3f}"
        )
    print("top-10 slots not graded:", dict(scored["ungraded"]))
    if "--queries" in sys.argv:
        for qid, (query, row) in per_query.items():
            print(
                f"{qid} {query['half'][:4]} stock {row['stock'][0]:.3f} isnad {row['isnad'][0]:.3f}  {query['query']}"
            )


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


SECOND_READING = HERE / "judged_grades_second.json"


def second_sample(grades: dict) -> dict[str, list[str]]:
    """22% of the graded pairs, chosen by a hash of query and article (the same every time; the 21%
    read first are among them)."""
    import hashlib

    chosen = defaultdict(list)
    for query_id, graded in grades.items():
        for cid in sorted(graded):
            if int(hashlib.md5(f"{query_id} {cid}".encode()).hexdigest(), 16) % 100 < 22:
                chosen[query_id].append(cid)
    return dict(chosen)


def regrade_sheet(path: str) -> None:
    """The sampled pairs as a sheet like `sheet`'s: shuffled, without their first grades."""
    written = _write_sheet(path, second_sample(json.loads(GRADES.read_text(encoding="utf-8"))), seed="second ")
    print(f"wrote {written} articles to grade again into {path}")


def agreement(first: dict, second: dict) -> dict:
    """Exact agreement and Cohen's kappa (plain and linearly weighted) of two gradings 0/1/2."""
    pairs = [
        (first[q][cid], grade)
        for q, graded in second.items()
        for cid, grade in graded.items()
        if cid in first.get(q, {})
    ]
    n = len(pairs)
    table = [[sum(1 for a, b in pairs if (a, b) == (i, j)) for j in range(3)] for i in range(3)]
    rows, columns = [sum(table[i]) / n for i in range(3)], [sum(table[i][j] for i in range(3)) / n for j in range(3)]

    def kappa(weight) -> float:
        observed = sum(weight(i, j) * table[i][j] / n for i in range(3) for j in range(3))
        expected = sum(weight(i, j) * rows[i] * columns[j] for i in range(3) for j in range(3))
        return (observed - expected) / (1 - expected) if expected < 1 else 1.0

    return {
        "pairs": n,
        "exact agreement": round(sum(table[i][i] for i in range(3)) / n, 3),
        "kappa": round(kappa(lambda i, j: float(i == j)), 3),
        "kappa, linear weights": round(kappa(lambda i, j: 1 - abs(i - j) / 2), 3),
        "first grade (rows) against second (columns)": table,
    }


def main() -> int:
    from benchmarks.corpus_db import use_corpus_database

    if "--agreement" in sys.argv:  # no database: both gradings are files
        second = json.loads(Path(sys.argv[sys.argv.index("--agreement") + 1]).read_text(encoding="utf-8"))["grades"]
        print(json.dumps(agreement(json.loads(GRADES.read_text(encoding="utf-8")), second), indent=1))
        return 0
    if not use_corpus_database():
        return 0
    build_stock_index()
    if "--pool" in sys.argv:
        pool(
            sys.argv[sys.argv.index("--pool") + 1],
            sys.argv[sys.argv.index("--half") + 1] if "--half" in sys.argv else None,
        )
        return 0
    if "--sheet" in sys.argv:
        sheet(sys.argv[sys.argv.index("--sheet") + 1])
        return 0
    if "--regrade-sheet" in sys.argv:
        regrade_sheet(sys.argv[sys.argv.index("--regrade-sheet") + 1])
        return 0
    if not GRADES.exists():
        print(f"no grades yet ({GRADES.name}): pool, write a sheet and grade it")
        return 0
    if "--runs" in sys.argv:
        pooled_runs()
        return 0
    report(score(distinct="--distinct" in sys.argv))
    return 0


if __name__ == "__main__":
    sys.exit(main())

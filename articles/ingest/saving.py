"""Save drafts as articles: created, updated (earlier version kept) or unchanged.

A batch is saved in one transaction. If the database refuses it (a concurrent ingest created the
same article a moment ago, or one draft holds a value no column accepts), each draft is saved on
its own, so one bad input never takes the rest of the batch with it and never leaves half an
article behind.
"""

from __future__ import annotations

import hashlib

from django.db import DatabaseError, IntegrityError, connection, transaction

from articles.ingest.draft import Draft
from articles.models import Article, ArticleVersion, Attribution, ClaimedBy, Review
from articles.search import analysis
from articles.search.indexing import Batch

ARTICLE_FIELDS = [
    "publisher", "title", "body", "byline", "dateline", "section", "captions", "url", "external_id",
    "published_at", "date_precision", "crawled_at", "source_text", "raw", "raw_format", "raw_encoding",
    "content_hash", "source_name",
]  # fmt: skip


def source_key(draft: Draft) -> str:
    return hashlib.sha256(draft.identity.encode()).hexdigest()


def save_batch(drafts: list[Draft], run) -> list[tuple[str, Draft, str]]:
    """[(created|updated|unchanged|failed, draft, reason)] for every draft."""
    try:
        with transaction.atomic():
            return _save(drafts, run)
    except (IntegrityError, DatabaseError):
        pass
    outcomes = []
    for draft in drafts:
        try:
            with transaction.atomic():
                outcomes.extend(_save([draft], run))
        except (IntegrityError, DatabaseError) as error:
            reason = str(error).strip().splitlines()[0][:300]
            outcomes.append(("failed", draft, f"the database refused it: {reason}"))
    return outcomes


def _save(drafts: list[Draft], run) -> list[tuple[str, Draft, str]]:
    """Save drafts in runs without a repeated article, so a repeat sees its predecessor saved."""
    outcomes, chunk, keys = [], [], set()
    for draft in drafts:
        key = source_key(draft)
        if key in keys:
            outcomes += _save_distinct(chunk, run)
            chunk, keys = [], set()
        chunk.append((key, draft))
        keys.add(key)
    return outcomes + _save_distinct(chunk, run)


def known_contents(hashes: list[str]) -> set[str]:
    """Which of these content hashes an article, or an earlier version of one, has."""
    found = set(Article.objects.filter(content_hash__in=hashes).values_list("content_hash", flat=True))
    return found | set(ArticleVersion.objects.filter(content_hash__in=hashes).values_list("content_hash", flat=True))


def known(keys: list[str]) -> tuple[dict[str, tuple[int, str]], set[tuple[str, str]]]:
    """Articles already saved under these keys: {key: (id, content hash)}, and every (key, hash)
    seen, as current content or as an earlier version."""
    current = {
        key: (pk, content)
        for key, pk, content in Article.objects.filter(source_key__in=keys).values_list(
            "source_key", "pk", "content_hash"
        )
    }
    seen = {(key, content) for key, (_, content) in current.items()}
    seen |= set(
        ArticleVersion.objects.filter(article__source_key__in=keys).values_list("article__source_key", "content_hash")
    )
    return current, seen


def is_unchanged(key: str, draft: Draft, current: dict, seen: set) -> bool:
    """Content seen before, now or as an earlier version, is unchanged: re-runs never flip versions.
    A page known by its text alone is unchanged whenever its key is known."""
    return (key, draft.content_hash) in seen or (draft.identity_is_content and key in current)


def _save_distinct(chunk: list[tuple[str, Draft]], run) -> list[tuple[str, Draft, str]]:
    current, seen = known([key for key, _ in chunk])
    outcomes, new, attributions, search = [], [], [], Batch()
    for key, draft in chunk:
        if is_unchanged(key, draft, current, seen):
            outcomes.append(("unchanged", draft, ""))
        elif key in current:
            attributions += _update(key, draft, run, search)
            outcomes.append(("updated", draft, ""))
        else:
            new.append((key, draft))
    articles = Article.objects.bulk_create([_article(key, draft, run, search) for key, draft in new])
    for article, (_, draft) in zip(articles, new, strict=True):
        draft.saved_as = article.pk
        attributions += _attributions(article, draft)
        outcomes.append(("created", draft, ""))
    Attribution.objects.bulk_create(attributions)
    with connection.cursor() as cursor:
        search.save_vocabulary(cursor)
    return outcomes


def _article(key: str, draft: Draft, run, search: Batch) -> Article:
    article = Article(source_key=key, ingest_run=run)
    for name in ARTICLE_FIELDS:
        setattr(article, name, getattr(draft, name))
    _index(article, search)
    return article


def _index(article: Article, search: Batch) -> None:
    """Search is written with the article, in the same transaction: nothing is ever unindexed."""
    article.search_vector, article.search_head = search.add(article.title, article.body, article.captions)
    article.indexed_with = analysis.index_version()


def _update(key: str, draft: Draft, run, search: Batch) -> list[Attribution]:
    """Keep the current content as an earlier version, then take the new one."""
    article = Article.objects.select_for_update().get(source_key=key)
    ArticleVersion.objects.get_or_create(
        article=article,
        content_hash=article.content_hash,
        defaults={
            "raw": article.raw,
            "raw_format": article.raw_format,
            "raw_encoding": article.raw_encoding,
            "source_name": article.source_name,
            "title": article.title,
            "body": article.body,
            "published_at": article.published_at,
            "first_ingested_at": article.ingested_at,
        },
    )
    for name in ARTICLE_FIELDS:
        setattr(article, name, getattr(draft, name))
    article.ingest_run = run
    _index(article, search)
    article.save()
    draft.saved_as = article.pk
    # The parser's unreviewed claims are redone; editors' work and reviewed claims stay.
    article.attributions.filter(claimed_by=ClaimedBy.PARSER, review=Review.UNREVIEWED).delete()
    return _attributions(article, draft)


def _attributions(article: Article, draft: Draft) -> list[Attribution]:
    return [
        Attribution(
            article=article,
            kind=found.kind,
            name_as_written=found.name[:300],
            outlet=found.outlet if getattr(found.outlet, "pk", None) else None,
            evidence=found.evidence,
            evidence_start=found.start,
            evidence_end=found.end,
            confidence=found.confidence,
            claimed_by=ClaimedBy.PARSER,
        )
        for found in draft.attributions
    ]

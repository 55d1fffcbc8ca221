"""One address for one article: tracking parameters and edition flags are not its identity."""

import importlib

import pytest
from django.apps import apps
from django.utils import timezone

from articles.ingest.source_url import canonical_url
from articles.models import Article, ArticleVersion, Attribution, ClaimedBy, Review
from tests.conftest import run_ingest, write

PAGE = "{title}\n\nجدة - واس\n\nأعلنت الأمانة افتتاح حديقة جديدة على الواجهة البحرية للمدينة.\n"


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        ("https://a.example/n/1/خبر.html?weekly", "https://a.example/n/1/خبر.html"),
        ("https://a.example/node/623351?live", "https://a.example/node/623351"),
        ("https://a.example/x.html?utm_source=fb&utm_medium=social", "https://a.example/x.html"),
        ("https://a.example/a?id=3&fbclid=zz", "https://a.example/a?id=3"),
        ("https://a.example/news.php?123", "https://a.example/news.php?123"),  # the flag may be the article
        ("https://a.example/Detail.aspx?ArticleId=27017", "https://a.example/Detail.aspx?ArticleId=27017"),
        ("https://a.example/#!/article/9", "https://a.example/#!/article/9"),
        (
            "https://a.example/ar/article/فتاة-بجربة\u200e--/141/64498",
            "https://a.example/ar/article/فتاة-بجربة--/141/64498",
        ),
        ("https://a.example/\ufeffخبر/\u200f7", "https://a.example/خبر/7"),
    ],
)
def test_tracking_and_edition_flags_are_dropped_and_nothing_else(url, canonical):
    assert canonical_url(url) == canonical


def ingested(tmp_path, title: str, url: str) -> Article:
    """A page ingested today at `url`: the article a migration keeps."""
    run_ingest(str(write(tmp_path, "page.txt", PAGE.format(title=title))), "--url", url)
    return Article.objects.get()


def saved_before(title: str, body: str, url: str, key: str, content_hash: str, event=None) -> Article:
    """An article as ingest saved it before its URL's rule was known (the address kept as written)."""
    return Article.objects.create(
        title=title, body=body, url=url, source_key=key, raw=f"raw {key}", raw_format="txt",
        content_hash=content_hash, event=event,
    )  # fmt: skip


@pytest.mark.django_db
def test_a_page_under_an_edition_flag_is_the_same_article(tmp_path):
    path = write(tmp_path, "page.txt", PAGE.format(title="افتتاح حديقة على الواجهة البحرية"))
    run_ingest(str(path), "--url", "https://a.example/node/1/حديقة.html")
    write(tmp_path, "page.txt", PAGE.format(title="افتتاح حديقة جديدة على الواجهة البحرية"))
    _status, _, err = run_ingest(str(path), "--url", "https://a.example/node/1/حديقة.html?weekly")
    assert "created 0, updated 1" in err
    article = Article.objects.get()
    assert article.url == "https://a.example/node/1/حديقة.html" and article.versions.count() == 1


@pytest.mark.django_db
def test_the_migration_merges_duplicates_saved_before_as_versions(tmp_path):
    kept = ingested(tmp_path, "افتتاح حديقة على الواجهة البحرية", "https://a.example/node/2/حديقة.html")
    duplicate = saved_before(
        "افتتاح حديقة جديدة", "نص آخر.", "https://a.example/node/2/حديقة.html?weekly", "old-key", "h" * 64, kept.event
    )
    alone = saved_before("خبر وحيد", "نص.", "https://a.example/node/3/خبر.html?utm_source=x", "old-key-2", "g" * 64)
    decision = Attribution.objects.create(
        article=duplicate, kind="quoted_source", claimed_by=ClaimedBy.EDITOR, review=Review.CONFIRMED,
        reviewed_at=timezone.now(),
    )  # fmt: skip
    migration = importlib.import_module("articles.migrations.0019_canonical_urls")
    migration.forwards(apps, None)
    assert not Article.objects.filter(pk=duplicate.pk).exists()
    assert ArticleVersion.objects.get(article=kept).title == "افتتاح حديقة جديدة"
    decision.refresh_from_db()
    assert decision.article_id == kept.pk
    alone.refresh_from_db()
    assert alone.url == "https://a.example/node/3/خبر.html" and alone.source_key != "old-key-2"
    if kept.event_id:
        kept.event.refresh_from_db()
        assert kept.event.article_count == Article.objects.filter(event=kept.event).count()


@pytest.mark.django_db
def test_an_address_with_a_mark_a_reader_cannot_see_is_the_same_article(tmp_path):
    path = write(tmp_path, "page.txt", PAGE.format(title="العثور على فتاة في جربة"))
    run_ingest(str(path), "--url", "https://a.example/ar/article/فتاة-بجربة--/141/64498")
    _status, _, err = run_ingest(str(path), "--url", "https://a.example/ar/article/فتاة-بجربة\u200e--/141/64498")
    assert "created 0" in err and Article.objects.count() == 1


@pytest.mark.django_db
def test_the_migration_merges_twins_whose_addresses_differ_by_an_invisible_mark(tmp_path):
    kept = ingested(tmp_path, "العثور على فتاة في جربة", "https://a.example/ar/article/فتاة-بجربة--/141/64498")
    twin = saved_before(
        kept.title, kept.body, "https://a.example/ar/article/فتاة-بجربة\u200e--/141/64498", "twin-key",
        kept.content_hash, kept.event,
    )  # fmt: skip
    plain = saved_before("خبر آخر", "نص.", "https://a.example/ar/article/خبر/141/1", "plain-key", "g" * 64)
    importlib.import_module("articles.migrations.0022_invisible_marks_in_urls").forwards(apps, None)
    assert not Article.objects.filter(pk=twin.pk).exists() and Article.objects.filter(pk=kept.pk).exists()
    plain.refresh_from_db()
    assert plain.source_key == "plain-key"  # an address without marks is left alone

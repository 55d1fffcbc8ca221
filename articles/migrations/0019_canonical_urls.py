"""Articles whose URLs differ only by tracking parameters or an edition flag are one article.

Ingest now keeps one address per article (articles.ingest.source_url.canonical_url). Articles
saved before keep theirs: each is moved to its canonical address, and where another article
already holds that address, it is merged into it as an earlier version. An editor's decision on
the duplicate (an attribution added, confirmed or rejected) moves to the article kept; links to the
duplicate point to it; the events concerned are counted again.
"""

import hashlib

from django.db import migrations
from django.db.models import Count

from articles.ingest.source_url import canonical_url


def forwards(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    move_to_canonical_urls(apps, Article.objects.filter(url__contains="?"))


def move_to_canonical_urls(apps, articles):
    """Each of `articles` to its canonical address, merged into the article that holds it if any
    (also run by later migrations when canonical_url learns more)."""
    Article = apps.get_model("articles", "Article")
    ArticleVersion = apps.get_model("articles", "ArticleVersion")
    Attribution = apps.get_model("articles", "Attribution")
    Event = apps.get_model("articles", "Event")
    candidates = list(articles.order_by("pk").values_list("pk", "url"))
    events = set()
    for pk, url in candidates:
        canonical = canonical_url(url)
        if canonical == url:
            continue
        key = hashlib.sha256(canonical.encode()).hexdigest()
        keeper = (
            Article.objects.filter(source_key=key).exclude(pk=pk).first()
            # the URL's own unique index is on md5(url)
            or Article.objects.extra(where=["md5(url) = md5(%s)"], params=[canonical]).exclude(pk=pk).first()
        )
        if keeper is None:
            Article.objects.filter(pk=pk).update(url=canonical, source_key=key)
            continue
        duplicate = Article.objects.get(pk=pk)
        _merge(duplicate, keeper, ArticleVersion, Attribution)
        events.update(e for e in (duplicate.event_id, keeper.event_id) if e)
        duplicate.delete()
    for event in Event.objects.filter(pk__in=events):
        counts = Article.objects.filter(event=event).aggregate(
            articles=Count("pk"), outlets=Count("publisher", distinct=True)
        )
        Event.objects.filter(pk=event.pk).update(article_count=counts["articles"], outlet_count=counts["outlets"])


def _merge(duplicate, keeper, ArticleVersion, Attribution):
    """The duplicate's text as an earlier version of the article kept, with what editors did."""
    known = {keeper.content_hash, *ArticleVersion.objects.filter(article=keeper).values_list("content_hash", flat=True)}
    if duplicate.content_hash not in known:
        ArticleVersion.objects.create(
            article=keeper, raw=duplicate.raw, raw_format=duplicate.raw_format, raw_encoding=duplicate.raw_encoding,
            content_hash=duplicate.content_hash, source_name=duplicate.source_name, title=duplicate.title,
            body=duplicate.body, published_at=duplicate.published_at, first_ingested_at=duplicate.ingested_at,
        )  # fmt: skip
        known.add(duplicate.content_hash)
    for version in ArticleVersion.objects.filter(article=duplicate).exclude(content_hash__in=known):
        ArticleVersion.objects.filter(pk=version.pk).update(article=keeper)
    Attribution.objects.filter(upstream=duplicate).update(upstream=keeper)
    editors = Attribution.objects.filter(article=duplicate).exclude(claimed_by="parser", review="unreviewed")
    editors.update(article=keeper)
    Attribution.objects.filter(article=keeper, upstream=keeper).update(upstream=None)  # never its own source


class Migration(migrations.Migration):
    dependencies = [("articles", "0018_article_content_hash_index")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]

"""Hiding and publishing articles. Hidden means hidden: a hidden article belongs to no event (an
event's title, dates, counts and names are made of public articles only), its words are taken out
of the vocabulary that variants and suggestions come from, and no page, feed or API shows it."""

from __future__ import annotations

from django.db import transaction

from articles.events.grouping import assign_events
from articles.events.naming import refresh_events
from articles.models import Article, Visibility
from articles.search.indexing import count_published, uncount_hidden


@transaction.atomic
def hide(articles) -> int:
    """Hide public articles; the number hidden."""
    ids = list(Article.objects.filter(pk__in=_ids(articles), visibility=Visibility.PUBLIC).values_list("pk", flat=True))
    if not ids:
        return 0
    events = set(Article.objects.filter(pk__in=ids, event__isnull=False).values_list("event", flat=True))
    Article.objects.filter(pk__in=ids).update(visibility=Visibility.HIDDEN)
    Article.objects.filter(pk__in=ids, event__is_locked=False).update(event=None)
    refresh_events(events)
    uncount_hidden(ids)
    return len(ids)


@transaction.atomic
def publish(articles) -> int:
    """Make hidden articles public; they join their events as if just ingested. The number published."""
    ids = list(Article.objects.filter(pk__in=_ids(articles), visibility=Visibility.HIDDEN).values_list("pk", flat=True))
    if not ids:
        return 0
    Article.objects.filter(pk__in=ids).update(visibility=Visibility.PUBLIC)
    count_published(ids)
    assign_events(ids)
    return len(ids)


def _ids(articles) -> list[int]:
    return [a if isinstance(a, int) else a.pk for a in articles]

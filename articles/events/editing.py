"""Editors' changes to events. Each locks the events it touches, so no rebuild undoes it."""

from __future__ import annotations

from django.db import transaction

from articles.events.naming import create_events, refresh_events


@transaction.atomic
def merge_events(events) -> object:
    """Move every article of the given events into the largest one; the others go."""
    from articles.models import Article

    events = sorted(events, key=lambda e: (-e.article_count, e.pk))
    keep, others = events[0], events[1:]
    Article.objects.filter(event__in=others).update(event=keep)
    for other in others:
        other.delete()
    keep.is_locked = True
    keep.save(update_fields=["is_locked"])
    refresh_events([keep.pk])
    return keep


@transaction.atomic
def move_articles(articles, event=None) -> object:
    """Move articles into an event, or into a new one of their own (a split); both sides locked."""
    from articles.models import Article, Event

    ids = [a.pk for a in articles]
    sources = set(Article.objects.filter(pk__in=ids, event__isnull=False).values_list("event", flat=True))
    if event is None:
        event = Event.objects.get(pk=create_events([ids])[0])
    else:
        Article.objects.filter(pk__in=ids).update(event=event)
    Event.objects.filter(pk__in=sources - {event.pk}, articles__isnull=True).delete()  # emptied by the move
    sources = set(Event.objects.filter(pk__in=sources).values_list("pk", flat=True))
    Event.objects.filter(pk__in=sources | {event.pk}).update(is_locked=True)
    refresh_events(sources | {event.pk})
    event.refresh_from_db()
    return event

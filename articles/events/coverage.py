"""An event's coverage: who reported it when, who originated and who copied, related events.

Used by the event page and by GET /api/events/<id>, in a bounded number of queries whatever the
event's size (its articles are capped at MAX_ARTICLES, newest dropped first).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta

from django.db import connection
from django.db.models import F, Q
from django.db.models.expressions import RawSQL

from articles.events.grouping import article_time
from articles.models import Article, Attribution, Event, Review, SharedText
from articles.models.article import COPY_KINDS, REPUBLICATION_KINDS

MAX_ARTICLES = 300
RELATED = 5
ROLES = {"original": "أصلي", "rewrite": "إعادة صياغة", "copy": "منقول", "wire": "مادة وكالة"}


@dataclass
class Report:
    article: Article
    role: str
    first: bool = False
    upstream: list[int] = field(default_factory=list)  # articles of this event it was taken from

    @property
    def role_label(self) -> str:
        return ROLES[self.role]

    @property
    def dated(self) -> bool:
        return bool(self.article.published_at) and self.article.date_precision != "unknown"

    @property
    def collected(self) -> bool:
        """Whether its time is when it was collected: its source gives no publication date (some
        give only the crawl time), and it was published at that time or before."""
        return not self.dated and bool(self.article.crawled_at)

    @property
    def known_at(self):
        """Its publication time, or the time it was collected by (see `collected`); None if neither."""
        if self.dated:
            return self.article.published_at
        return self.article.crawled_at


@dataclass
class Coverage:
    event: Event
    reports: list[Report]
    edges: list[dict]
    outlets: list[tuple[object, int]]
    related: list[Event]
    truncated: bool = False
    collected_first: object = None  # when the earliest report is known only by its collection time

    @property
    def links(self) -> list[tuple[dict, Article, Article]]:
        """The edges with their articles, for the page: (edge, upstream or first, downstream or second)."""
        articles = {r.article.pk: r.article for r in self.reports}
        return [(e, articles[e["from"]], articles[e["to"]]) for e in self.edges]

    def as_json(self) -> dict:
        return {
            "id": self.event.pk,
            "slug": self.event.slug,
            "title": self.event.title,
            "starts_on": self.event.starts_on,
            "ends_on": self.event.ends_on,
            "key_names": self.event.key_names,
            "article_count": self.event.article_count,
            "is_locked": self.event.is_locked,
            "outlets": [
                {"outlet": o.slug if o else None, "name": str(o) if o else None, "articles": n} for o, n in self.outlets
            ],
            "timeline": [_report_json(r) for r in self.reports],
            "edges": self.edges,
            "related": [{"id": e.pk, "slug": e.slug, "title": e.title, "starts_on": e.starts_on} for e in self.related],
        }


def _report_json(report: Report) -> dict:
    article = report.article
    return {
        "article": article.pk,
        "title": article.title,
        "outlet": article.publisher.slug if article.publisher else None,
        "published_at": article.published_at,
        "date_precision": article.date_precision,
        "collected_at": article.crawled_at if report.collected else None,
        "role": report.role,
        "first": report.first,
        "upstream": report.upstream,
    }


def coverage_of(event: Event) -> Coverage:
    # In time order; an article whose source gives only the time it was collected is placed at
    # that time (it was published then or before), not after every dated one.
    articles = list(
        event.articles.public()
        .select_related("publisher")
        .annotate(at=article_time())
        .order_by(F("at").asc(nulls_last=True), "pk")[: MAX_ARTICLES + 1]
    )
    truncated = len(articles) > MAX_ARTICLES
    articles = articles[:MAX_ARTICLES]
    ids = {a.pk for a in articles}
    shared = list(
        SharedText.objects.filter(Q(first__in=ids) | Q(second__in=ids)).values_list(
            "first_id", "second_id", "first_in_second", "second_in_first"
        )
    )
    edges, upstream = _edges(ids, shared)
    roles = _roles(ids, shared, {pk for sources in upstream.values() for pk in sources})
    reports = [Report(a, roles.get(a.pk, "original"), upstream=sorted(upstream.get(a.pk, ()))) for a in articles]
    # The first report: published before any other was published or collected. When the earliest
    # is known only by when it was collected, who published first is not known.
    timed = [r for r in reports if r.known_at]
    earliest = min(timed, key=lambda r: r.known_at) if timed else None
    if earliest is not None and not earliest.collected:
        earliest.first = True
    outlets: dict = {}
    for a in articles:
        outlets[a.publisher] = outlets.get(a.publisher, 0) + 1
    ranked = sorted(outlets.items(), key=lambda item: -item[1])
    collected_first = earliest.article.crawled_at if earliest is not None and earliest.collected else None
    return Coverage(event, reports, edges, ranked, related_events(event), truncated, collected_first)


def _edges(ids: set[int], shared: list[tuple]) -> tuple[list[dict], dict[int, set[int]]]:
    """Who took from whom inside the event: attributions with an upstream here, and shared text."""
    edges, upstream = [], {}
    links = (
        Attribution.objects.filter(article__in=ids, upstream__in=ids)
        .exclude(review=Review.REJECTED)
        .values_list("article_id", "upstream_id", "kind", "claimed_by", "confidence")
    )
    for article, source, kind, claimed_by, confidence in links:
        edges.append({"from": source, "to": article, "kind": kind, "claimed_by": claimed_by, "confidence": confidence})
        upstream.setdefault(article, set()).add(source)
    linked = {(e["from"], e["to"]) for e in edges} | {(e["to"], e["from"]) for e in edges}
    for first, second, a_in_b, b_in_a in shared:
        if first in ids and second in ids and (first, second) not in linked:
            edges.append({"from": first, "to": second, "kind": "shared_text", "containment": [a_in_b, b_in_a]})
    return edges, upstream


def _roles(ids: set[int], shared: list[tuple], sources: set[int]) -> dict[int, str]:
    """copy (says or was shown to be taken from elsewhere), wire copy, rewrite (shares text with
    another report, credits none, and nobody is known to have taken from it), else original."""
    roles = {}
    credits = (
        Attribution.objects.filter(article__in=ids, kind__in=COPY_KINDS)
        .exclude(review=Review.REJECTED)
        .values_list("article_id", "kind")
    )
    for article, kind in credits:
        if kind in REPUBLICATION_KINDS:
            roles[article] = "copy"
        else:
            roles.setdefault(article, "wire")
    for first, second, _, _ in shared:
        for pk in (first, second):
            if pk in ids and pk not in sources:
                roles.setdefault(pk, "rewrite")
    return roles


def related_events(event: Event) -> list[Event]:
    """Other events of the same story, then events naming the same people and places.

    An event is one happening and its immediate coverage: the story's later developments are
    events of their own (the bombing, the bomber named, the condolences), and they share the
    story's heaviest terms (`alike_events`). After them come the events of the month around it
    that name the same people and places (`named_alike`)."""
    related = {e.pk: e for e in alike_events(event)}
    for other in named_alike(event):
        related.setdefault(other.pk, other)
    return list(related.values())[:RELATED]


# An event's coverage as a whole is read by its heaviest terms (the sum of its articles'
# signatures); another event within two weeks whose articles share this many of them reports
# the same story: عسير، تفجير، مسجد، طوارئ for a bombing and the naming of its bomber.
RELATED_TERMS = 8
RELATED_SHARED = 4
RELATED_WINDOW = timedelta(days=14)
ALIKE = """
SELECT a.event_id FROM articles_eventposting p JOIN articles_article a ON a.id = p.article_id
WHERE p.term = ANY(%s) AND p.at BETWEEN %s AND %s AND a.event_id <> %s AND a.visibility = 'public'
GROUP BY a.event_id HAVING count(DISTINCT p.term) >= %s
ORDER BY count(DISTINCT p.term) DESC, count(*) DESC, a.event_id LIMIT %s
"""


def alike_events(event: Event) -> list[Event]:
    """Events within two weeks that share most of this one's heaviest terms, most shared first."""
    if not event.starts_on:
        return []
    centroid: Counter = Counter()
    for signature in event.articles.public().values_list("event_signature", flat=True)[:MAX_ARTICLES]:
        centroid.update(signature or {})
    terms = [term for term, _ in centroid.most_common(RELATED_TERMS)]
    if len(terms) < RELATED_SHARED:
        return []
    start = datetime.combine(event.starts_on, time.min, tzinfo=UTC) - RELATED_WINDOW
    end = datetime.combine(event.ends_on or event.starts_on, time.max, tzinfo=UTC) + RELATED_WINDOW
    with connection.cursor() as cursor:
        cursor.execute(ALIKE, [terms, start, end, event.pk, RELATED_SHARED, RELATED])
        ids = [pk for (pk,) in cursor.fetchall()]
    found = Event.objects.public().in_bulk(ids)
    return [found[pk] for pk in ids if pk in found]


def named_alike(event: Event) -> list[Event]:
    """Other events of the month around it naming the same people and places: those sharing the
    most names first (an event naming بوتين and جباروف before one naming only روسيا), then the
    most covered, then the nearest in time."""
    if not event.key_names:
        return []
    related = Event.objects.public().exclude(pk=event.pk).filter(key_names__overlap=event.key_names)
    if event.starts_on:
        window = timedelta(days=30)
        related = related.filter(starts_on__range=(event.starts_on - window, event.starts_on + window))
    # Names shared, counted in SQL: an event naming مصر overlaps with hundreds of that month's.
    shared = RawSQL(
        "cardinality(ARRAY(SELECT unnest(articles_event.key_names) INTERSECT SELECT unnest(%s::varchar[])))",
        [event.key_names],
    )
    related = related.annotate(shared=shared).order_by("-shared", "-article_count", "-starts_on", "pk")
    return list(related[:RELATED])

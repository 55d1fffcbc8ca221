"""An event's readable face: its title, dates, outlets and key names, kept up to date."""

from __future__ import annotations

import secrets
from collections import Counter, defaultdict
from collections.abc import Iterable

from django.db.models import Count, Max, Min
from django.utils.text import slugify

from articles.events import signature as signatures
from articles.search import analysis

KEY_NAMES = 5
NAME_LIKE = 0.3  # at most this share of a name's uses take the definite article (الرياض is a name)
REPRESENTATIVE_POOL = 60


def create_events(groups: list[list[int]]) -> list[int]:
    """One new event for each group of article ids; their ids."""
    from django.db import connection

    from articles.models import Event

    events = Event.objects.bulk_create(
        [Event(title="…", slug=f"e-{secrets.token_hex(6)}") for _ in groups], batch_size=2000
    )
    pairs = [(event.pk, pk) for event, group in zip(events, groups, strict=True) for pk in group]
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE articles_article AS a SET event_id = v.event FROM unnest(%s::bigint[], %s::bigint[]) AS v(event, id) "
            "WHERE a.id = v.id",
            [[e for e, _ in pairs], [a for _, a in pairs]],
        )
    return [event.pk for event in events]


def refresh_events(ids: Iterable[int]) -> None:
    """Recompute the dates, counts, title and key names of events; empty unlocked ones go."""
    from articles.events.grouping import article_time
    from articles.models import Article, Event

    ids = list(ids)
    for start in range(0, len(ids), 2000):
        chunk = ids[start : start + 2000]
        stats = (
            Article.objects.filter(event__in=chunk)
            .annotate(at=article_time())
            .values("event")
            .annotate(n=Count("pk"), outlets=Count("publisher", distinct=True), first=Min("at"), last=Max("at"))
        )
        stats = {row["event"]: row for row in stats}
        members = defaultdict(list)
        for row in (
            Article.objects.filter(event__in=chunk)
            .annotate(at=article_time())
            .order_by("at", "pk")
            .values("pk", "event", "title", "event_signature", "at")
        ):
            members[row["event"]].append(row)
        Event.objects.filter(pk__in=[pk for pk in chunk if pk not in stats], is_locked=False).delete()
        events = list(Event.objects.filter(pk__in=list(stats)))
        for event in events:
            row = stats[event.pk]
            event.article_count, event.outlet_count = row["n"], row["outlets"]
            event.starts_on = row["first"].date() if row["first"] else None
            event.ends_on = row["last"].date() if row["last"] else None
            if not event.is_locked:
                event.title = representative(members[event.pk])["title"][:300]
            event.key_names = key_names(members[event.pk])
        Event.objects.bulk_update(
            events, ["article_count", "outlet_count", "starts_on", "ends_on", "title", "key_names"], batch_size=2000
        )
    _name_slugs(ids)


def representative(members: list[dict]) -> dict:
    """The member most like the others (the earliest when there are two)."""
    pool = members[:REPRESENTATIVE_POOL]
    if len(pool) <= 2:
        return pool[0]
    return max(pool, key=lambda m: sum(signatures.similarity(m["event_signature"], o["event_signature"]) for o in pool))


# Words of headlines that never take the article but are not names: prepositions and adverbs.
NOT_NAMES = frozenset(
    [
        "حول",
        "بعد",
        "قبل",
        "خلال",
        "ضد",
        "امام",
        "عبر",
        "نحو",
        "منذ",
        "حتي",
        "لدي",
        "وسط",
        "بين",
        "دون",
        "رغم",
        "عقب",
        "اثر",
        "لقاء",
        "جديد",
    ]
)


def key_names(members: list[dict]) -> list[str]:
    """The names the members' titles use most (people, places, organisations), as written.

    A light extractor: a name is a word the archive's vocabulary has seen in several articles and
    rarely with the definite article (بوتين، قرغيزستان; not الحكومة), that is not a verb in the
    imperfect (يجري، يبحث) or a preposition. Each word is read with or without a one-letter
    prefix, whichever the vocabulary knows better (بوتين is not ب+وتين).
    """
    from articles.models import SearchTerm

    titles = [[word.readings for word in analysis.words(m["title"])] for m in members[:REPRESENTATIVE_POOL]]
    forms = {reading.form for title in titles for readings in title for reading in readings}
    known = {t.form: t for t in SearchTerm.objects.filter(form__in=forms)}
    uses: Counter = Counter()  # per skeleton: two spellings of one name are one name
    spellings: dict[str, Counter] = defaultdict(Counter)
    for title in titles:
        best = {max(readings, key=lambda r: getattr(known.get(r.form), "article_count", 0)).form for readings in title}
        names = {analysis.skeleton(form): form for form in best if _is_name(known.get(form))}
        uses.update(names.keys())
        for skeleton, form in names.items():
            spellings[skeleton][form] += 1
    return [known[spellings[skeleton].most_common(1)[0][0]].display for skeleton, _ in uses.most_common(KEY_NAMES)]


def _is_name(term) -> bool:
    if term is None or len(term.form) < 3 or term.form in NOT_NAMES or term.form.startswith("ي"):
        return False
    return term.article_count >= 2 and term.definite_count <= NAME_LIKE * term.article_count


def _name_slugs(ids: list[int]) -> None:
    """Readable slugs for events still carrying a temporary one: the title, then the id."""
    from articles.models import Event

    events = list(Event.objects.filter(pk__in=ids, slug__startswith="e-"))
    for event in events:
        event.slug = f"{slugify(event.title, allow_unicode=True)[:80].strip('-')}-{event.pk}"
    Event.objects.bulk_update(events, ["slug"], batch_size=2000)

"""An event's readable face: its title, dates, outlets and key names, kept up to date."""

from __future__ import annotations

import secrets
from collections import Counter, defaultdict
from collections.abc import Iterable

from django.db.models import Count, Max, Min
from django.utils.text import slugify

from articles import known_names
from articles.events import names
from articles.events import signature as signatures
from articles.models.id_lists import any_of

KEY_NAMES = 5
# A word in more of the archive than this is a title word (وزير، خادم), not a name. Counted on the
# word as search reads it, not on its loose skeleton (هاواي's is one letter). Measured on the
# judged sample (evaluation/key_names.py): 0.04 showed 1.20 names an event at precision 0.67,
# 0.08 1.48 at 0.71 (روسيا، مصر، إيران are in 6-8% of the corpus), 0.12 no more names.
COMMON = 0.08
REPRESENTATIVE_POOL = 60
UNNAMED = "…"  # a new event's title until refresh_events names it, locked or not


# Placeholders, in one statement: bulk_create compiled a row of every field for each event, and
# an ingest batch makes some two hundred events (a fifth of the events' time at ingest).
NEW_EVENTS = """
INSERT INTO articles_event (title, slug, summary, key_names, article_count, outlet_count, is_locked, created_at, updated_at)
SELECT %s, 'e-' || s, '', '{}', 0, 0, false, now(), now() FROM unnest(%s::text[]) AS s
RETURNING id
"""


def new_events(count: int) -> list[int]:
    """Ids of `count` new, empty events (refresh_events gives them their titles and slugs)."""
    from django.db import connection

    if count <= 0:
        return []
    with connection.cursor() as cursor:
        cursor.execute(NEW_EVENTS, [UNNAMED, [secrets.token_hex(6) for _ in range(count)]])
        return [pk for (pk,) in cursor.fetchall()]


def create_events(groups: list[list[int]]) -> list[int]:
    """One new event for each group of article ids; their ids."""
    from django.db import connection

    events = new_events(len(groups))
    pairs = [(event, pk) for event, group in zip(events, groups, strict=True) for pk in group]
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE articles_article AS a SET event_id = v.event FROM unnest(%s::bigint[], %s::bigint[]) AS v(event, id) "
            "WHERE a.id = v.id",
            [[e for e, _ in pairs], [a for _, a in pairs]],
        )
    return events


def refresh_events(ids: Iterable[int], progress=None) -> None:
    """Recompute the dates, counts, title and key names of events; empty unlocked ones go."""
    from articles.events.grouping import article_time
    from articles.models import Article, Event

    ids = list(ids)
    lexicon = names.shared_lexicon()
    for start in range(0, len(ids), 2000):
        chunk = ids[start : start + 2000]
        # The face of an event (counts, dates, title, names) is made of its public members only.
        stats = (
            Article.objects.public()
            .filter(event__in=any_of(chunk))
            .annotate(at=article_time())
            .values("event")
            .annotate(n=Count("pk"), outlets=Count("publisher", distinct=True), first=Min("at"), last=Max("at"))
        )
        stats = {row["event"]: row for row in stats}
        members = defaultdict(list)
        for row in (
            Article.objects.public()
            .filter(event__in=any_of(chunk))
            .annotate(at=article_time())
            .order_by("at", "pk")
            .values("pk", "event", "title", "event_signature", "at")
        ):
            members[row["event"]].append(row)
        empty = [pk for pk in chunk if pk not in stats]
        Event.objects.filter(pk__in=empty, is_locked=False).delete()  # hidden members, if any, leave it
        # An event left with hidden members only (locked by an editor) is kept, but not shown.
        Event.objects.filter(pk__in=empty).update(article_count=0, outlet_count=0, key_names=[])
        events = list(Event.objects.filter(pk__in=list(stats)))
        found = key_names_of(members, lexicon)
        for event in events:
            row = stats[event.pk]
            event.article_count, event.outlet_count = row["n"], row["outlets"]
            event.starts_on = row["first"].date() if row["first"] else None
            event.ends_on = row["last"].date() if row["last"] else None
            if not event.is_locked or event.title == UNNAMED:  # a split is locked before it is named
                event.title = representative(members[event.pk])["title"][:300]
            event.key_names = found[event.pk]
        _write(events)
        if progress:
            progress(len(chunk))


# One UPDATE from arrays: Django's bulk_update writes a CASE per row and field, slow at thousands.
WRITE = """
UPDATE articles_event AS e SET article_count = v.n, outlet_count = v.outlets, starts_on = v.first, ends_on = v.last,
    title = v.title, key_names = string_to_array(v.names, '|'), slug = v.slug, updated_at = now()
FROM unnest(%s::bigint[], %s::int[], %s::int[], %s::date[], %s::date[], %s::text[], %s::text[], %s::text[])
    AS v(id, n, outlets, first, last, title, names, slug)
WHERE e.id = v.id
"""


def _write(events: list) -> None:
    from django.db import connection

    if not events:
        return
    for event in events:
        # The slug follows the title (the id at its end finds the event under an older slug): a
        # title made from a member later hidden leaves nothing of it in the address.
        if not event.is_locked or event.slug.startswith("e-"):
            event.slug = event_slug(event.title, event.pk)
    columns = [
        [e.pk for e in events], [e.article_count for e in events], [e.outlet_count for e in events],
        [e.starts_on for e in events], [e.ends_on for e in events], [e.title for e in events],
        ["|".join(n.replace("|", " ") for n in e.key_names) for e in events], [e.slug for e in events],
    ]  # fmt: skip
    with connection.cursor() as cursor:
        cursor.execute(WRITE, columns)


def event_slug(title: str, pk: int) -> str:
    return f"{slugify(title, allow_unicode=True)[:80].strip('-')}-{pk}"


def representative(members: list[dict]) -> dict:
    """The member most like the others (the earliest when there are two)."""
    pool = members[:REPRESENTATIVE_POOL]
    if len(pool) <= 2:
        return pool[0]
    # The sum of a member's cosines with the others is its cosine with their sum.
    total: Counter = Counter()
    for member in pool:
        total.update(member["event_signature"])
    return max(pool, key=lambda m: signatures.similarity(m["event_signature"], total))


def key_names_of(events: dict[int, list[dict]], lexicon: names.Lexicon, confirm=None) -> dict[int, list[str]]:
    """The key names of several events (their members in time order), their titles read at once."""
    names.read_titles((m["title"] for group in events.values() for m in group[:REPRESENTATIVE_POOL]), lexicon)
    return {event: key_names(group, lexicon, confirm) for event, group in events.items()}


def key_names(members: list[dict], lexicon: names.Lexicon, confirm=None) -> list[str]:
    """The names the members' titles use most (people, places, organisations), as written.

    A name (articles.events.names) search's vocabulary finds in several articles, and in under
    COMMON of them (not وزير، خادم), that is also a listed name (`listed`). Two spellings of one name count as one, shown as the
    titles mostly write it. `lexicon` has read the titles (names.read_titles). `confirm` replaces
    the list check (the evaluation measures the names usage alone finds).
    """
    confirm = confirm or listed
    _, articles = signatures.document_frequencies()
    uses: Counter = Counter()
    spellings: dict[str, Counter] = defaultdict(Counter)
    for member in members[:REPRESENTATIVE_POOL]:
        found = {}
        for name in names.names_in(member["title"], lexicon):
            if 2 <= lexicon.articles(name.form) <= COMMON * articles and confirm(name):
                found[signatures.term(name.form)] = name.written
        uses.update(found.keys())
        for term, written in found.items():
            spellings[term][written] += 1
    return [spellings[term].most_common(1)[0][0] for term, _ in uses.most_common(KEY_NAMES)]


def listed(name: names.Name) -> bool:
    """Whether a name the archive's usage found is confirmed by a list of names (CLDR places, the
    gazetteer, Wikidata's foreign personal names), or, in Latin letters, written with a capital
    (CNN). The archive's usage alone let through one word in five that is not a name (verbal
    nouns in a construct, مقتل، تفكيك; adverbs, تمهيدا; nouns that always take the article,
    الإفتاء): measured in docs/measurements.md, «Key names»."""
    if name.form.isascii():
        return any(letter.isupper() for letter in name.written)
    return known_names.is_known_name(name.form)

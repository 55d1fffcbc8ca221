"""Grouping articles into events: one story as a reader thinks of it, across outlets.

Each article joins the event of the earlier article most like it, if that one is like enough
and close enough in time; otherwise it starts an event of its own. "Like" is the cosine of the
two signatures (articles.events.signature), or certain when one is a copy of the other
(provenance's SharedText: most of one text in the other, and a good part of the other in it).
Sharing a passage is not enough when both have dates: agencies' template items (the second and
the third relief plane to land in Aden) share most of their words and are different stories;
without dates, a shared fifth of each text is the best evidence there is (seeds 000 and 001).
"Like enough" asks more of articles a day apart than of articles hours apart (`threshold`), and
less of headlines hours apart that name the same people and places (NAME_BONUS).
"Close in time" is within WINDOW of that article and SPAN of the event's first report, so a
daily weather bulletin never chains into one long event; and an article joins an event of
LARGE_EVENT members or more only when like the event as a whole (`Cluster.accepts`). Articles
with no date at all (some sources give none) may join any event, but only on a higher similarity.
Numbered sequels (articles.events.sequels: titles with different ordinals, الثانية and الثالثة)
never share an event, whatever else they share. An article like members of two events whose
coverage is alike as a whole joins the two (`Cluster.alike`): a story that began as two events,
from two texts of one wire item, becomes one when an article bridges them.

The same rule runs article by article at ingest (`assign_events`) and over the whole archive in
time order (`rebuild_events`). Locked events are left alone by both: editors' merges, splits,
moves and renames lock what they touch.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import lru_cache

from django.core.exceptions import EmptyResultSet
from django.db import connection, transaction
from django.db.models import F, Q
from django.db.models.functions import Coalesce

from articles.events import signature as signatures
from articles.events.names import Lexicon, names_in, read_titles, shared_lexicon
from articles.events.sequels import ordinals, other_sequel
from articles.models.id_lists import any_of

# Measured on the labelled events (evaluation/events.py --sweep): with numbered sequels kept apart
# and the signatures' loose terms, 0.42 and 0.2 gave the best balance of pairwise precision and
# recall among the settings tried.
THRESHOLD = 0.42
TIMELESS_THRESHOLD = 0.55
# The coverage of one happening arrives within hours, in words of each outlet's own; articles a
# day or more apart that look alike are more often items of another day from one template (market
# reports, a league's rounds). So the threshold rises with the time between two articles. Measured
# on the 66 labels of the earlier and late sets (the late-2 set was kept out): pairwise precision
# 0.908 to 0.910, recall 0.745 to 0.777, B-cubed 0.956 / 0.804 to 0.963 / 0.825. Within 12 hours,
# 0.36 scored a little more recall, 0.35 joined two stories of a late label: 0.37 keeps a margin.
HOURS_APART_THRESHOLD = 0.37
HOURS_APART = timedelta(hours=12)
DAY_APART_THRESHOLD = 0.5
DAY_APART = timedelta(hours=24)
# Two headlines hours apart that name the same people and places (names.py: كرواتيا and
# الأرجنتين, عسير) are likelier one story: each name shared, up to two, adds this to their
# similarity. Measured in memory on the 66 labels of the earlier and late sets (late-2 kept
# out): pairwise precision 0.910 to 0.904, recall 0.777 to 0.808 (0.04: 0.908 / 0.794; 0.06:
# 0.900 / 0.808); a day apart instead of hours, precision fell to 0.80.
NAME_BONUS = 0.05
NAMES_COUNTED = 2
# A name counts once the vocabulary has it in this many articles: while an archive is young (an
# import's first batches), a verb's other persons are not there yet and it passes for a name. On
# the whole corpus, the labels score the same with or without this floor.
NAME_MIN_ARTICLES = 50
COPY_SHARE, COPY_BACK_SHARE = 0.8, 0.3  # a copy: most of one text in the other, some of it back
PASSAGE_SHARE = 0.2  # undated articles: each shares this much with the other
WINDOW = timedelta(days=2)
# An event ends two days after its first report. With a week (until 2026-12-06), events chained:
# a bombing ran on into a week of condolences, funerals and visits to the wounded (89 articles),
# a week's protests into the prime minister's resignation and his successor's first promises.
# Read on 150 pairs of articles drawn from the events as they fall (so a large event weighs as
# its pairs do for a reader): 102 were one story; with two days, 94 of 122 (and 8 of the 102 lost).
SPAN = timedelta(days=2)
PROBE_TERMS = 6  # candidates share one of the article's heaviest terms
MAX_CANDIDATES = 60
MAX_POSTINGS = 3000
CENTROID_THRESHOLD = 0.2  # single links alone chain unrelated stories together
CENTROID_MEMBERS = 50
# An event of this many members has a centre of its own: an article joins it only when like the
# event as a whole, not only like one member (the reactions to a bombing are each like one report
# of it, and not like the coverage as a whole). On the same 150 pairs, with the two days above:
# 93 of 117 one story, 1 more of the 102 lost; on the labels, recall unchanged.
LARGE_EVENT = 5
LARGE_EVENT_CENTROID_THRESHOLD = 0.4
# Two events an article is like are joined when their coverage is this alike. On the labels 0.6
# to 0.8 score the same; read on the corpus, 0.6 joined 36 pairs of events, a quarter of them
# other stories (wedding notices, Eid receptions), and 0.7 joined 8, one of them wrongly.
MERGE_THRESHOLD = 0.7


@dataclass
class Item:
    pk: int
    time: datetime | None
    signature: dict[str, float]
    event: int | None = None
    ordinals: frozenset[int] = frozenset()  # of the title: numbered sequels are other stories
    names: frozenset[str] = frozenset()  # the terms of its title's names (articles.events.names)

    def probes(self) -> list[str]:
        return sorted(self.signature, key=lambda t: -self.signature[t])[:PROBE_TERMS]


@dataclass
class Cluster:
    members: list[Item] = field(default_factory=list)
    start: datetime | None = None
    end: datetime | None = None
    centroid: Counter = field(default_factory=Counter)
    ordinals: set[int] = field(default_factory=set)  # of its members' titles

    def accepts(self, item: Item, shared: set[int]) -> bool:
        """Close enough to the first report, and like the event as a whole, not only one member."""
        if item.time and self.start and item.time - self.start > SPAN:
            return False
        recent = self.members[-CENTROID_MEMBERS:]
        if any(other_sequel(item.ordinals, m.ordinals) for m in recent):
            return False
        if shared & {m.pk for m in recent}:
            return True
        centre = LARGE_EVENT_CENTROID_THRESHOLD if len(self.members) >= LARGE_EVENT else CENTROID_THRESHOLD
        return signatures.similarity(item.signature, self.normalized()) >= centre

    def add(self, item: Item) -> None:
        self.members.append(item)
        if item.time and (self.start is None or item.time < self.start):
            self.start = item.time
        if item.time and (self.end is None or item.time > self.end):
            self.end = item.time
        self.centroid.update(item.signature)
        self.ordinals |= item.ordinals

    def alike(self, other: Cluster) -> bool:
        """Two events of one story: their coverage as a whole is alike, no numbered sequel stands
        between them (the third relief plane, covered from two texts, is one event), and together
        they still span at most SPAN (a week of weather bulletins is not one story)."""
        starts, ends = [c.start for c in (self, other) if c.start], [c.end for c in (self, other) if c.end]
        if starts and max(ends) - min(starts) > SPAN:
            return False
        return not other_sequel(self.ordinals, other.ordinals) and (
            signatures.similarity(self.normalized(), other.normalized()) >= MERGE_THRESHOLD
        )

    def absorb(self, other: Cluster) -> None:
        for member in other.members:
            self.add(member)
        self.members.sort(key=_in_time_order)
        other.members = []

    def normalized(self) -> dict[str, float]:
        norm = sum(w * w for w in self.centroid.values()) ** 0.5 or 1.0
        return {t: w / norm for t, w in self.centroid.items()}


def threshold(a: Item, b: Item) -> float:
    """How alike two articles must be to report one story, by the time between them."""
    if a.time is None or b.time is None:
        return TIMELESS_THRESHOLD
    apart = abs(a.time - b.time)
    if apart <= HOURS_APART:
        return HOURS_APART_THRESHOLD
    return DAY_APART_THRESHOLD if apart > DAY_APART else THRESHOLD


def close_in_time(a: Item, b: Item) -> bool:
    return a.time is None or b.time is None or abs(a.time - b.time) <= WINDOW


def matches(item: Item, candidates: Iterable[Item], shared: set[int]) -> list[Item]:
    """The candidates above the threshold, most similar first."""
    scored = []
    for other in candidates:
        if other.pk == item.pk or not close_in_time(item, other) or other_sequel(item.ordinals, other.ordinals):
            continue
        alike = score(item, other, shared)
        if alike >= threshold(item, other):
            scored.append((alike, other))
    scored.sort(key=lambda pair: -pair[0])  # stable: among equals, the candidate met first
    return [other for _, other in scored]


def score(item: Item, other: Item, copies: set[int]) -> float:
    """How alike two articles are: certain when one copies the other, else the cosine of their
    signatures, plus NAME_BONUS for each name (up to NAMES_COUNTED) their headlines hours apart share."""
    alike = 1.0 if other.pk in copies else signatures.similarity(item.signature, other.signature)
    if item.names and item.time and other.time and abs(item.time - other.time) <= HOURS_APART:
        alike += NAME_BONUS * min(NAMES_COUNTED, len(item.names & other.names))
    return alike


def same_text(item: Item, other: Item, shared: dict[int, dict[int, bool]]) -> bool:
    """Whether shared text puts the two in one event (see the module's docstring)."""
    strong = shared.get(item.pk, {}).get(other.pk)
    return strong is not None and (strong or item.time is None or other.time is None)


def group(items: list[Item], shared: dict[int, dict[int, bool]], progress=None) -> list[Cluster]:
    """Group items (in memory, in time order; undated last) into clusters."""
    items = sorted(items, key=_in_time_order)
    postings: dict[str, list[Item]] = defaultdict(list)
    cluster_of: dict[int, Cluster] = {}
    processed: dict[int, Item] = {}
    clusters: list[Cluster] = []
    for item in _counted(items, progress):
        counts: Counter = Counter()
        seen: dict[int, Item] = {}
        for term in item.probes():
            for other in _recent(postings[term], item):
                counts[other.pk] += 1
                seen[other.pk] = other
        copies = {pk for pk in shared.get(item.pk, ()) if pk in processed and same_text(item, processed[pk], shared)}
        for pk in copies:
            seen[pk] = processed[pk]
            counts[pk] += PROBE_TERMS
        candidates = [seen[pk] for pk, _ in counts.most_common(MAX_CANDIDATES)]
        found = matches(item, candidates, copies)
        cluster = cluster_of.get(found[0].pk) if found else None
        if cluster is None or not cluster.accepts(item, copies):
            cluster = Cluster()
            clusters.append(cluster)
        cluster.add(item)
        cluster_of[item.pk] = cluster
        for match in found[1:]:  # an article like two events of one story joins them
            other = cluster_of[match.pk]
            if other is not cluster and cluster.alike(other):
                for member in other.members:
                    cluster_of[member.pk] = cluster
                cluster.absorb(other)
        processed[item.pk] = item
        for term in item.signature:
            postings[term].append(item)
    return [cluster for cluster in clusters if cluster.members]


def _in_time_order(item: Item) -> tuple:
    return item.time is None, item.time or datetime.min, item.pk


def _recent(posting: list[Item], item: Item):
    """Earlier items of a term within the window (postings are in time order, undated last)."""
    if item.time is None:
        yield from posting[-MAX_POSTINGS:]
        return
    for other in reversed(posting[-MAX_POSTINGS:]):
        if other.time and item.time - other.time > WINDOW:
            return
        yield other


def article_time():
    return Coalesce(F("published_at"), F("crawled_at"))


def shared_pairs(ids: Iterable[int] | None = None) -> dict[int, dict[int, bool]]:
    """For each article, the articles it shares text with: True for a copy, False for a passage."""
    from articles.models import SharedText

    pairs = SharedText.objects.filter(first_in_second__gte=PASSAGE_SHARE, second_in_first__gte=PASSAGE_SHARE)
    if ids is not None:
        ids = list(ids)
        pairs = pairs.filter(Q(first__in=ids) | Q(second__in=ids))
    shared: dict[int, dict[int, bool]] = defaultdict(dict)
    for a, b, a_in_b, b_in_a in pairs.values_list("first_id", "second_id", "first_in_second", "second_in_first"):
        copy = max(a_in_b, b_in_a) >= COPY_SHARE and min(a_in_b, b_in_a) >= COPY_BACK_SHARE
        shared[a][b] = shared[b][a] = copy
    return shared


def recount_terms(progress=None) -> None:
    """Count, over the whole archive, the articles using each term in their title or lead."""
    from articles.models import Article

    rows = _counted(Article.objects.values_list("title", "body").iterator(chunk_size=2000), progress)
    df, definite = signatures.tally(signatures.read(title, body) for title, body in rows)
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE articles_eventterm")
        with cursor.copy("COPY articles_eventterm (term, articles, definite) FROM STDIN") as copy:
            for term, n in df.items():
                if n > 1 and len(term) <= 100:  # a term in one article is as rare as an unseen one
                    copy.write_row((term, n, definite[term]))
    signatures.forget_frequencies()


def _counted(rows: Iterator, progress, every: int = 1000) -> Iterator:
    """The rows, telling `progress` of every thousand read (and of the rest at the end)."""
    number = 0
    for number, row in enumerate(rows, start=1):
        if progress and number % every == 0:
            progress(every)
        yield row
    if progress and number % every:
        progress(number % every)


def sign_articles(ids: Iterable[int] | None = None, *, new: Iterable[int] = (), progress=None) -> dict[int, dict]:
    """Compute the signatures of the given articles (all when None) and index their terms.

    The terms of the `new` ones (just ingested) are counted into the term frequencies first. The
    whole archive's signatures are written to the articles here; a batch's are returned for
    assign_events to write with the events, in one update of each article row.
    """
    from articles.models import Article

    rows = Article.objects.all() if ids is None else Article.objects.filter(pk__in=any_of(ids))
    rows = rows.annotate(at=article_time()).values_list("pk", "title", "body", "at")
    new = set(new)
    readings = (
        (pk, at, signatures.read(title, body))
        for pk, title, body, at in _counted(rows.iterator(chunk_size=2000), progress)
    )
    if new:  # an ingest batch: read once, count the new articles in, then weigh them all
        readings = list(readings)
        signatures.add_frequencies([reading for pk, _, reading in readings if pk in new])
    df, articles = signatures.document_frequencies()
    with connection.cursor() as cursor:
        if ids is None:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # TRUNCATE refuses pending foreign key checks
            cursor.execute("TRUNCATE articles_eventposting")
        else:
            cursor.execute("DELETE FROM articles_eventposting WHERE article_id = ANY(%s)", [list(ids)])
    signed, batch = {}, []
    for pk, at, reading in readings:
        signature = signatures.weigh(reading, df, articles)
        batch.append((pk, at, signature))
        if ids is not None:
            signed[pk] = signature
        if len(batch) >= 2000:
            _index_signatures(batch, write=ids is None)
            batch = []
    _index_signatures(batch, write=ids is None)
    return signed


def _index_signatures(batch: list[tuple[int, datetime | None, dict]], *, write: bool) -> None:
    if not batch:
        return
    with connection.cursor() as cursor:
        if write:
            _write_articles(cursor, [(pk, signature, None) for pk, _, signature in batch])
        with cursor.copy("COPY articles_eventposting (term, article_id, at) FROM STDIN") as copy:
            for pk, at, signature in batch:
                for term in signature:
                    copy.write_row((term, pk, at))


def _write_articles(cursor, rows: list[tuple[int, dict | None, int | None]]) -> None:
    """Signatures and events of articles (each kept as it is where None), in one UPDATE.

    Writing an article row costs an entry in each of its indexes, search's included, so a batch's
    signatures and events are written together, once.
    """
    cursor.execute(
        "UPDATE articles_article AS a SET event_signature = coalesce(v.signature::jsonb, a.event_signature), "
        "event_id = coalesce(v.event, a.event_id) "
        "FROM unnest(%s::bigint[], %s::text[], %s::bigint[]) AS v(id, signature, event) WHERE a.id = v.id",
        [
            [pk for pk, _, _ in rows],
            [None if signature is None else json.dumps(signature, ensure_ascii=False) for _, signature, _ in rows],
            [event for _, _, event in rows],
        ],
    )


def rebuild_events(steps=None) -> tuple[int, int]:
    """Group the whole archive again, leaving locked events as they are; (articles, events).
    `steps` (articles.management.progress.Steps) shows the progress of each step."""
    from articles.events.naming import create_events, refresh_events
    from articles.management.progress import nothing
    from articles.models import Article, Event

    def step(name: str, total: int | None):
        return steps.step(name, total) if steps else nothing

    total = Article.objects.count()
    recount_terms(step("terms counted", total))
    sign_articles(progress=step("articles signed", total))
    with transaction.atomic():
        Event.objects.filter(is_locked=False).delete()
        # Hidden articles belong to no event: an event's title, dates and names are all public.
        items = list(stored_items(Article.objects.public().filter(event__isnull=True)))
        clusters = group(items, shared_pairs(), step("articles grouped", len(items)))
        create_events([[member.pk for member in cluster.members] for cluster in clusters])
        events = list(Event.objects.values_list("pk", flat=True))
        refresh_events(events, step("events named", len(events)))
    return len(items), Event.objects.count()


def assign_events(ids: Iterable[int], *, created: Iterable[int] = ()) -> int:
    """Put newly ingested (or changed) articles into events, in time order; the number placed.

    The same rule as the rebuild, for a batch at once: one query finds every article's candidates
    (the events' inverted index), one reads them, one reads their events' members, one writes the
    result.
    """
    from articles.models import Article

    ids = sorted(set(ids))
    if not ids:
        return 0
    signed = sign_articles(ids, new=created)
    shared = shared_pairs(ids)
    rows = (
        Article.objects.public().filter(pk__in=any_of(ids)).exclude(event__is_locked=True).annotate(at=article_time())
    )
    rows = list(rows.order_by(F("at").asc(nulls_last=True), "pk").values_list("pk", "at", "event_id", "title"))
    lexicon = shared_lexicon()
    read_titles([title for *_, title in rows], lexicon)
    items = [
        Item(pk, at, signed[pk], event, ordinals(title), headline_names(title, lexicon))
        for pk, at, event, title in rows
    ]
    near = _near(items)
    wanted = set().union(*near.values(), *(shared.get(item.pk, {}).keys() for item in items))
    known = {item.pk: item for item in _items(wanted - set(ids))} | {item.pk: item for item in items}
    placement = _Placement({pk: item.event for pk, item in known.items()}, _clusters(known, set(ids)))
    waiting = {item.pk for item in items}  # later in the batch: not yet "earlier articles"
    for item in items:
        waiting.discard(item.pk)
        nearby = near.get(item.pk, set()) | set(shared.get(item.pk, ()))
        candidates = [known[pk] for pk in nearby - waiting if pk in known]
        copies = {c.pk for c in candidates if same_text(item, c, shared)}
        placement.place(item, matches(item, candidates, copies), copies)
    return placement.save(signed)


def _clusters(known: dict[int, Item], batch: set[int]) -> dict[object, Cluster]:
    """The events of the known articles as the rebuild sees them: their members in time order,
    without the batch's own articles, which are placed again."""
    from articles.models import Article

    events = {item.event for item in known.values() if item.event is not None}
    members = (
        Article.objects.public().filter(event__in=any_of(events), event__is_locked=False).exclude(pk__in=any_of(batch))
    )
    clusters: dict[object, Cluster] = defaultdict(Cluster)
    for member in stored_items(members, in_time_order=True):
        clusters[member.event].add(member)
    return clusters


class _Placement:
    """Where each article of a batch goes, by the rebuild's rule on the events in memory; new
    events are made, and joined ones emptied, once at the end."""

    def __init__(self, event_of: dict, clusters: dict[object, Cluster]):
        self.event_of = event_of  # article -> event id, or ("new", article) for an event to make
        self.clusters = clusters  # event -> its members
        self.moved: dict[int, object] = {}
        self.left: set[int] = set()
        self.joined: dict[object, object] = {}  # event -> the event it was joined into

    def event(self, pk: int):
        """The article's event now (after the batch's joins)."""
        return self._current(self.event_of.get(pk))

    def _current(self, event):
        while event in self.joined:
            event = self.joined[event]
        return event

    def place(self, item: Item, found: list[Item], copies: set[int]) -> None:
        match = found[0] if found else None
        if match is not None and self.event(match.pk) is None:
            # its match was never grouped (ingested before events existed): one new event for both
            target = ("new", match.pk)
            self._move(match.pk, target)
            self.clusters[target].add(match)
        elif match is not None and self.clusters[self.event(match.pk)].accepts(item, copies):
            target = self.event(match.pk)
        elif match is None and self.event(item.pk) is not None:
            target = self.event(item.pk)
        else:
            target = ("new", item.pk)
        self._move(item.pk, target)
        cluster = self.clusters[target]
        cluster.add(item)
        for other in found[1:]:  # an article like two events of one story joins them
            theirs = self.event(other.pk)
            if theirs is not None and theirs != target and cluster.alike(self.clusters[theirs]):
                self._join(target, theirs)
                target = self.event(item.pk)
                cluster = self.clusters[target]

    def _move(self, pk: int, target) -> None:
        old = self.event_of.get(pk)
        if old != target:
            if old is not None and not isinstance(old, tuple):
                self.left.add(old)
            self.event_of[pk] = self.moved[pk] = target

    def _join(self, ours, theirs) -> None:
        """The smaller into the larger, an event to make into one that exists."""
        keep, gone = sorted((ours, theirs), key=lambda e: (isinstance(e, tuple), -len(self.clusters[e].members)))
        self.clusters[keep].absorb(self.clusters.pop(gone))
        self.joined[gone] = keep

    def save(self, signed: dict[int, dict]) -> int:
        """Make the new events, write the batch's signatures and events, empty the joined events,
        refresh what changed."""
        from articles.events.naming import new_events, refresh_events
        from articles.models import Article

        targets = {pk: self.event(pk) for pk in self.moved}
        groups = sorted({target for target in targets.values() if isinstance(target, tuple)})
        made = dict(zip(groups, new_events(len(groups)), strict=True))
        moved = {pk: made.get(target, target) for pk, target in targets.items()}
        rows = [(pk, signature, moved.get(pk)) for pk, signature in signed.items()]
        rows += [(pk, None, event) for pk, event in moved.items() if pk not in signed]
        if rows:
            with connection.cursor() as cursor:
                _write_articles(cursor, rows)
        joined = {event: self._current(event) for event in self.joined}
        joined = {event: made.get(into, into) for event, into in joined.items()}
        emptied = {event: into for event, into in joined.items() if not isinstance(event, tuple)}
        for event, into in emptied.items():
            Article.objects.filter(event=event).update(event=into)
        refresh_events(self.left | set(moved.values()) | set(emptied) | set(joined.values()))
        return len(self.moved)


NEAR = f"""
SELECT q.id, n.article_id FROM unnest(%s::bigint[], %s::timestamptz[], %s::text[]) AS q(id, at, terms)
CROSS JOIN LATERAL (
    SELECT p.article_id FROM articles_eventposting p
    WHERE p.term = ANY(string_to_array(q.terms, ' ')) AND p.article_id <> q.id
      AND (q.at IS NULL OR p.at IS NULL OR p.at BETWEEN q.at - %s AND q.at + %s)
    GROUP BY p.article_id ORDER BY count(*) DESC, max(p.at) DESC NULLS LAST LIMIT {MAX_CANDIDATES}
) n
"""


def _near(items: list[Item]) -> dict[int, set[int]]:
    """For each item, the articles sharing most of its heaviest terms within the window."""
    if not items:
        return {}
    with connection.cursor() as cursor:
        cursor.execute(
            NEAR,
            [[i.pk for i in items], [i.time for i in items], [" ".join(i.probes()) for i in items], WINDOW, WINDOW],
        )
        found: dict[int, set[int]] = defaultdict(set)
        for item, other in cursor.fetchall():
            found[item].add(other)
    return found


def _items(ids: set[int]) -> list[Item]:
    from articles.models import Article

    return list(stored_items(Article.objects.public().filter(pk__in=any_of(ids)).exclude(event__is_locked=True)))


def stored_items(articles, *, in_time_order: bool = False) -> Iterator[Item]:
    """The given articles as grouping reads them: time, stored signature, event, title's ordinals
    and names (read with the process's lexicon, which keeps them from one batch to the next).

    Ingest reads some twenty of these per article it places, mostly the same recent articles batch
    after batch: the rows are read with the query Django compiles, without its per-row conversions,
    and a signature or a title seen before is not parsed again.
    """
    rows = articles.annotate(at=article_time())
    if in_time_order:
        rows = rows.order_by(F("at").asc(nulls_last=True), "pk")
    try:
        sql, params = rows.values_list("pk", "at", "event_signature", "event_id", "title").query.sql_with_params()
    except EmptyResultSet:  # filtered on an empty list
        return
    with connection.chunked_cursor() as cursor:  # on the server, as QuerySet.iterator reads: a whole archive streams
        cursor.execute(sql, params)
        while chunk := cursor.fetchmany(5000):
            lexicon = shared_lexicon()
            read_titles([title for *_, title in chunk], lexicon)
            for pk, at, signature, event, title in chunk:
                yield Item(pk, at, _parsed(signature), event, ordinals(title), headline_names(title, lexicon))


def headline_names(title: str, lexicon: Lexicon) -> frozenset[str]:
    """The terms of the title's names that the vocabulary knows well enough (NAME_MIN_ARTICLES),
    kept with the lexicon they were read from (ingest meets the same recent titles in each batch)."""
    if _headline_terms["lexicon"] is not lexicon:
        _headline_terms.update(lexicon=lexicon, terms={})
    terms = _headline_terms["terms"]
    if title not in terms:
        terms[title] = frozenset(
            signatures.term(name.form)
            for name in names_in(title, lexicon)
            if lexicon.articles(name.form) >= NAME_MIN_ARTICLES
        )
    return terms[title]


_headline_terms: dict = {"lexicon": None, "terms": {}}


@lru_cache(maxsize=30_000)
def _parsed_text(signature: str) -> dict[str, float]:
    return json.loads(signature)


def _parsed(signature) -> dict[str, float]:
    """A stored signature as a dict (the driver may give its text); a shared one: never changed."""
    return _parsed_text(signature) if isinstance(signature, str) else signature

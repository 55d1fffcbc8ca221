"""Provenance and events for each saved batch: the text it shares with the archive, its upstream
links, its events, and the spellings its copies newly attest (proposed to editors).

A worker traces a run's batches in the order they were saved (articles.tasks.trace_batch, one
tracing job at a time across all runs), so every batch meets exactly the archive it would have met
inline. Tracing a batch commits with the run's count of traced batches, so a batch is traced once
even when its job is retried after a crash.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import OperationalError, transaction
from django.db.models import F, Max
from django.db.models.functions import Greatest
from psycopg.errors import DeadlockDetected

from articles.events import signature
from articles.events.grouping import assign_events
from articles.provenance.linking import link_upstreams
from articles.provenance.reuse import find_shared_text
from articles.spellings.learning import attest_new_copies

RETRIES = 3


@dataclass
class Traced:
    links: int = 0
    events: int = 0  # events made


def trace(changed: list[int], created: list[int]) -> Traced:
    """Find the shared text, upstream links and events of saved (new or changed) articles."""
    from articles.models import Event

    for attempt in range(RETRIES):
        try:
            with transaction.atomic():
                last_event = Event.objects.aggregate(last=Max("pk"))["last"] or 0
                links = link_upstreams(find_shared_text(changed) | set(changed))
                attest_new_copies(changed)
                assign_events(changed, created=created)
                return Traced(links, Event.objects.filter(pk__gt=last_event).count())
        except OperationalError as error:
            if not isinstance(error.__cause__, DeadlockDetected) or attempt == RETRIES - 1:
                raise
            signature.forget_frequencies()  # the cached term counts included the rolled-back batch
    raise AssertionError("unreachable")


def trace_batch(run_id: int, batch: int, changed: list[int], created: list[int]) -> bool:
    """Trace batch number `batch` of a run, once; False if it was traced already."""
    from articles.models import IngestRun

    with transaction.atomic():
        if IngestRun.objects.filter(pk=run_id, traced__gte=batch).exists():
            return False
        traced = trace(changed, created)
        IngestRun.objects.filter(pk=run_id).update(
            traced=Greatest(F("traced"), batch), links=F("links") + traced.links, events=F("events") + traced.events
        )
    return True

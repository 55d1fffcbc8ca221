"""Provenance and events for each saved batch, inline or in a second process that trails the ingest.

Saving a batch (parsing, outlets, search index) and tracing it (the text it shares with the
archive, its upstream links, its events) cost about the same. A large ingest on a machine with
two cores runs them side by side: the ingest saves batch after batch while a forked process traces
them in the order they were saved, so every batch meets exactly the archive it would have met
inline (fingerprints, postings and term counts are written by the tracer, in order). One thing it
reads is written by the saving process: search's vocabulary, from which headlines' names are told
(articles.events.names), may count a few batches the tracer has not reached. The ingest ends when
the tracer has caught up.

The two processes can meet on the same rows only when a batch updates an article the tracer is
still working on; PostgreSQL then breaks the deadlock and the tracer runs that batch again.
"""

from __future__ import annotations

import multiprocessing
import traceback

from django.db import OperationalError, connections, transaction
from psycopg.errors import DeadlockDetected

from articles.events import signature
from articles.events.grouping import assign_events
from articles.provenance.linking import link_upstreams
from articles.provenance.reuse import find_shared_text

RETRIES = 3


def trace(changed: list[int], created: list[int]) -> None:
    """Find the shared text, upstream links and events of saved (new or changed) articles."""
    for attempt in range(RETRIES):
        try:
            with transaction.atomic():
                link_upstreams(find_shared_text(changed) | set(changed))
                assign_events(changed, created=created)
            return
        except OperationalError as error:
            if not isinstance(error.__cause__, DeadlockDetected) or attempt == RETRIES - 1:
                raise
            signature.forget_frequencies()  # the cached term counts included the rolled-back batch


def tracer(jobs: int):
    """A second process only when asked for and possible: inside a transaction (a caller's, or a
    test's) the saved articles are invisible to any other connection, so tracing stays inline."""
    if jobs > 1 and not connections["default"].in_atomic_block:
        return ForkedTracer()
    return InlineTracer()


class InlineTracer:
    """Trace each batch as it is saved (the admin, small inputs, tests)."""

    def follow(self, changed: list[int], created: list[int]) -> None:
        trace(changed, created)

    def finish(self) -> str | None:
        return None


class ForkedTracer:
    """Trace batches in a forked process; `finish` waits for it and says what went wrong, if anything."""

    def __init__(self):
        context = multiprocessing.get_context("fork")
        self.work, self.errors = context.Queue(), context.Queue()
        connections.close_all()  # the child opens its own connection; a shared socket is corrupted
        self.process = context.Process(target=_run, args=(self.work, self.errors), daemon=True)
        self.process.start()

    def follow(self, changed: list[int], created: list[int]) -> None:
        if self.process.is_alive():
            self.work.put((changed, created))

    def finish(self) -> str | None:
        self.work.put(None)
        self.process.join()
        if self.process.exitcode == 0:
            return None
        reason = self.errors.get() if not self.errors.empty() else f"exit status {self.process.exitcode}"
        return (
            f"provenance and events stopped: {reason}. The articles are saved; "
            "run `manage.py rebuild_provenance` and `manage.py rebuild_events`."
        )


def _run(work, errors) -> None:
    import sys

    try:
        while (batch := work.get()) is not None:
            trace(*batch)
    except Exception as error:  # reported by the parent, with the way to recover
        errors.put(f"{type(error).__name__}: {error}".strip()[:500])
        traceback.print_exc()
        connections.close_all()
        sys.exit(1)
    connections.close_all()

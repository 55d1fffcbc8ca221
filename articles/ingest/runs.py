"""Processing an ingest run: its staged inputs are read in order and saved in batches.

Each batch is saved in one transaction with the run's counts, failures and cursor (the position of
the last item it read), and with the job that will trace it: whatever happens next (the worker
killed, the database restarted), the run says exactly what was saved, and processing it again
resumes after its last batch, with no duplicate and nothing lost.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from articles.ingest.inputs import BadInput, Input, file_inputs
from articles.ingest.outlets import RunOutlets
from articles.ingest.reading import Failure, Item, Overrides, Position, read_items
from articles.ingest.saving import known_contents, save_batch
from articles.ingest.staging import discard, materialized
from articles.models import IngestRun
from articles.models.ingest_run import MAX_KEPT_FAILURES, Status
from sources.models import Outlet

BATCH_SIZE = 250  # articles saved (and traced) together
BATCH_ITEMS = 1000  # items read before a batch is saved anyway (an input of failures only)
MAX_KEPT_NOTES = 1000


def overrides_of(run: IngestRun) -> Overrides:
    options = run.options or {}
    publisher = Outlet.objects.filter(pk=options.get("publisher")).first() if options.get("publisher") else None
    return Overrides(publisher=publisher, url=options.get("url") or None, published=options.get("published") or None)


def sources_of(run: IngestRun, after: Position | None = None) -> Iterator[tuple[int, int, Input | BadInput]]:
    """(staged input, member, input) of every staged file, each written back to disk while it is read."""
    fmt = (run.options or {}).get("format", "auto")
    for staged in run.staged.order_by("number"):
        if after and staged.number < after[0]:
            continue
        with materialized(staged) as path:
            for member, source in enumerate(file_inputs(path, fmt, staged.name)):
                yield staged.number, member, source


def count_items(sources) -> int:
    """How many items the inputs hold: pages, and the records of JSON Lines files. It costs a read
    of every file, so it is done by whoever waits anyway (the command, a preview), never by the
    worker saving the run: the run's progress shows its total once known."""
    total = 0
    for source in sources:
        if isinstance(source, BadInput) or source.format != "jsonl":
            total += 1
            continue
        try:
            total += sum(1 for _ in source.lines())
        except Exception:  # a broken file is reported when it is read
            total += 1
    return total


@dataclass
class Pending:
    """Items read since the last saved batch."""

    items: list[Item] = field(default_factory=list)
    drafts: int = 0

    def add(self, item: Item) -> None:
        self.items.append(item)
        self.drafts += item.draft is not None

    @property
    def full(self) -> bool:
        return self.drafts >= BATCH_SIZE or len(self.items) >= BATCH_ITEMS


class InlineTracing:
    """Trace each batch right after it is saved, in this process (tests, the demo, small runs)."""

    def __init__(self):
        self.waiting: list[tuple] = []

    def follow(self, run_id: int, batch: int, changed: list[int], created: list[int]) -> None:
        self.waiting.append((run_id, batch, changed, created))

    def should_stop(self) -> bool:
        """Whether to stop after this batch (the worker is shutting down), leaving the run queued."""
        return False

    def after_commit(self) -> None:
        from articles.ingest.tracing import trace_batch

        while self.waiting:
            trace_batch(*self.waiting.pop(0))


class DeferredTracing(InlineTracing):
    """Defer a tracing job in the batch's own transaction: a saved batch always has its job."""

    def follow(self, run_id: int, batch: int, changed: list[int], created: list[int]) -> None:
        from articles.tasks import trace_batch

        trace_batch.defer(run_id=run_id, batch=batch, changed=changed, created=created)


def process(run_id: int, tracing: InlineTracing) -> IngestRun:
    """Read and save a run from where it stopped; cancelled or finished runs are left as they are."""
    run = IngestRun.objects.get(pk=run_id)
    if run.status in (Status.DONE, Status.FAILED, Status.CANCELLED, Status.PREVIEW):
        return run
    if run.cancel_requested:
        return _end(run, Status.CANCELLED)
    IngestRun.objects.filter(pk=run.pk).update(status=Status.RUNNING)
    overrides = overrides_of(run)
    outlets = RunOutlets(dry_run=False, default_publisher=overrides.publisher)
    skipped = {tuple(position) for position in (run.options or {}).get("skip", [])}
    after = tuple(run.cursor) if run.cursor else None
    pending = Pending()
    for item in read_items(sources_of(run, after), outlets, overrides, after, frozenset(skipped), known_contents):
        pending.add(item)
        if pending.full:
            _save(run, pending, outlets, tracing)
            pending = Pending()
            if IngestRun.objects.filter(pk=run.pk, cancel_requested=True).exists():
                return _end(run, Status.CANCELLED)
            if tracing.should_stop():
                IngestRun.objects.filter(pk=run.pk).update(status=Status.QUEUED)
                run.status = Status.QUEUED
                return run
    _save(run, pending, outlets, tracing)
    return _end(run, Status.DONE)


def _save(run: IngestRun, pending: Pending, outlets: RunOutlets, tracing: InlineTracing) -> None:
    """Save a batch with the run's counts and cursor, in one transaction."""
    if not pending.items:
        return
    drafts = [item.draft for item in pending.items if item.draft is not None]
    failures = [item.failure for item in pending.items if item.failure is not None]
    counts = {"created": 0, "updated": 0, "unchanged": sum(1 for item in pending.items if item.unchanged)}
    changed, created = [], []
    with transaction.atomic():
        for outcome, draft, reason in save_batch(drafts, run) if drafts else []:
            if outcome == "failed":
                failures.append(Failure(draft.source_name, reason))
                continue
            counts[outcome] += 1
            if outcome in ("created", "updated"):
                changed.append(draft.saved_as)
            if outcome == "created":
                created.append(draft.saved_as)
        current = IngestRun.objects.select_for_update().get(pk=run.pk)
        kept = MAX_KEPT_FAILURES - len(current.failures)
        notes = [
            {"input": item.draft.source_name, "note": note}
            for item in pending.items
            if item.draft is not None
            for note in item.notes
        ]
        batch = current.batches + 1 if changed else current.batches
        IngestRun.objects.filter(pk=run.pk).update(
            processed=F("processed") + len(pending.items),
            cursor=list(pending.items[-1].position),
            batches=batch,
            failed=F("failed") + len(failures),
            failures=current.failures + [f.as_json() for f in failures[: max(0, kept)]],
            notes=current.notes + notes[: max(0, MAX_KEPT_NOTES - len(current.notes))],
            placeholders=F("placeholders") + outlets.take_new_placeholders(),
            updated_at=timezone.now(),
            **{name: F(name) + value for name, value in counts.items()},
        )
        if changed:  # provenance and events are found as articles arrive, not left to a rebuild
            tracing.follow(run.pk, batch, changed, created)
    tracing.after_commit()


def _end(run: IngestRun, status: str) -> IngestRun:
    IngestRun.objects.filter(pk=run.pk).update(status=status, finished_at=timezone.now())
    run.refresh_from_db()
    if not run.failed:
        discard(run)  # its articles keep their raw input; a run with failures keeps its files for review
    return run

"""The ingest service: used by `manage.py ingest`, the admin's Ingest page and the demo alike.

Every input is parsed into a Draft, its outlets resolved, and saved in batches. Identity is the
URL, else the record id, else the text itself, kept unique by the database, so re-running never
duplicates and two concurrent runs cannot both create the same article. A URL that comes back with
other content keeps its earlier version as an ArticleVersion.

`start_run` creates a run with its inputs staged in the database; a worker processes it
(articles.tasks), or `ingest` does it here and now, tracing each batch inline.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import transaction

from articles.ingest.draft import Draft
from articles.ingest.inputs import expand
from articles.ingest.outlets import RunOutlets
from articles.ingest.reading import Failure, Overrides, read_items
from articles.ingest.runs import InlineTracing, process
from articles.ingest.staging import stage
from articles.models import IngestRun
from articles.models.ingest_run import MAX_KEPT_FAILURES


@dataclass
class IngestReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
    failures: list[Failure] = field(default_factory=list)  # the first ones, up to the run's limit
    drafts: list[Draft] = field(default_factory=list)  # dry runs only
    run: IngestRun | None = None

    @classmethod
    def of(cls, run: IngestRun) -> IngestReport:
        failures = [Failure(f["input"], f["reason"], f.get("line")) for f in run.failures]
        return cls(run.created, run.updated, run.unchanged, run.failed, failures, run=run)


def start_run(
    paths: list[str],
    *,
    origin: str = IngestRun.Origin.COMMAND,
    user=None,
    fmt: str = "auto",
    overrides: Overrides | None = None,
    status: str = IngestRun.Status.QUEUED,
    stdin=None,
) -> IngestRun:
    """A new run with its inputs staged; what cannot be read is already among its failures."""
    overrides = overrides or Overrides()
    options = {
        "format": fmt,
        "publisher": overrides.publisher.pk if overrides.publisher else None,
        "url": overrides.url,
        "published": overrides.published,
    }
    with transaction.atomic():
        run = IngestRun.objects.create(
            origin=origin, started_by=user, inputs="\n".join(paths)[:10000], options=options, status=status
        )
        problems = [Failure(name, reason) for name, reason in stage(run, paths, stdin=stdin)]
        if problems:
            run.failed = len(problems)
            run.failures = [failure.as_json() for failure in problems]
            run.save(update_fields=["failed", "failures"])
    return run


def ingest(
    paths: Iterable[str],
    *,
    fmt: str = "auto",
    overrides: Overrides | None = None,
    dry_run: bool = False,
    origin: str = IngestRun.Origin.COMMAND,
    user=None,
) -> IngestReport:
    """Ingest files here and now (tests, the demo); a dry run parses and writes nothing."""
    paths = list(paths)
    if dry_run:
        return dry_run_report(paths, fmt, overrides or Overrides())
    run = start_run(paths, origin=origin, user=user, fmt=fmt, overrides=overrides)
    return IngestReport.of(process(run.pk, InlineTracing()))


def dry_run_report(paths: list[str], fmt: str, overrides: Overrides, inputs=None) -> IngestReport:
    """What ingesting would extract, with nothing written (`ingest --dry-run`, the evaluations)."""
    report = IngestReport()
    outlets = RunOutlets(dry_run=True, default_publisher=overrides.publisher)
    sources = ((number, 0, source) for number, source in enumerate(inputs or expand(paths, fmt)))
    for item in read_items(sources, outlets, overrides):
        if item.draft is not None:
            report.drafts.append(item.draft)
        elif item.failure is not None:
            report.failed += 1
            if len(report.failures) < MAX_KEPT_FAILURES:
                report.failures.append(item.failure)
    return report

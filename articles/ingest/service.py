"""The ingest service: used by `manage.py ingest` and by the admin's Ingest page alike.

Every input is parsed into a Draft, its outlets resolved, and saved in batches. Identity is the
URL, else the record id, else the raw content's hash, kept unique by the database, so re-running
never duplicates and two concurrent runs cannot both create the same article. A URL that comes
back with other content keeps its earlier version as an ArticleVersion.
"""

from __future__ import annotations

import hashlib
import io
import json
import lzma
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from django.db import reset_queries
from django.utils import timezone

from articles.ingest.dates import parse_timestamp
from articles.ingest.decoding import InputError, decode
from articles.ingest.draft import Draft
from articles.ingest.html import parse_html
from articles.ingest.inputs import MAX_JSON_BYTES, BadInput, Input, expand
from articles.ingest.outlets import RunOutlets
from articles.ingest.page import parse_page
from articles.ingest.records import dumps, load_record, parse_record
from articles.ingest.saving import save_batch
from articles.ingest.tracing import InlineTracer, tracer
from articles.models import IngestRun

BATCH_SIZE = 250


@dataclass
class Failure:
    input: str
    reason: str
    line: int | None = None

    def __str__(self):
        where = f"{self.input}:{self.line}" if self.line else self.input
        return f"{where}: {self.reason}"


@dataclass
class IngestReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    failures: list[Failure] = field(default_factory=list)
    drafts: list[Draft] = field(default_factory=list)  # dry runs only
    run: IngestRun | None = None

    @property
    def failed(self) -> int:
        return len(self.failures)


@dataclass
class Overrides:
    """What the user says about inputs that do not say it themselves."""

    publisher: object = None  # an Outlet
    url: str | None = None
    published: str | None = None


def ingest(
    paths: Iterable[str] | None = None,
    *,
    inputs: Iterable[Input | BadInput] | None = None,
    fmt: str = "auto",
    overrides: Overrides | None = None,
    dry_run: bool = False,
    origin: str = IngestRun.Origin.COMMAND,
    user=None,
    progress: Callable[[int], None] | None = None,
    jobs: int = 1,
) -> IngestReport:
    """Ingest files (paths) or prepared inputs; returns counts and every failure with its reason.

    With jobs=2 provenance and events are traced in a second process while the next batches are
    saved (articles.ingest.tracing); the result is the same.
    """
    overrides = overrides or Overrides()
    report = IngestReport()
    sources = list(inputs) if inputs is not None else list(expand(list(paths or []), fmt))
    if not dry_run:
        report.run = IngestRun.objects.create(
            origin=origin, started_by=user, inputs="\n".join(s.name for s in sources)[:10000]
        )
    outlets = RunOutlets(dry_run=dry_run, default_publisher=overrides.publisher)
    tracing = InlineTracer() if dry_run else tracer(jobs)
    batch: list[Draft] = []
    for item in _drafts(sources, outlets, overrides, report):
        batch.append(item)
        if len(batch) >= BATCH_SIZE:
            _flush(batch, report, tracing, dry_run, progress)
    _flush(batch, report, tracing, dry_run, progress)
    if problem := tracing.finish():
        report.failures.append(Failure("provenance and events", problem))
    if report.run:
        _finish_run(report)
    return report


def _drafts(sources, outlets: RunOutlets, overrides: Overrides, report: IngestReport) -> Iterator[Draft]:
    for source in sources:
        if isinstance(source, BadInput):
            report.failures.append(Failure(source.name, source.reason))
            continue
        try:
            if source.format in ("jsonl", "json"):
                yield from _record_drafts(source, outlets, overrides, report)
            else:
                yield _page_draft(source, outlets, overrides)
        except InputError as error:
            report.failures.append(Failure(source.name, str(error)))
        except (OSError, EOFError, lzma.LZMAError, zlib.error) as error:  # truncated or corrupt files
            report.failures.append(Failure(source.name, f"cannot be read ({error})"))


def _page_draft(source: Input, outlets: RunOutlets, overrides: Overrides) -> Draft:
    data = source.read_page()
    text, encoding = decode(data)
    draft = _new_draft(source.name, text, source.format, encoding, data, overrides)
    if source.format == "html":
        parse_html(draft, outlets)
    else:
        parse_page(draft, outlets)
    draft.identity = draft.url or f"sha256:{draft.content_hash}"
    return _finish(draft, outlets, overrides)


def _record_drafts(source: Input, outlets, overrides, report) -> Iterator[Draft]:
    for number, line in _record_lines(source):
        if not line.strip():
            continue
        try:
            record = load_record(line)
            raw = line.decode("utf-8").rstrip("\r\n")
            draft = _new_draft(source.name, raw, "json", "utf-8", line, overrides)
            draft.source_name = f"{source.name}:{number}" if number else source.name
            parse_record(draft, record, outlets)
            draft.identity = draft.identity or f"sha256:{draft.content_hash}"
            yield _finish(draft, outlets, overrides)
        except InputError as error:
            report.failures.append(Failure(source.name, str(error), number or None))


def _record_lines(source: Input) -> Iterator[tuple[int, bytes]]:
    """(line number, bytes) per record; a .json array or object counts as line 0 records."""
    if source.format == "json":
        with source.open() as stream:
            data = stream.read(MAX_JSON_BYTES + 1)
        if len(data) > MAX_JSON_BYTES:
            raise InputError("JSON file larger than 200 MB: use JSON Lines")
        text, _ = decode(data)
        stripped = text.lstrip()
        if stripped.startswith("["):
            try:
                records = json.loads(stripped)
            except json.JSONDecodeError as error:
                raise InputError(f"invalid JSON: {error}") from None
            for index, record in enumerate(records if isinstance(records, list) else [records], start=1):
                yield index, dumps(record).encode()
            return
        if not stripped.startswith("{") or "\n{" not in stripped:
            yield 0, stripped.encode()
            return
        stream = io.BytesIO(text.encode())
    else:
        stream = source.open()
    with stream:
        for number, line in enumerate(stream, start=1):
            yield number, line.removeprefix(b"\xef\xbb\xbf") if number == 1 else line


def _new_draft(name, text, fmt, encoding, data: bytes, overrides: Overrides) -> Draft:
    return Draft(
        source_name=name[:500],
        raw=text,
        raw_format=fmt,
        raw_encoding=encoding,
        content_hash=hashlib.sha256(data).hexdigest(),
        source_text=text,
        url=overrides.url,
    )


def _finish(draft: Draft, outlets: RunOutlets, overrides: Overrides) -> Draft:
    if overrides.published:
        dated = parse_timestamp(overrides.published)
        if dated:
            draft.published_at, draft.date_precision = dated
    outlets.settle_publisher(draft)
    outlets.resolve_attributions(draft)
    if not draft.body.strip() and not draft.title.strip():
        raise InputError("no article text found")
    if "\x00" in draft.raw:
        raise InputError("contains NUL characters, which no text column can hold")
    draft.title = draft.title[:1000] or draft.body[:120]
    return draft


def _flush(batch: list[Draft], report: IngestReport, tracing, dry_run: bool, progress) -> None:
    if not batch:
        return
    if dry_run:
        report.drafts.extend(batch)
    else:
        changed, created = [], []
        for outcome, draft, reason in save_batch(batch, report.run):
            if outcome == "failed":
                report.failures.append(Failure(draft.source_name, reason))
            else:
                setattr(report, outcome, getattr(report, outcome) + 1)
            if outcome in ("created", "updated"):
                changed.append(draft.saved_as)
            if outcome == "created":
                created.append(draft.saved_as)
        if changed:  # provenance and events are found as articles arrive, not left to a rebuild
            tracing.follow(changed, created)
    if progress:
        progress(len(batch))
    batch.clear()
    reset_queries()  # in debug mode Django keeps every query, and ours carry whole articles


def _finish_run(report: IngestReport) -> None:
    run = report.run
    run.created, run.updated, run.unchanged, run.failed = (
        report.created,
        report.updated,
        report.unchanged,
        report.failed,
    )
    run.failures = [{"input": f.input, "line": f.line, "reason": f.reason} for f in report.failures[:1000]]
    run.finished_at = timezone.now()
    run.save()

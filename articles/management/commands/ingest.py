import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, connection

from articles.ingest import Overrides, start_run
from articles.ingest.dates import parse_timestamp
from articles.ingest.inputs import expand
from articles.ingest.preview import draft_json
from articles.ingest.runs import InlineTracing, count_items, process
from articles.ingest.service import IngestReport, dry_run_report
from articles.management.archive import require_archive, unreachable
from articles.management.progress import Progress
from articles.models import IngestRun
from newsroom.database_url import same_database_env
from sources.resolver import OutletResolver

PARALLEL_BYTES = 5_000_000  # below this, a second worker costs more than it saves
SINGLE_INPUT = (".txt", ".text", ".html", ".htm")  # what --url can name: one page
MANAGE = Path(__file__).resolve().parents[3] / "manage.py"


def _input_bytes(paths: list[str]) -> int:
    size = 0
    for path in map(Path, paths):
        if path.is_file():
            size += path.stat().st_size
        elif path.is_dir():
            size += sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())
    return size


def _count(run_id: int, paths: list[str], fmt: str) -> None:
    """The run's total, counted here while the workers work (this process only waits)."""
    try:
        total = count_items(expand([p for p in paths if p != "-"], fmt))
        IngestRun.objects.filter(pk=run_id, total__isnull=True).update(total=total)
    finally:
        connection.close()


class Command(BaseCommand):
    help = (
        "Ingest scraped pages (.txt), HTML, JSON Lines, directories, zips, .gz/.xz files or - (stdin). "
        "The inputs become an ingest run that workers process in batches; this command starts the "
        "workers it needs and shows their progress."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument("--format", choices=["auto", "txt", "html", "jsonl"], default="auto")
        parser.add_argument("--outlet", help="publisher (name, alias or domain) for inputs that do not say")
        parser.add_argument("--url", help="URL of the page (a single page only)")
        parser.add_argument("--published", help="publication date, YYYY-MM-DD or ISO 8601")
        parser.add_argument("--dry-run", action="store_true", help="parse and report; write nothing")
        parser.add_argument("--json", action="store_true", help="print JSON Lines (one object per article)")
        parser.add_argument(
            "--workers",
            type=int,
            help="workers to start for this run: 2 traces batches while the next are saved "
            f"(default: 2 for inputs over {PARALLEL_BYTES // 1_000_000} MB on a machine with two cores, else 1); "
            "0 leaves the run to workers already running",
        )
        parser.add_argument("--detach", action="store_true", help="queue the run for running workers and exit")

    def handle(self, *args, **options):
        self.stderr.style_func = None  # progress and summary go to stderr, but they are not errors
        overrides = self._overrides(options)
        if options["dry_run"]:
            return self._dry_run(options, overrides)
        require_archive()
        try:
            run = start_run(options["paths"], fmt=options["format"], overrides=overrides)
        except DatabaseError as error:
            raise unreachable(error) from None
        if connection.in_atomic_block:  # inside a caller's transaction no worker could see the run
            run = process(run.pk, InlineTracing())
        else:
            from articles.tasks import ingest_run

            ingest_run.defer(run_id=run.pk)
            if options["detach"]:
                self.stderr.write(f"ingest run #{run.pk} queued: `manage.py worker` processes it")
                return
            run = self._follow(run, self._workers(options), options["paths"], options["format"])
        self._report(IngestReport.of(run), options["json"])
        if run.failed or run.status != IngestRun.Status.DONE:
            sys.exit(1)

    def _overrides(self, options) -> Overrides:
        overrides = Overrides(url=options["url"], published=options["published"])
        if options["published"] and not parse_timestamp(options["published"]):
            raise CommandError(f"--published: not a date: {options['published']!r}", returncode=2)
        if options["url"] and (len(options["paths"]) > 1 or not options["paths"][0].lower().endswith(SINGLE_INPUT)):
            raise CommandError(
                "--url names one page: give a single .txt or .html file with it (records carry their own URLs)",
                returncode=2,
            )
        if options["outlet"]:
            overrides.publisher = OutletResolver(create_placeholders=False).resolve(options["outlet"], create=False)
            if overrides.publisher is None:
                raise CommandError(f"--outlet: no outlet is called {options['outlet']!r}", returncode=2)
        return overrides

    def _dry_run(self, options, overrides):
        report = dry_run_report(options["paths"], options["format"], overrides)
        if options["json"]:
            for draft in report.drafts:
                self.stdout.write(json.dumps(draft_json(draft), ensure_ascii=False))
        self._failures_json(report, options["json"])
        self.stderr.write(f"dry run: {len(report.drafts)} parsed, {report.failed} failed; nothing written")
        self._failure_lines(report)
        if report.failed:
            sys.exit(1)

    def _workers(self, options) -> int:
        if options["workers"] is not None:
            return max(0, options["workers"])
        big = _input_bytes(options["paths"]) >= PARALLEL_BYTES
        return 2 if big and (os.cpu_count() or 1) >= 2 else 1

    def _follow(self, run: IngestRun, workers: int, paths: list[str], fmt: str) -> IngestRun:
        """Start the workers, show the run's progress until it is saved and traced, stop them."""
        started = [self._start_worker() for _ in range(workers)]
        threading.Thread(target=_count, args=(run.pk, paths, fmt), daemon=True).start()
        progress = Progress(f"ingest #{run.pk}", sys.stderr)
        try:
            while True:
                run.refresh_from_db()
                progress.show(run.processed, run.total, self._counts(run))
                if run.is_finished and run.is_traced:
                    break
                started = [worker if worker.poll() is None else self._restart(worker, run) for worker in started]
                time.sleep(0.5)
        except KeyboardInterrupt:
            IngestRun.objects.filter(pk=run.pk).update(cancel_requested=True)
            self.stderr.write(f"\ncancelling ingest #{run.pk} after the batch in hand…")
            self._wait_for_end(run)
        finally:
            progress.close(run.processed, run.total, self._counts(run))
            self._stop(started)
        run.refresh_from_db()
        return run

    def _counts(self, run: IngestRun) -> str:
        text = f"saved {run.created + run.updated}, unchanged {run.unchanged}, failed {run.failed}"
        if run.is_finished and not run.is_traced:
            text += f"; tracing batch {run.traced + 1} of {run.batches}"
        return text

    def _start_worker(self) -> subprocess.Popen:
        return subprocess.Popen(
            [sys.executable, str(MANAGE), "worker", "--quiet"],
            stdin=subprocess.DEVNULL,
            env=same_database_env(),  # the same database as this command's
            start_new_session=True,  # Ctrl-C reaches this command, which stops them in order
        )

    def _restart(self, worker: subprocess.Popen, run: IngestRun) -> subprocess.Popen:
        if run.is_finished and run.is_traced:
            return worker
        self.stderr.write(f"\na worker stopped (exit status {worker.returncode}); starting another")
        return self._start_worker()

    def _wait_for_end(self, run: IngestRun) -> None:
        for _ in range(600):
            run.refresh_from_db()
            if run.is_finished:
                return
            time.sleep(0.5)

    def _stop(self, workers: list[subprocess.Popen]) -> None:
        for worker in workers:
            if worker.poll() is None:
                worker.send_signal(signal.SIGTERM)
        for worker in workers:
            try:
                worker.wait(timeout=60)
            except subprocess.TimeoutExpired:
                worker.kill()

    def _report(self, report: IngestReport, as_json: bool) -> None:
        run = report.run
        self._failures_json(report, as_json)
        status = "" if run.status == IngestRun.Status.DONE else f"{run.get_status_display()} ({run.status}): "
        self.stderr.write(
            f"{status}created {run.created}, updated {run.updated}, unchanged {run.unchanged}, failed {run.failed}"
        )
        elapsed = (run.finished_at or run.updated_at) - run.started_at
        self.stderr.write(
            f"  ingest #{run.pk} in {elapsed.total_seconds():.0f} s; {run.placeholders} placeholder outlets created, "
            f"{run.links} upstream links and {run.events} events made"
        )
        if run.placeholders:
            self.stderr.write(
                "  placeholder outlets await review in the admin (المنافذ الإعلامية, «بانتظار مراجعة محرر»)"
            )
        for note in run.notes[:20]:
            self.stderr.write(f"  note: {note['input']}: {note['note']}")
        self._failure_lines(report)
        if run.error:
            self.stderr.write(f"  error: {run.error}")

    def _failures_json(self, report: IngestReport, as_json: bool) -> None:
        if as_json:
            for failure in report.failures:
                record = {"input": failure.input, "line": failure.line, "error": failure.reason}
                self.stdout.write(json.dumps(record, ensure_ascii=False))

    def _failure_lines(self, report: IngestReport) -> None:
        for failure in report.failures[:50]:
            self.stderr.write(f"  failed: {failure}")
        if report.failed > 50:
            where = f" (all listed on ingest run #{report.run.pk} in the admin)" if report.run else ""
            self.stderr.write(f"  … and {report.failed - 50} more failures{where}")

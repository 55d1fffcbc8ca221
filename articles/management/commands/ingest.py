import json
import os
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from articles.ingest import Overrides, ingest
from articles.ingest.dates import parse_timestamp
from articles.ingest.preview import draft_json
from sources.resolver import OutletResolver

PARALLEL_BYTES = 5_000_000  # below this, a second process costs more than it saves


def _default_jobs(paths: list[str]) -> int:
    """Two processes for large inputs when there are two cores to run them."""
    if (os.cpu_count() or 1) < 2:
        return 1
    size = 0
    for path in map(Path, paths):
        if path.is_file():
            size += path.stat().st_size
        elif path.is_dir():
            size += sum(f.stat().st_size for f in path.rglob("*") if f.is_file())
    return 2 if size >= PARALLEL_BYTES else 1


class Command(BaseCommand):
    help = "Ingest scraped pages (.txt), HTML, JSON Lines, directories, zips, .gz/.xz files or - (stdin)."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument("--format", choices=["auto", "txt", "html", "jsonl"], default="auto")
        parser.add_argument("--outlet", help="publisher (name, alias or domain) for inputs that do not say")
        parser.add_argument("--url", help="URL of the page (one input)")
        parser.add_argument("--published", help="publication date, YYYY-MM-DD or ISO 8601")
        parser.add_argument("--dry-run", action="store_true", help="parse and report; write nothing")
        parser.add_argument("--json", action="store_true", help="print JSON Lines (one object per article)")
        parser.add_argument(
            "--jobs",
            type=int,
            choices=[1, 2],
            help="2: trace provenance and events in a second process while saving "
            f"(default: 2 for inputs over {PARALLEL_BYTES // 1_000_000} MB on a machine with two cores)",
        )

    def handle(self, *args, **options):
        overrides = Overrides(url=options["url"], published=options["published"])
        if options["published"] and not parse_timestamp(options["published"]):
            raise CommandError(f"--published: not a date: {options['published']!r}", returncode=2)
        if options["outlet"]:
            overrides.publisher = OutletResolver(create_placeholders=False).resolve(options["outlet"], create=False)
            if overrides.publisher is None:
                raise CommandError(f"--outlet: no outlet is called {options['outlet']!r}", returncode=2)
        with self._progress() as bar:
            report = ingest(
                options["paths"],
                fmt=options["format"],
                overrides=overrides,
                dry_run=options["dry_run"],
                progress=bar.update if bar else None,
                jobs=options["jobs"] or _default_jobs(options["paths"]),
            )
        if options["json"]:
            for draft in report.drafts:
                self.stdout.write(json.dumps(draft_json(draft), ensure_ascii=False))
            for failure in report.failures:
                record = {"input": failure.input, "line": failure.line, "error": failure.reason}
                self.stdout.write(json.dumps(record, ensure_ascii=False))
        self._summary(report, options["dry_run"])
        if report.failures:
            sys.exit(1)

    def _progress(self):
        from contextlib import nullcontext

        if not sys.stderr.isatty():
            return nullcontext(None)
        from tqdm import tqdm

        return tqdm(unit=" articles", file=sys.stderr, desc="ingest")

    def _summary(self, report, dry_run):
        out = self.stderr
        if dry_run:
            out.write(f"dry run: {len(report.drafts)} parsed, {report.failed} failed; nothing written")
        else:
            out.write(
                f"created {report.created}, updated {report.updated}, "
                f"unchanged {report.unchanged}, failed {report.failed}"
            )
        for failure in report.failures:
            out.write(f"  failed: {failure}")

import asyncio
import logging

from django.conf import settings
from django.core.management.base import BaseCommand

from articles.management.archive import require_archive

QUEUES = ["ingest", "tracing", "default"]


class Command(BaseCommand):
    help = (
        "Run a worker: it processes ingest runs, traces their batches and builds previews (see README, "
        "'Workers'). Run as many as you like, on any machine that reaches the database; Ctrl-C stops it "
        "after the batch in hand."
    )

    def add_arguments(self, parser):
        parser.add_argument("--queues", default=",".join(QUEUES), help="comma-separated (default: all)")
        parser.add_argument("--concurrency", type=int, default=1, help="jobs at a time in this process")
        parser.add_argument("--quiet", action="store_true", help="no start and stop lines")

    def handle(self, *args, **options):
        require_archive()
        from procrastinate.contrib.django import app

        logging.getLogger("procrastinate").setLevel(logging.WARNING)
        queues = [q.strip() for q in options["queues"].split(",") if q.strip()]
        worker_app = app.with_connector(app.connector.get_worker_connector())
        if not options["quiet"]:
            self.stderr.write(f"worker: waiting for jobs ({', '.join(queues)}); Ctrl-C stops it")
        asyncio.run(self._run(worker_app, queues, options["concurrency"]))
        if not options["quiet"]:
            self.stderr.write("worker: stopped")

    async def _run(self, worker_app, queues, concurrency):
        from articles.tasks import retry_stalled

        async with worker_app.open_async():
            await retry_stalled(worker_app)  # what a dead worker left, before anything new
            await worker_app.run_worker_async(
                queues=queues,
                concurrency=concurrency,
                wait=True,
                # A stop request reaches an ingest after its current batch; it goes on in another worker.
                shutdown_graceful_timeout=1,
                delete_jobs="successful",
                update_heartbeat_interval=settings.ISNAD_WORKER_HEARTBEAT,
                stalled_worker_timeout=settings.ISNAD_STALLED_AFTER,
            )

"""Background jobs, run by `manage.py worker` (Procrastinate, its queue kept in our PostgreSQL).

- `ingest_run` reads and saves one ingest run in batches; each batch defers its `trace_batch`.
- `trace_batch` finds a batch's shared text, links and events. All tracing jobs share one lock,
  so batches are traced one at a time, in the order they were saved.
- `preview_run` reads a run without saving it, for an editor to confirm (the admin's Ingest page).
- `recover_stalled_jobs`, every minute: the jobs of a worker that died (no heartbeat for 30 s)
  are run again; an ingest resumes after its last saved batch, a batch is never traced twice.
- `clean_previews`, hourly: previews never confirmed are dropped after a day, with their files;
  the files a finished run kept (it had failures, to be looked at) after 30 days.
- `learn_spellings`, nightly: the variants table is learned again from the copies and usage the
  archive has gained (articles/spellings); editors' decisions are kept.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.db import InterfaceError, OperationalError, close_old_connections, connection
from django.utils import timezone
from procrastinate import RetryStrategy
from procrastinate.contrib.django import app

from articles.ingest import previews, runs, tracing
from articles.models import IngestChunk, IngestRun
from articles.models.ingest_run import FINISHED, Status

logger = logging.getLogger(__name__)
# The database restarting or unreachable: try again for about five minutes.
DATABASE_GONE = RetryStrategy(max_attempts=30, wait=10, retry_exceptions=[OperationalError, InterfaceError])
PREVIEW_LIFETIME = timezone.timedelta(days=1)
KEPT_INPUTS_LIFETIME = timezone.timedelta(days=30)


def _fresh_connections() -> None:
    """Drop connections too old or broken to reuse (a worker thread keeps its own between jobs),
    except inside a transaction: there (a test calling a task) the connection is the caller's."""
    if not connection.in_atomic_block:
        close_old_connections()


class StopBetweenBatches(runs.DeferredTracing):
    """Deferred tracing that also tells the run to stop after a batch when the worker shuts down."""

    def __init__(self, context):
        super().__init__()
        self.context = context

    def should_stop(self) -> bool:
        return self.context.should_abort()


@app.task(queue="ingest", retry=DATABASE_GONE, pass_context=True)
def ingest_run(context, run_id: int) -> None:
    _fresh_connections()
    try:
        run = runs.process(run_id, StopBetweenBatches(context))
        if run.status == Status.QUEUED:  # the worker is shutting down: another one goes on
            ingest_run.defer(run_id=run_id)
    except (OperationalError, InterfaceError):
        _fresh_connections()
        raise  # retried: the run resumes after its last batch
    except Exception as error:
        _failed(run_id, error)
        raise
    finally:
        _fresh_connections()


@app.task(queue="tracing", lock="tracing", retry=DATABASE_GONE)
def trace_batch(run_id: int, batch: int, changed: list[int], created: list[int]) -> None:
    _fresh_connections()
    try:
        tracing.trace_batch(run_id, batch, changed, created)
    except (OperationalError, InterfaceError):
        _fresh_connections()
        raise
    except Exception as error:
        IngestRun.objects.filter(pk=run_id).update(
            error=f"tracing batch {batch} failed ({type(error).__name__}: {error}); its articles are saved: "
            "run `manage.py rebuild_provenance` and `manage.py rebuild_events`"[:2000]
        )
        raise
    finally:
        _fresh_connections()


@app.task(queue="ingest", retry=DATABASE_GONE)
def preview_run(run_id: int) -> None:
    _fresh_connections()
    try:
        previews.build(run_id)
    except (OperationalError, InterfaceError):
        _fresh_connections()
        raise
    except Exception as error:
        _failed(run_id, error)
        raise
    finally:
        _fresh_connections()


def _failed(run_id: int, error: Exception) -> None:
    logger.exception("ingest run %s failed", run_id)
    IngestRun.objects.filter(pk=run_id).update(
        status=Status.FAILED, finished_at=timezone.now(), error=f"{type(error).__name__}: {error}"[:2000]
    )


@app.periodic(cron="* * * * *")
@app.task(queueing_lock="recover_stalled_jobs", pass_context=True)
async def recover_stalled_jobs(context, timestamp: int) -> None:
    await retry_stalled(context.app)


async def retry_stalled(app_) -> int:
    """Run again the jobs of workers that stopped sending heartbeats (killed, or their machine lost)."""
    stalled = await app_.job_manager.get_stalled_jobs(seconds_since_heartbeat=settings.ISNAD_STALLED_AFTER)
    for job in stalled:
        await app_.job_manager.retry_job(job)
    return len(stalled)


@app.periodic(cron="17 * * * *")
@app.task(queueing_lock="clean_previews")
def clean_previews(timestamp: int) -> None:
    _fresh_connections()
    IngestRun.objects.filter(status=Status.PREVIEW, started_at__lt=timezone.now() - PREVIEW_LIFETIME).delete()
    IngestChunk.objects.filter(
        input__run__finished_at__lt=timezone.now() - KEPT_INPUTS_LIFETIME, input__run__status__in=FINISHED
    ).delete()
    _fresh_connections()


@app.periodic(cron="41 3 * * *")
@app.task(queueing_lock="learn_spellings", lock="learn_spellings")
def learn_spellings(timestamp: int) -> None:
    from articles.spellings.learning import learn_from_archive

    _fresh_connections()
    decided = learn_from_archive()
    logger.info("spellings learned: %s", dict(decided))
    _fresh_connections()

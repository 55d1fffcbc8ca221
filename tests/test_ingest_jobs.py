"""Ingest runs as jobs: workers in their own processes save batches and trace them, a run
interrupted at any point resumes with exact counts, an editor can cancel a run.

These tests commit for real (a worker in another process cannot see a test's open transaction);
serialized_rollback restores the gazetteer that the flush afterwards removes.
"""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings

from articles.ingest import Overrides, ingest, start_run
from articles.ingest import runs as runs_module
from articles.ingest.runs import InlineTracing, process
from articles.ingest.tracing import trace_batch
from articles.models import Article, Event, IngestRun, SharedText
from articles.provenance.graph import provenance_of
from newsroom.database_url import same_database_env
from sources.models import Outlet
from tests.conftest import run_ingest, write

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
DEMO = Path(settings.BASE_DIR) / "demo"
STORY = (
    "افتتحت البلدية اليوم حديقة عامة جديدة في حي الشاطئ، تضم مسارات للمشي وملاعب للأطفال ومساحات خضراء "
    "واسعة، وقال رئيس البلدية إن الحديقة تفتح أبوابها يومياً من السادسة صباحاً حتى منتصف الليل."
)


def records(tmp_path, count: int, name: str = "batch.jsonl") -> Path:
    lines = [
        json.dumps({"id": f"r{n}", "title": f"خبر الحديقة رقم {n}", "text": f"{STORY} (رقم {n})"}, ensure_ascii=False)
        for n in range(count)
    ]
    return write(tmp_path, name, "\n".join(lines) + "\n")


def worker(**env) -> subprocess.Popen:
    environment = same_database_env() | {"ISNAD_WORKER_HEARTBEAT": "1", "ISNAD_STALLED_AFTER": "3"} | env
    return subprocess.Popen(
        [sys.executable, "manage.py", "worker", "--quiet"], cwd=settings.BASE_DIR, env=environment,
        stdin=subprocess.DEVNULL,
    )  # fmt: skip


def wait_for(condition, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.2)


def test_the_command_runs_workers_that_save_and_trace_the_demo():
    publisher = "--outlet=spa"
    status, _, err = run_ingest(str(DEMO / "01_spa_palm_festival.txt"), publisher, "--workers", "2")
    assert status == 0 and "created 1" in err, err
    status, _, err = run_ingest(str(DEMO), "--workers", "2")
    assert status == 0 and "created 4, updated 0, unchanged 1, failed 0" in err, err
    copy = Article.objects.select_related("publisher").get(source_name__endswith="03_aggregator_copy.txt")
    assert [node.label for node in provenance_of(copy).chain] == ["مرآة الأخبار", "نبض الخليج", "سبق", "واس"]
    story = Article.objects.filter(source_name__regex=r"0[123]_[a-z_]+\.txt$")
    assert story.count() == 3 and len({a.event_id for a in story}) == 1 and story[0].event_id is not None
    assert SharedText.objects.exists() and Event.objects.count() == Article.objects.values("event").distinct().count()
    run = IngestRun.objects.order_by("pk").last()
    assert run.status == "done" and run.is_traced and run.batches == 1 and run.links >= 2
    assert not run.staged.filter(chunks__isnull=False).exists()  # a clean run drops its staged files


def test_a_run_interrupted_after_a_batch_resumes_with_exact_counts(tmp_path, monkeypatch):
    monkeypatch.setattr(runs_module, "BATCH_SIZE", 10)
    path = records(tmp_path, 35)
    run = start_run([str(path)])
    saved = []
    original = runs_module._save

    def dies_after_two_batches(run_, pending, outlets, tracing):
        if len(saved) == 2:
            raise SystemExit("killed")  # as a kill would: between two batches, nothing of the third saved
        original(run_, pending, outlets, tracing)
        saved.append(len(pending.items))

    monkeypatch.setattr(runs_module, "_save", dies_after_two_batches)
    with pytest.raises(SystemExit):
        process(run.pk, InlineTracing())
    run.refresh_from_db()
    assert (run.status, run.processed, run.created, run.batches, run.traced) == ("running", 20, 20, 2, 2)
    assert Article.objects.count() == 20
    monkeypatch.setattr(runs_module, "_save", original)
    run = process(run.pk, InlineTracing())
    assert (run.status, run.processed, run.created, run.unchanged, run.failed) == ("done", 35, 35, 0, 0)
    assert run.batches == run.traced == 4
    assert Article.objects.count() == 35 and Article.objects.filter(event__isnull=True).count() == 0


def test_a_worker_killed_mid_run_is_replaced_and_the_run_ends_with_exact_counts(tmp_path):
    path = records(tmp_path, 4000)
    run = start_run([str(path)])
    from articles.tasks import ingest_run

    ingest_run.defer(run_id=run.pk)
    first = worker()
    wait_for(lambda: IngestRun.objects.get(pk=run.pk).batches >= 2)
    first.send_signal(signal.SIGKILL)
    first.wait()
    killed_at = IngestRun.objects.get(pk=run.pk)
    assert killed_at.status == "running" and killed_at.processed < 4000
    second = worker()
    try:
        wait_for(lambda: (r := IngestRun.objects.get(pk=run.pk)).is_finished and r.is_traced, seconds=300)
    finally:
        second.send_signal(signal.SIGTERM)
        second.wait(timeout=60)
    run.refresh_from_db()
    assert (run.status, run.processed, run.created, run.unchanged, run.failed) == ("done", 4000, 4000, 0, 0)
    assert Article.objects.count() == 4000
    assert Article.objects.filter(event__isnull=True).count() == 0  # every batch traced, none twice
    assert run.traced == run.batches == 16


def test_a_worker_asked_to_stop_leaves_the_run_to_the_next_one(tmp_path):
    path = records(tmp_path, 3000)
    run = start_run([str(path)])
    from articles.tasks import ingest_run

    ingest_run.defer(run_id=run.pk)
    first = worker()
    wait_for(lambda: IngestRun.objects.get(pk=run.pk).batches >= 1)
    first.send_signal(signal.SIGTERM)
    assert first.wait(timeout=60) == 0
    stopped = IngestRun.objects.get(pk=run.pk)
    assert stopped.status == "queued" and 0 < stopped.processed < 3000
    second = worker()
    try:
        wait_for(lambda: (r := IngestRun.objects.get(pk=run.pk)).is_finished and r.is_traced, seconds=300)
    finally:
        second.send_signal(signal.SIGTERM)
        second.wait(timeout=60)
    run.refresh_from_db()
    assert (run.status, run.created, run.processed) == ("done", 3000, 3000) and Article.objects.count() == 3000


def test_an_editor_cancels_a_run_and_what_was_saved_stays(tmp_path, monkeypatch):
    monkeypatch.setattr(runs_module, "BATCH_SIZE", 10)
    run = start_run([str(records(tmp_path, 50))])
    original = runs_module._save

    def cancel_during_second(run_, pending, outlets, tracing):
        original(run_, pending, outlets, tracing)
        if IngestRun.objects.get(pk=run_.pk).batches == 2:
            IngestRun.objects.filter(pk=run_.pk).update(cancel_requested=True)

    monkeypatch.setattr(runs_module, "_save", cancel_during_second)
    run = process(run.pk, InlineTracing())
    assert (run.status, run.created, run.traced) == ("cancelled", 20, 2) and Article.objects.count() == 20
    assert run.staged.filter(chunks__isnull=False).exists() or run.failed == 0


def test_a_batch_is_traced_once_even_when_its_job_runs_twice(tmp_path):
    report = ingest([str(records(tmp_path, 5))])
    run = report.run
    assert run.traced == 1
    ids = list(Article.objects.values_list("pk", flat=True))
    assert trace_batch(run.pk, 1, ids, ids) is False  # a retried job after a crash past its commit


def test_a_tracing_failure_is_said_on_the_run_and_the_articles_stay(tmp_path, monkeypatch):
    from articles.tasks import trace_batch as trace_job

    monkeypatch.setattr("articles.ingest.tracing.trace", lambda changed, created: 1 / 0)
    run = start_run([str(records(tmp_path, 3))])
    process(run.pk, runs_module.DeferredTracing())  # its tracing job waits in the queue
    ids = list(Article.objects.values_list("pk", flat=True))
    with pytest.raises(ZeroDivisionError):
        trace_job(run_id=run.pk, batch=1, changed=ids, created=ids)
    run.refresh_from_db()
    assert Article.objects.count() == 3 and "tracing batch 1 failed (ZeroDivisionError" in run.error
    assert "rebuild_events" in run.error


def test_the_command_in_a_terminal_shows_a_bar_and_a_summary(tmp_path):
    """Run as a person runs it: a pseudo-terminal, so the progress bar is drawn (no test saw the crash)."""
    import pty

    path = records(tmp_path, 600)
    command = [sys.executable, "manage.py", "ingest", str(path), "--workers", "1"]
    output = bytearray()

    def read(fd):
        data = os.read(fd, 65536)
        output.extend(data)
        return data

    env = same_database_env() | {"COLUMNS": "100"}
    old = os.environ.copy()
    os.environ.update(env)
    os.chdir(settings.BASE_DIR)
    try:
        status = pty.spawn(command, read)
    finally:
        os.environ.clear()
        os.environ.update(old)
    text = output.decode("utf-8", "replace")
    assert os.waitstatus_to_exitcode(status) == 0, text
    assert "Traceback" not in text
    assert "ingest #" in text and "600/600" in text  # the bar, with its total
    assert "created 600, updated 0, unchanged 0, failed 0" in text


def test_the_command_detached_only_queues_the_run(tmp_path):
    status, _, _err = run_ingest(str(records(tmp_path, 3)), "--detach")
    assert status == 0
    run = IngestRun.objects.get()
    assert run.status == "queued" and Article.objects.count() == 0
    from procrastinate.contrib.django.models import ProcrastinateJob

    assert ProcrastinateJob.objects.filter(task_name="articles.tasks.ingest_run", args__run_id=run.pk).exists()


def test_the_demo_publisher_override_reaches_the_worker(tmp_path):
    spa = Outlet.objects.get(slug="spa")
    run = start_run([str(DEMO / "01_spa_palm_festival.txt")], overrides=Overrides(publisher=spa))
    run = process(run.pk, InlineTracing())
    assert Article.objects.get().publisher == spa and run.created == 1


def test_a_batch_that_meets_a_deadlock_is_traced_again(monkeypatch):
    from django.db import OperationalError
    from psycopg.errors import DeadlockDetected

    from articles.ingest import tracing

    calls = []

    def deadlocked_once(changed):
        calls.append(changed)
        if len(calls) == 1:
            raise OperationalError("deadlock detected") from DeadlockDetected("deadlock detected")
        return set()

    monkeypatch.setattr(tracing, "find_shared_text", deadlocked_once)
    monkeypatch.setattr(tracing, "link_upstreams", lambda ids: 0)
    monkeypatch.setattr(tracing, "assign_events", lambda changed, created: 0)
    tracing.trace([1], [1])
    assert len(calls) == 2
    monkeypatch.setattr(tracing, "find_shared_text", lambda changed: 1 / 0)
    with pytest.raises(ZeroDivisionError):  # anything else is not retried
        tracing.trace([1], [1])

"""Provenance and events traced in a second process while the ingest saves (ingest --jobs 2).

These tests commit for real (the forked tracer cannot see a test's open transaction);
serialized_rollback restores the gazetteer that the flush afterwards removes.
"""

import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import transaction

from articles.ingest import Overrides, ingest
from articles.ingest.tracing import ForkedTracer, InlineTracer, tracer
from articles.models import Article, Event, SharedText
from articles.provenance.graph import provenance_of
from sources.models import Outlet

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
DEMO = Path(settings.BASE_DIR) / "demo"


def ingest_demo(jobs: int):
    agency = ingest(
        [str(DEMO / "01_spa_palm_festival.txt")],
        overrides=Overrides(publisher=Outlet.objects.get(slug="spa")),
        jobs=jobs,
    )
    return agency, ingest([str(DEMO)], jobs=jobs)


def test_a_second_process_traces_the_chain_and_the_event_as_inline_tracing_does(monkeypatch):
    def inline(*args):
        raise AssertionError("traced inline, not in the second process")

    monkeypatch.setattr(InlineTracer, "follow", inline)
    agency, rest = ingest_demo(jobs=2)
    assert not agency.failures and not rest.failures
    copy = Article.objects.select_related("publisher").get(source_name__endswith="03_aggregator_copy.txt")
    assert [node.label for node in provenance_of(copy).chain] == ["مرآة الأخبار", "نبض الخليج", "سبق", "واس"]
    story = Article.objects.filter(source_name__regex=r"0[123]_[a-z_]+\.txt$")
    assert story.count() == 3 and len({a.event_id for a in story}) == 1 and story[0].event_id is not None
    assert SharedText.objects.exists() and Event.objects.count() == Article.objects.values("event").distinct().count()


def test_tracing_stays_inline_inside_a_transaction_and_when_one_job_is_asked():
    assert isinstance(tracer(1), InlineTracer)
    with transaction.atomic():
        assert isinstance(tracer(2), InlineTracer)
    forked = tracer(2)
    assert isinstance(forked, ForkedTracer)
    assert forked.finish() is None


def test_a_tracer_that_fails_is_reported_and_the_articles_stay_saved(monkeypatch):
    def broken(changed, created):
        raise RuntimeError("fingerprint table is missing")

    monkeypatch.setattr("articles.ingest.tracing.trace", broken)  # the forked child inherits it
    report = ingest([str(DEMO / "02_sabq_rewrite.txt")], jobs=2)
    assert report.created == 1 and Article.objects.count() == 1
    [failure] = report.failures
    assert failure.input == "provenance and events"
    assert "RuntimeError: fingerprint table is missing" in failure.reason and "rebuild_events" in failure.reason


def test_the_command_exits_1_and_says_so_when_tracing_fails(monkeypatch):
    monkeypatch.setattr("articles.ingest.tracing.trace", lambda changed, created: 1 / 0)
    err = io.StringIO()
    with pytest.raises(SystemExit) as exit:
        call_command("ingest", "--jobs", "2", str(DEMO / "02_sabq_rewrite.txt"), stdout=io.StringIO(), stderr=err)
    assert exit.value.code == 1
    assert "created 1" in err.getvalue() and "provenance and events stopped: ZeroDivisionError" in err.getvalue()


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

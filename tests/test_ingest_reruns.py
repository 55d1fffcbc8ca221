"""Re-runs never duplicate; a URL with new content keeps its earlier version; concurrency is safe."""

import threading

import pytest
from django.db import connection

from articles.models import Article, ArticleVersion, Attribution, ClaimedBy, Review
from tests.conftest import run_ingest, write

PAGE = (
    "{title}\n\nالرياض - واس\n\n"
    "أعلن المركز الوطني للأرصاد استمرار الأجواء المغبرة على عدد من المناطق حتى نهاية الأسبوع، "
    "ونصح قائدي المركبات بتوخي الحذر على الطرق السريعة.\n"
)


@pytest.mark.django_db
def test_changed_content_at_the_same_url_keeps_the_earlier_version(tmp_path):
    path = write(tmp_path, "page.txt", PAGE.format(title="غبار على الرياض حتى نهاية الأسبوع"))
    run_ingest(str(path), "--url", "https://example.org/news/1")
    article = Article.objects.get()
    Attribution.objects.create(
        article=article, kind="quoted_source", claimed_by=ClaimedBy.EDITOR, review=Review.CONFIRMED
    )
    write(tmp_path, "page.txt", PAGE.format(title="الغبار يستمر على الرياض والشرقية"))
    status, _, err = run_ingest(str(path), "--url", "https://example.org/news/1")
    assert "created 0, updated 1" in err
    article.refresh_from_db()
    assert article.title == "الغبار يستمر على الرياض والشرقية"
    [version] = ArticleVersion.objects.all()
    assert version.title == "غبار على الرياض حتى نهاية الأسبوع" and "غبار على الرياض" in version.raw
    # the editor's attribution survives; the parser's wire credit is redone, not doubled
    assert article.attributions.filter(claimed_by=ClaimedBy.EDITOR).count() == 1
    assert article.attributions.filter(kind="wire_credit").count() == 1
    # ingesting either version again changes nothing
    write(tmp_path, "page.txt", PAGE.format(title="غبار على الرياض حتى نهاية الأسبوع"))
    _status, _, err = run_ingest(str(path), "--url", "https://example.org/news/1")
    assert "created 0, updated 0, unchanged 1" in err


# serialized_rollback restores the gazetteer that the flush after a transactional test removes.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_ingests_of_the_same_input_at_once_create_no_duplicates(tmp_path):
    paths = [write(tmp_path, f"p{n}.txt", PAGE.format(title=f"نشرة الطقس رقم {n} لهذا اليوم")) for n in range(30)]
    barrier = threading.Barrier(2)
    errors = []

    def ingest():
        try:
            barrier.wait()
            run_ingest(*map(str, paths))
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=ingest) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert Article.objects.count() == 30
    assert Attribution.objects.count() == 30


@pytest.mark.django_db
def test_a_rerun_knows_records_by_their_bytes_and_reads_only_the_changed_ones(tmp_path, monkeypatch):
    import json

    from articles.ingest import reading

    records = [
        {
            "url": f"https://example.org/r/{n}",
            "title": f"خبر رقم {n} عن الأمطار",
            "text": "هطلت أمطار غزيرة على المدينة.",
        }
        for n in range(3)
    ]
    lines = [json.dumps(record, ensure_ascii=False) for record in records]
    path = write(tmp_path, "records.jsonl", "\n".join(lines) + "\n")
    run_ingest(str(path))
    assert Article.objects.count() == 3
    records[1]["title"] = "خبر معدّل عن الأمطار"
    write(tmp_path, "records.jsonl", "\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n")
    parsed = []
    original = reading.parse_record
    monkeypatch.setattr(
        reading,
        "parse_record",
        lambda draft, record, outlets: (parsed.append(record["url"]), original(draft, record, outlets))[1],
    )
    _status, _, err = run_ingest(str(path))
    assert "created 0, updated 1, unchanged 2" in err
    assert parsed == ["https://example.org/r/1"]  # the two unchanged records were never parsed
    assert Article.objects.get(url="https://example.org/r/1").title == "خبر معدّل عن الأمطار"

"""Hostile inputs to the ingest: each is reported with its name and reason, or ingested with a
note, while the good records beside it are saved; none stops the run, none costs unbounded
memory or time. One test per kind, each beside a good record.
"""

import bz2
import gzip
import io
import json
import lzma
import resource
import time
import zipfile

import pytest

from articles.models import Article, IngestRun
from sources.models import Outlet
from tests.conftest import run_ingest, write

pytestmark = pytest.mark.django_db

STORY = (
    "افتتحت وزارة النقل اليوم جسراً جديداً على الطريق الساحلي، يختصر زمن الرحلة بين المدينتين إلى نصف "
    "ساعة، ويخفف الازدحام في ساعات الذروة بحسب ما قاله الوزير في حفل الافتتاح."
)


def record(key: str, **fields) -> dict:
    return {"id": key, "title": f"خبر {key} عن الجسر الجديد", "text": STORY} | fields


def jsonl(*records) -> bytes:
    lines = [r if isinstance(r, bytes) else json.dumps(r, ensure_ascii=False).encode() for r in records]
    return b"\n".join(lines) + b"\n"


def ingest_file(tmp_path, name: str, content: bytes, *extra: str):
    write(tmp_path, name, content)
    return run_ingest(str(tmp_path / name), *extra)


def last_run() -> IngestRun:
    return IngestRun.objects.order_by("pk").last()


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# (name, file content, expected reason in the failure) for records that fail alone
FAILING_RECORDS = {
    "nested_1000_deep": (b'{"a":' * 1000 + b"1" + b"}" * 1000, "nested too deeply"),
    "truncated_json": (b'{"id": "t", "title": "\xd9\x85\xd9\x82', "invalid JSON"),
    "not_json": (b"not json at all", "invalid JSON"),
    "an_array_not_an_object": (b"[1, 2, 3]", "must be an object"),
    "no_title_no_text": (b'{"id": "e", "url": "https://example.org/1"}', "neither a title nor a text"),
    "nul_characters": (json.dumps(record("nul", text=STORY + "\\u0000x")).encode(), None),
    "invalid_utf8_record": (b'{"id": "u", "title": "\xff\xfe", "text": "x"}', "invalid JSON"),
}


@pytest.mark.parametrize("kind", list(FAILING_RECORDS))
def test_a_hostile_record_fails_alone(tmp_path, kind):
    bad, reason = FAILING_RECORDS[kind]
    status, _, err = ingest_file(tmp_path, "r.jsonl", jsonl(record("g1"), bad, record("g2")))
    if reason is None:  # cleaned instead: NUL characters are dropped from fields
        assert status == 0 and Article.objects.count() == 3, err
        return
    assert status == 1 and "r.jsonl:2" in err and reason in err, err
    assert Article.objects.count() == 2
    run = last_run()
    assert (run.status, run.created, run.failed) == ("done", 2, 1)


def test_a_disclaimer_naming_a_400_character_outlet(tmp_path):
    text = STORY + "\n\nنقلاً عن موقع " + "ب" * 400
    status, _, err = ingest_file(tmp_path, "r.jsonl", jsonl(record("g1"), record("long", text=text)))
    assert status == 0, err
    assert Article.objects.count() == 2 and not Outlet.objects.filter(name_ar__startswith="ببب").exists()


def test_a_record_with_a_10000_character_byline_is_cut_with_a_note(tmp_path):
    status, _, err = ingest_file(tmp_path, "r.jsonl", jsonl(record("b", byline="كاتب " * 2000)))
    assert status == 0 and "byline cut to 500 characters" in err, err
    assert len(Article.objects.get().byline) == 500


def test_a_3000_character_token_does_not_reject_the_article(tmp_path):
    status, _, err = ingest_file(tmp_path, "r.jsonl", jsonl(record("t", text=STORY + " " + "ج" * 3000)))
    assert status == 0 and Article.objects.count() == 1, err


def test_a_javascript_url_is_dropped_with_a_note(tmp_path):
    status, _, err = ingest_file(tmp_path, "r.jsonl", jsonl(record("x", url="javascript:alert(1)//")))
    assert status == 0 and "URL ignored" in err and Article.objects.get().url is None


@pytest.mark.parametrize("url", ["data:text/html,<script>x</script>", "vbscript:x", "http://", "//evil.example/x"])
def test_other_urls_that_are_not_web_addresses_are_dropped(tmp_path, url):
    status, _, err = ingest_file(tmp_path, "r.jsonl", jsonl(record("x", url=url)))
    assert status == 0 and Article.objects.get().url is None, err


def test_a_list_of_urls_keeps_the_first_web_address(tmp_path):
    urls = ["javascript:x", "https://a.example/news/1", "https://b.example/news/2"]
    status, _, err = ingest_file(tmp_path, "r.jsonl", jsonl(record("l", url=urls)))
    assert status == 0 and Article.objects.get().url == "https://a.example/news/1"
    assert "lists 3 URLs" in err


def test_a_61_kb_url_costs_no_quadratic_time(tmp_path):
    url = "https://" + "a." * 30_000 + "x"
    started = time.monotonic()
    status, _, _err = ingest_file(tmp_path, "r.jsonl", jsonl(record("q", url=url, source_domain="a." * 30_000)))
    assert time.monotonic() - started < 10 and status == 0
    assert Article.objects.get().url is None  # longer than any URL column


def test_a_far_future_date_is_left_unknown_with_a_note(tmp_path):
    status, _, err = ingest_file(tmp_path, "r.jsonl", jsonl(record("f", date="9999-12-31")))
    assert status == 0 and "in the future" in err
    assert Article.objects.get().published_at is None


def test_dates_that_are_not_dates(tmp_path):
    lines = [record(f"d{n}", date=value) for n, value in enumerate(["0000-00-00", "2023-02-30", "-1", "x" * 500])]
    status, _, err = ingest_file(tmp_path, "r.jsonl", jsonl(*lines))
    assert status == 0 and Article.objects.filter(published_at__isnull=True).count() == 4, err


def test_fields_of_other_types_are_read_as_text(tmp_path):
    odd = record("o", title=12345, byline={"name": "محرر"}, category=["أخبار", None, 3], url=7)
    status, _, err = ingest_file(tmp_path, "r.jsonl", jsonl(odd))
    assert status == 0, err
    article = Article.objects.get()
    assert article.title == "12345" and article.byline == "محرر" and article.url is None


def test_the_same_record_twice_in_one_file_is_one_article(tmp_path):
    status, _, err = ingest_file(tmp_path, "r.jsonl", jsonl(record("same"), record("same")))
    assert status == 0 and Article.objects.count() == 1 and "unchanged 1" in err, err


def test_a_record_line_over_5_mb_is_skipped_without_reading_it_whole(tmp_path):
    huge = b'{"id": "h", "title": "x", "text": "' + b"a" * (40 * 1024 * 1024) + b'"}'
    before = peak_rss_mb()
    status, _, err = ingest_file(tmp_path, "r.jsonl.gz", gzip.compress(jsonl(record("g"), huge, record("g2")), 1))
    assert status == 1 and "r.jsonl.gz:2" in err and "larger than the 5 MB limit" in err, err
    assert Article.objects.count() == 2
    assert peak_rss_mb() - before < 60  # a line is never held whole


def test_a_compressed_file_of_newlines_stops_at_the_unpacked_limit(tmp_path, monkeypatch):
    from articles.ingest import inputs

    monkeypatch.setattr(inputs, "MAX_INPUT_BYTES", 64 * 1024 * 1024)
    data = lzma.compress(jsonl(record("g")) + b"\n" * (200 * 1024 * 1024), preset=9)
    assert len(data) < 100_000
    started = time.monotonic()
    status, _, err = ingest_file(tmp_path, "bomb.jsonl.xz", data)
    assert time.monotonic() - started < 30
    assert status == 1 and "unpacks to more than 64 MB" in err and Article.objects.count() == 1, err


def test_a_zip_member_that_unpacks_to_hundreds_of_mb(tmp_path, monkeypatch):
    from articles.ingest import inputs

    monkeypatch.setattr(inputs, "MAX_INPUT_BYTES", 32 * 1024 * 1024)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("big.jsonl", jsonl(record("z")) + b" " * (100 * 1024 * 1024))
        archive.writestr("good.txt", f"عنوان الخبر\n\n{STORY}\n")
    before = peak_rss_mb()
    status, _, err = ingest_file(tmp_path, "pages.zip", buffer.getvalue())
    assert status == 1 and "big.jsonl" in err and "larger than the 32 MB limit" in err, err
    assert Article.objects.count() == 1 and peak_rss_mb() - before < 100


def test_a_zip_with_a_corrupt_member(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("a.txt", f"عنوان أول\n\n{STORY}\n")
        archive.writestr("b.txt", f"عنوان ثان\n\n{STORY} وأضاف الوزير أن العمل بدأ.\n")
    data = bytearray(buffer.getvalue())
    start = data.find("عنوان ثان".encode())
    data[start : start + 4] = b"XXXX"  # the member's bytes no longer match its CRC
    status, _, err = ingest_file(tmp_path, "pages.zip", bytes(data))
    assert status == 1 and "pages.zip:b.txt" in err and "Bad CRC" in err, err
    assert Article.objects.count() == 1


def test_a_zip_with_an_encrypted_member(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("plain.txt", f"عنوان\n\n{STORY}\n")
        info = zipfile.ZipInfo("secret.txt")
        info.flag_bits |= 0x1  # says it is encrypted
        archive.writestr(info, b"garbage")
    status, _, err = ingest_file(tmp_path, "pages.zip", buffer.getvalue())
    assert status == 1 and "secret.txt" in err and Article.objects.count() == 1, err


def test_a_zip_that_is_not_a_zip(tmp_path):
    status, _, err = ingest_file(tmp_path, "pages.zip", b"PK\x03\x04 this is not really a zip")
    assert status == 1 and "not a readable zip archive" in err


@pytest.mark.parametrize(
    "name,compress", [("a.jsonl.gz", gzip.compress), ("a.jsonl.bz2", lambda d: bz2.compress(d, 1))]
)
def test_a_truncated_compressed_file_keeps_what_was_read(tmp_path, name, compress):
    data = compress(jsonl(*(record(f"c{n}", text=f"{STORY} رقم {n}") for n in range(1500))))
    status, _, err = ingest_file(tmp_path, name, data[: len(data) * 2 // 3])
    assert status == 1 and name in err and "cannot be read" in err, err
    assert 500 < Article.objects.count() < 1500


def test_two_million_failing_lines_keep_a_thousand_reasons(tmp_path, monkeypatch):
    status, _, err = ingest_file(tmp_path, "junk.jsonl.gz", gzip.compress(b"x\n" * 200_000 + jsonl(record("g"))))
    assert status == 1 and Article.objects.count() == 1
    run = last_run()
    assert run.failed == 200_000 and len(run.failures) == 1000
    assert "… and 199950 more failures" in err and err.count("failed:") == 50


def test_utf8_with_one_stray_byte_is_read_as_utf8(tmp_path):
    page = f"عنوان الخبر عن الجسر\n\n{STORY}\n".encode()
    broken = page[:40] + b"\xff" + page[40:]
    status, _, err = ingest_file(tmp_path, "page.txt", broken)
    assert status == 0, err
    article = Article.objects.get()
    assert article.raw_encoding == "utf-8 (repaired)" and "الجسر" in article.title
    assert "invalid UTF-8 bytes replaced" in err


def test_a_symbolic_link_inside_a_directory_is_not_followed(tmp_path):
    outside = write(tmp_path, "private/secret.txt", f"سر\n\n{STORY}\n")
    folder = tmp_path / "batch"
    write(folder, "good.txt", f"عنوان الخبر الذي يُدخل\n\n{STORY} وأضاف.\n")
    (folder / "link.txt").symlink_to(outside)
    (folder / "linked_dir").symlink_to(outside.parent, target_is_directory=True)
    status, _, err = run_ingest(str(folder))
    assert status == 1 and "link.txt: a symbolic link: not followed" in err and "linked_dir" in err, err
    assert Article.objects.count() == 1 and Article.objects.get().title == "عنوان الخبر الذي يُدخل"


def test_a_pasted_page_and_the_same_page_uploaded_are_one_article(tmp_path):
    from articles.ingest import ingest

    page = f"عنوان الصفحة\n\n{STORY}\n"
    ingest([str(write(tmp_path, "page.txt", page))])
    pasted = page.replace("\n", "\r\n").rstrip()  # what a browser's text box sends
    report = ingest([str(write(tmp_path, "pasted.txt", pasted))])
    assert (report.created, report.unchanged) == (0, 1) and Article.objects.count() == 1


def test_a_control_character_flood_is_binary_not_text(tmp_path):
    status, _, err = ingest_file(tmp_path, "page.txt", b"\x01\x02\x03\x04 " * 5000)
    assert status == 1 and "binary data" in err


def test_a_json_array_file_too_large_to_parse_whole(tmp_path, monkeypatch):
    from articles.ingest import inputs

    monkeypatch.setattr(inputs, "MAX_JSON_BYTES", 1000)
    status, _, err = ingest_file(tmp_path, "all.json", json.dumps([record(f"a{n}") for n in range(20)]).encode())
    assert status == 1 and "use JSON Lines" in err


def test_a_database_that_is_down_gets_a_clear_message_not_a_traceback(tmp_path):
    import os
    import subprocess
    import sys

    from django.conf import settings

    env = {**os.environ, "DATABASE_URL": "postgres://nobody@127.0.0.1:1/none", "DJANGO_DEBUG": "1"}
    result = subprocess.run(
        [sys.executable, "manage.py", "ingest", str(write(tmp_path, "p.txt", f"عنوان\n\n{STORY}\n"))],
        cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "cannot reach the database" in result.stderr

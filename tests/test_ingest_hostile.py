"""Bad input gets a clear error naming it, leaves nothing half-saved, and the rest is ingested."""

import io
import json
import zipfile

import pytest

from articles.models import Article, Attribution
from tests.conftest import run_ingest, write

pytestmark = pytest.mark.django_db

GOOD = (
    "افتتاح جسر جديد على الطريق الساحلي\n\n"
    "افتتحت وزارة النقل اليوم جسراً جديداً على الطريق الساحلي، يختصر زمن الرحلة بين المدينتين إلى نصف ساعة، "
    "ويخفف الازدحام في ساعات الذروة.\n"
)


def good_record(number):
    return json.dumps({"id": f"g{number}", "title": f"خبر رقم {number}", "text": GOOD}, ensure_ascii=False)


@pytest.fixture
def batch(tmp_path):
    """A directory of hostile inputs with good ones among them."""
    write(tmp_path, "a_good.txt", GOOD)
    write(tmp_path, "empty.txt", b"")
    write(tmp_path, "blank.txt", "  \n\t\n   ")
    write(tmp_path, "binary.txt", bytes(range(256)) * 64)
    write(tmp_path, "huge.txt", ("سطر طويل جداً " * 7 + "\n").encode() * 500_000)  # about 50 MB
    write(tmp_path, "one_line.txt", ("كلمة " * 2_100_000).encode())  # a 10 MB single line
    write(tmp_path, "latin1.txt", "Caf\xe9 cr\xe8me br\xfbl\xe9e, na\xefve r\xe9sum\xe9\n".encode("latin-1"))
    lines = [good_record(1), '{"id": "t", "title": "مقطوع', "not json at all", good_record(2), good_record(3)]
    write(tmp_path, "records.jsonl", "\n".join(lines) + "\n")
    script = "<script>alert('x')</script>" * 2000
    write(tmp_path, "scripts.html", f"<html><head>{script}</head><body>{script}</body></html>")
    story = GOOD.split("\n\n", 1)[1]
    write(tmp_path, "bidi.txt", "\u202eعنوان\u200b مقلوب\u202c\n\n" + story.replace("جسراً", "جس\u200dراً\u2066"))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("../../escape.txt", GOOD)
        archive.writestr("inside.txt", GOOD.replace("اليوم", "أمس"))
    write(tmp_path, "pages.zip", buffer.getvalue())
    return tmp_path


def test_a_hostile_batch(batch):
    status, _, err = run_ingest(str(batch))
    assert status == 1
    expected_failures = {
        "empty.txt": "empty input",
        "blank.txt": "only whitespace",
        "binary.txt": "binary data",
        "huge.txt": "larger than the 5 MB limit",
        "one_line.txt": "larger than the 5 MB limit",
        "latin1.txt": "not valid UTF-8",
        "records.jsonl:2": "invalid JSON",
        "records.jsonl:3": "invalid JSON",
        "scripts.html": "no article text",
        "escape.txt": "unsafe path",
    }
    failure_lines = [line for line in err.splitlines() if "failed:" in line]
    for name, reason in expected_failures.items():
        assert any(name in line and reason in line for line in failure_lines), (name, err)
    assert len(failure_lines) == len(expected_failures)
    # a_good.txt, bidi.txt, 3 good records, inside.txt
    assert Article.objects.count() == 6
    assert "created 6, updated 0, unchanged 0, failed 10" in err


def test_invisible_characters_are_kept_raw_but_not_in_clean_text(batch):
    run_ingest(str(batch / "bidi.txt"))
    article = Article.objects.get()
    assert article.title == "عنوان مقلوب"
    assert "\u200d" not in article.body and "\u2066" not in article.body
    assert "\u202e" in article.raw


def test_a_failed_record_leaves_nothing_behind(tmp_path, monkeypatch):
    from articles.ingest import saving

    original = saving._attributions

    def explode_on_second(article, draft):
        if "رقم 2" in draft.title:
            raise saving.DatabaseError("simulated failure while saving attributions")
        return original(article, draft)

    monkeypatch.setattr(saving, "_attributions", explode_on_second)
    record = json.loads(good_record(2))
    record["text"] = GOOD + '\n* نقلا عن "الحياة" اللندنية'
    path = write(tmp_path, "r.jsonl", "\n".join([good_record(1), json.dumps(record, ensure_ascii=False)]))
    status, _, err = run_ingest(str(path))
    assert status == 1 and "simulated failure" in err
    assert list(Article.objects.values_list("title", flat=True)) == ["خبر رقم 1"]
    assert not Attribution.objects.exists()


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "cp1256"])
def test_arabic_encodings(tmp_path, encoding):
    path = write(tmp_path, f"{encoding}.txt", GOOD.encode(encoding))
    status, _, _err = run_ingest(str(path))
    assert status == 0
    article = Article.objects.get()
    assert article.title == "افتتاح جسر جديد على الطريق الساحلي"
    assert article.raw_encoding.replace("_", "-").startswith(encoding.split("-sig")[0][:5]) or encoding == "cp1256"


def test_compressed_inputs_and_stdin(tmp_path, monkeypatch):
    import gzip
    import lzma
    import sys

    write(tmp_path, "a.jsonl.gz", gzip.compress((good_record(1) + "\n").encode()))
    write(tmp_path, "b.jsonl.xz", lzma.compress((good_record(2) + "\n").encode()))
    status, _, err = run_ingest(str(tmp_path))
    assert status == 0 and "created 2" in err
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(GOOD.replace("اليوم", "صباحاً").encode())))
    status, _, err = run_ingest("-")
    assert status == 0 and "created 1" in err


def test_a_truncated_compressed_file(tmp_path):
    import lzma

    data = lzma.compress(("\n".join(good_record(n) for n in range(200)) + "\n").encode())
    write(tmp_path, "cut.jsonl.xz", data[: len(data) // 2])
    status, _, err = run_ingest(str(tmp_path / "cut.jsonl.xz"))
    assert status == 1 and "cut.jsonl.xz" in err and "cannot be read" in err


def test_usage_errors_exit_with_2(tmp_path):
    status, _, err = run_ingest(str(tmp_path), "--outlet", "صحيفة لا وجود لها")
    assert status == 2
    status, _, _err = run_ingest(str(tmp_path), "--published", "yesterday-ish")
    assert status == 2

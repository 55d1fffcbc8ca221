"""A large admin ingest through gunicorn in production mode, with a worker beside it, as an editor
would run it: 4,000 records (about 14 MB) uploaded, previewed, confirmed and followed to the end.
Every request returns at once (the work is the worker's), and the run ends with exact counts; it
once ended in a worker timeout after 32 s with 3,500 articles saved and a run saying 0."""

import http.client
import json
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.conf import settings

from articles.models import Article, IngestRun
from newsroom.database_url import same_database_env

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
ROOT = Path(settings.BASE_DIR)
PARAGRAPH = (
    "قالت مصادر في الميناء إن السفن بدأت تفريغ حمولاتها بعد توقف دام ثلاثة أيام بسبب سوء الأحوال الجوية، "
    "وإن الحركة ستعود إلى طبيعتها خلال الأسبوع المقبل وفق ما أعلنته إدارة الميناء في بيان رسمي صدر اليوم. "
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Browser:
    """Just enough of a browser over http.client: cookies kept by hand (production marks them
    Secure, which a cookie jar would not send over this plain-http loopback), CSRF token sent."""

    def __init__(self, port: int):
        self.port, self.cookies = port, {}

    def request(self, method: str, path: str, body: bytes | None = None, headers: dict | None = None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        headers = {"Host": "127.0.0.1", **(headers or {})}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        started = time.monotonic()
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        data = response.read()
        elapsed = time.monotonic() - started
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, rest = value.split("=", 1)
                self.cookies[name] = rest.split(";", 1)[0]
        return response.status, dict(response.getheaders()), data.decode("utf-8", "replace"), elapsed

    def form(self, path: str, fields: dict, files: dict | None = None):
        token = self.cookies["csrftoken"]
        boundary = uuid.uuid4().hex
        parts = []
        for name, value in {**fields, "csrfmiddlewaretoken": token}.items():
            for item in value if isinstance(value, list) else [value]:
                parts.append(
                    f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{item}\r\n'.encode()
                )
        for name, (filename, content) in (files or {}).items():
            head = f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
            parts.append(head.encode() + b"Content-Type: application/octet-stream\r\n\r\n" + content + b"\r\n")
        body = b"".join(parts) + f"--{boundary}--\r\n".encode()
        headers = {
            "Content-Type": f"multipart/form-data; boundary={boundary}",
            "Referer": f"http://127.0.0.1:{self.port}{path}",
        }
        return self.request("POST", path, body, headers)


def wait(condition, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.5)


@pytest.fixture
def production(django_user_model, tmp_path):
    password = secrets.token_urlsafe(16)
    django_user_model.objects.create_superuser("desk", "desk@example.invalid", password)
    env = same_database_env() | {
        "DJANGO_DEBUG": "0", "DJANGO_SECRET_KEY": secrets.token_urlsafe(60), "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
    }  # fmt: skip
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"], cwd=ROOT, env=env, check=True)
    port = free_port()
    with (tmp_path / "gunicorn.log").open("w") as log:
        gunicorn = subprocess.Popen(
            [str(Path(sys.executable).parent / "gunicorn"), "newsroom.wsgi", "-w", "2", "-b", f"127.0.0.1:{port}"],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=log,
        )  # fmt: skip
    worker = subprocess.Popen([sys.executable, "manage.py", "worker", "--quiet"], cwd=ROOT, env=env,
                              stdin=subprocess.DEVNULL)  # fmt: skip
    browser = Browser(port)
    wait(lambda: _up(browser), 30)
    yield browser, password
    for process in (gunicorn, worker):
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=60)
    log = (tmp_path / "gunicorn.log").read_text()
    assert "WORKER TIMEOUT" not in log and "Internal Server Error" not in log, log[-3000:]


def _up(browser: Browser) -> bool:
    try:
        return browser.request("GET", "/admin/login/")[0] == 200
    except OSError:
        return False


def test_a_4000_record_upload_through_gunicorn_completes_with_exact_counts(production):
    browser, password = production
    records = [
        json.dumps({"id": f"p{n}", "title": f"استئناف الملاحة في الميناء: النشرة {n}", "text": (PARAGRAPH * 9) + f"({n})"},
                   ensure_ascii=False)
        for n in range(4000)
    ]  # fmt: skip
    data = ("\n".join(records) + "\n").encode()
    assert 13_000_000 < len(data) < 50_000_000
    status, _, _, _ = browser.form("/admin/login/?next=/admin/", {"username": "desk", "password": password})
    assert status == 302
    browser.request("GET", "/admin/articles/ingestrun/ingest/")
    status, headers, _, elapsed = browser.form(
        "/admin/articles/ingestrun/ingest/", {}, {"files": ("ports.jsonl", data)}
    )
    assert status == 302 and elapsed < 20, (status, elapsed)
    preview = headers["Location"]
    run_id = int(re.search(r"/(\d+)/preview/", preview).group(1))
    status_url = f"/admin/articles/ingestrun/{run_id}/status/"
    wait(lambda: json.loads(browser.request("GET", status_url)[2])["preview_ready"], 300)
    status, _, html, elapsed = browser.request("GET", preview)
    assert status == 200 and "4٬000 مقال" in html and elapsed < 10
    status, headers, _, elapsed = browser.form(preview, {"confirm": "1", "page": "1", "selected": []})
    assert status == 302 and elapsed < 10
    selected_none_on_page_one = 50  # the first page was posted with nothing ticked: deselected
    wait(lambda: (s := json.loads(browser.request("GET", status_url)[2]))["finished"] and s["traced"], 600)
    run = IngestRun.objects.get(pk=run_id)
    assert (run.status, run.processed, run.failed) == ("done", 4000, 0)
    assert (
        run.created == 4000 - selected_none_on_page_one
        and Article.objects.filter(ingest_run=run).count() == run.created
    )
    assert run.batches == run.traced and not Article.objects.filter(ingest_run=run, event__isnull=True).exists()
    status, _, html, _ = browser.request("GET", f"/admin/articles/ingestrun/{run_id}/change/")
    assert status == 200 and "المقالات التي حفظها" in html

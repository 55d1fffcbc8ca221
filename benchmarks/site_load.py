"""Load benchmark: the public pages served by gunicorn in production mode, measured with wrk.

    make bench-site        (or: .venv/bin/python -m benchmarks.site_load)

On the corpus database (benchmarks/corpus_db.py), with static files collected (WhiteNoise,
compressed and hashed), gunicorn runs on loopback with DJANGO_DEBUG=0 and 2 workers per core.
wrk (2 threads, 16 connections, 15 s each) requests the home page, an article page, a search and
a provenance page; it prints requests per second, p50 and p99 latency, and the errors (socket
errors and non-2xx answers). Target: zero errors.
"""

from __future__ import annotations

import os
import re
import secrets
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PORT = 8765
DURATION = "15s"


def main() -> int:
    from benchmarks.corpus_db import CORPUS, corpus_database, django_env

    if not CORPUS.exists():
        print(f"skipped: {CORPUS} is absent (the corpus lives in ../shared/corpus)")
        return 0
    subprocess.run(["bash", "scripts/install-wrk"], cwd=ROOT, check=True)
    env = django_env(corpus_database()) | {
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(60), "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "0",  # plain http on loopback; behind TLS in real use
    }  # fmt: skip
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"], env=env, cwd=ROOT, check=True)
    article, provenance = _sample_ids(env)
    workers = str(2 * (os.cpu_count() or 1))
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "newsroom.wsgi", "-w", workers, "-b", f"127.0.0.1:{PORT}",
         "--access-logfile", "/dev/null"],
        env=env, cwd=ROOT,
    )  # fmt: skip
    try:
        _wait_for(f"http://127.0.0.1:{PORT}/")
        print(f"gunicorn, {workers} workers; wrk 2 threads, 16 connections, {DURATION} per page")
        pages = {"home": "/", "article": f"/articles/{article}/", "search": "/search/?q=%D8%A7%D9%84%D9%86%D9%81%D8%B7",
                 "provenance": f"/articles/{provenance}/provenance/"}  # fmt: skip
        for name, path in pages.items():
            _wrk(name, f"http://127.0.0.1:{PORT}{path}")
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    return 0


def _sample_ids(env: dict) -> tuple[int, int]:
    """An article, and the article with the most copies (the heaviest provenance page)."""
    code = (
        "from articles.models import Article, SharedText\n"
        "from django.db.models import Count\n"
        "a = Article.objects.public().order_by('-published_at').values_list('pk', flat=True).first()\n"
        "p = SharedText.objects.values('first').annotate(n=Count('pk')).order_by('-n').values_list('first', flat=True).first()\n"
        "print(a, p or a)\n"
    )
    out = subprocess.run([sys.executable, "manage.py", "shell", "-c", code], env=env, cwd=ROOT, capture_output=True,
                         text=True, check=True).stdout.split()  # fmt: skip
    return int(out[-2]), int(out[-1])


def _wait_for(url: str) -> None:
    for _ in range(60):
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"gunicorn did not answer on {url}")


def _wrk(name: str, url: str) -> None:
    result = subprocess.run(["wrk", "-t2", "-c16", f"-d{DURATION}", "--latency", url], capture_output=True, text=True)
    out = result.stdout
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    p50 = re.search(r"50%\s+([\d.]+\w+)", out)
    p99 = re.search(r"99%\s+([\d.]+\w+)", out)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    errors = int(non2xx.group(1)) if non2xx else 0
    errors += sum(int(n) for n in socket.groups()) if socket else 0
    print(f"{name:11} {float(rps.group(1)) if rps else 0:8.1f} req/s  p50 {p50.group(1) if p50 else '?':>8}  "
          f"p99 {p99.group(1) if p99 else '?':>8}  errors {errors}")  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())

"""Benchmark: ingest the whole corpus into an empty database, then again (all unchanged).

    make bench-ingest        (or: .venv/bin/python -m benchmarks.ingest_corpus [CORPUS])

Runs against a throwaway database `isnad_bench` on the local cluster (or BENCH_DATABASE_URL),
timing each run with /usr/bin/time -v when it is installed, and prints articles per second
and the ingest process's peak memory.
"""

import os
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

from newsroom import localdb

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "arabic-news-75k.jsonl.xz"
BENCH_DB = "isnad_bench"


def database_url() -> str:
    if os.environ.get("BENCH_DATABASE_URL"):
        return os.environ["BENCH_DATABASE_URL"]
    localdb.start()
    localdb._psql(f"DROP DATABASE IF EXISTS {BENCH_DB}")
    localdb._psql(f"CREATE DATABASE {BENCH_DB} TEMPLATE template0 ENCODING 'UTF8'")
    return f"postgres://{localdb.DB_USER}@/{BENCH_DB}?host={localdb.socket_dir()}"


def timed(cmd: list[str], env: dict) -> tuple[float, float, str]:
    """(seconds, peak RSS in MB, stderr) of one command."""
    wrapper = ["/usr/bin/time", "-v"] if Path("/usr/bin/time").exists() else []
    started = time.perf_counter()
    result = subprocess.run(wrapper + cmd, env=env, capture_output=True, text=True, cwd=ROOT)
    seconds = time.perf_counter() - started
    match = re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr)
    peak = int(match.group(1)) / 1024 if match else resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return seconds, peak, result.stderr


def main() -> int:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else CORPUS
    if not corpus.exists():
        print(f"skipped: {corpus} is absent (the corpus lives in ../shared/corpus)")
        return 0
    env = {**os.environ, "DATABASE_URL": database_url(), "DJANGO_DEBUG": "0", "DJANGO_SECRET_KEY": "b" * 50,
           "DJANGO_ALLOWED_HOSTS": "localhost"}  # fmt: skip
    python = sys.executable
    subprocess.run([python, "manage.py", "migrate", "--no-input", "-v0"], env=env, check=True, cwd=ROOT)
    for label in ("first run (empty archive)", "second run (all unchanged)"):
        seconds, peak, stderr = timed([python, "manage.py", "ingest", str(corpus)], env)
        summary = next((line for line in stderr.splitlines() if line.startswith("created")), "no summary")
        counts = [int(n) for n in re.findall(r"\d+", summary)]
        total = sum(counts) or 1
        print(f"{label}: {summary}")
        print(f"  {seconds:.1f} s wall, {total / seconds:.0f} articles/s, peak memory {peak:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Benchmark: ingest the whole corpus into an empty database, then again (all unchanged).

    make bench-ingest        (or: .venv/bin/python -m benchmarks.ingest_corpus [CORPUS])

Runs against a throwaway database `isnad_bench` on the local cluster (or BENCH_DATABASE_URL),
timing each run with /usr/bin/time -v when it is installed, and prints articles per second
and peak memory; then the events the ingest made, scored against the labelled events
(evaluation/events.py, as `make eval-events` scores those of a rebuild). The command stages the
corpus as an ingest run and starts its own workers (2 on this corpus, with two cores: one saves
batches while the other traces them); pass extra arguments after the corpus path to override,
e.g. `-m benchmarks.ingest_corpus CORPUS --workers 1`. Memory is summed over the command and its
workers.
"""

import contextlib
import json
import os
import re
import resource
import subprocess
import sys
import threading
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


def timed(cmd: list[str], env: dict) -> tuple[float, float, float, str]:
    """(seconds, peak RSS of the largest process, peak RSS of the process tree, in MB; stderr).

    `ingest --jobs 2` runs two processes; /usr/bin/time reports the larger one's peak, so the
    tree's total is sampled from /proc every 0.2 s as well.
    """
    wrapper = ["/usr/bin/time", "-v"] if Path("/usr/bin/time").exists() else []
    started = time.perf_counter()
    process = subprocess.Popen(
        wrapper + cmd, env=env, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, cwd=ROOT
    )
    tree_peak = [0.0]
    sampler = threading.Thread(target=_sample_tree, args=(process, tree_peak), daemon=True)
    sampler.start()
    stderr = process.communicate()[1]
    seconds = time.perf_counter() - started
    match = re.search(r"Maximum resident set size \(kbytes\): (\d+)", stderr)
    peak = int(match.group(1)) / 1024 if match else resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return seconds, peak, max(tree_peak[0], peak), stderr


def _sample_tree(process: subprocess.Popen, peak: list[float]) -> None:
    while process.poll() is None:
        peak[0] = max(peak[0], sum(_rss_mb(pid) for pid in _tree(process.pid)))
        time.sleep(0.2)


def _tree(pid: int) -> list[int]:
    found = [pid]
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        with contextlib.suppress(OSError):
            found += [p for child in task.read_text().split() for p in _tree(int(child))]
    return found


def _rss_mb(pid: int) -> float:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0
    match = re.search(r"VmRSS:\s+(\d+) kB", status)
    return int(match.group(1)) / 1024 if match else 0.0


def main() -> int:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else CORPUS
    extra = sys.argv[2:]
    if not corpus.exists():
        print(f"skipped: {corpus} is absent (the corpus lives in ../shared/corpus)")
        return 0
    env = {**os.environ, "DATABASE_URL": database_url(), "DJANGO_DEBUG": "0", "DJANGO_SECRET_KEY": "b" * 50,
           "DJANGO_ALLOWED_HOSTS": "localhost"}  # fmt: skip
    python = sys.executable
    subprocess.run([python, "manage.py", "migrate", "--no-input", "-v0"], env=env, check=True, cwd=ROOT)
    for label in ("first run (empty archive)", "second run (all unchanged)"):
        seconds, peak, tree, stderr = timed([python, "manage.py", "ingest", str(corpus), *extra], env)
        summary = next((line for line in stderr.splitlines() if line.startswith("created")), "no summary")
        counts = [int(n) for n in re.findall(r"\d+", summary)]
        total = sum(counts) or 1
        print(f"{label}: {summary}")
        print(
            f"  {seconds:.1f} s wall, {total / seconds:.0f} articles/s, "
            f"peak memory {peak:.0f} MB (largest process), {tree:.0f} MB (all processes)"
        )
    scored = subprocess.run(
        [python, "-m", "evaluation.events", "--as-ingested"], env=env, cwd=ROOT, capture_output=True, text=True
    )
    if scored.returncode == 0:
        for labels, s in json.loads(scored.stdout).items():
            print(
                f"events as the ingest grouped them, {labels} ({s['labels']}): pairwise P {s['pairwise_precision']:.3f} "
                f"R {s['pairwise_recall']:.3f}, B-cubed P {s['bcubed_precision']:.3f} R {s['bcubed_recall']:.3f}"
            )
    else:
        print(f"events not scored: {(scored.stderr.strip().splitlines() or ['no output'])[-1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Inputs kept with their run: what the user named is copied into the database before any worker
reads it, so a worker on any machine can process the run, and a run resumes after a crash.

Directories are walked here (hidden files skipped, symbolic links reported and never followed);
each file is one staged input, written and read back a chunk at a time.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from articles.ingest.inputs import BadInput, walk
from articles.models import IngestChunk, IngestInput, IngestRun

CHUNK_BYTES = 8 * 1024 * 1024


def stage(run: IngestRun, paths: list[str], stdin=None) -> list[tuple[str, str]]:
    """Copy every file below `paths` into the run; [(name, reason)] for what cannot be read."""
    problems, number = [], run.staged.count()
    for found in walk(paths):
        if isinstance(found, BadInput):
            problems.append((found.name, found.reason))
            continue
        name, path = found
        try:
            if path is None:
                stage_stream(run, number, name, stdin or sys.stdin.buffer)
            else:
                with path.open("rb") as stream:
                    stage_stream(run, number, name, stream)
            number += 1
        except OSError as error:
            problems.append((name, f"cannot be read ({error.strerror or error})"))
    return problems


def stage_stream(run: IngestRun, number: int, name: str, stream) -> IngestInput:
    staged = IngestInput.objects.create(run=run, number=number, name=name[:1000])
    size, part = 0, 0
    while data := stream.read(CHUNK_BYTES):
        IngestChunk.objects.create(input=staged, number=part, data=data)
        size, part = size + len(data), part + 1
    staged.size = size
    staged.save(update_fields=["size"])
    return staged


@contextmanager
def materialized(staged: IngestInput) -> Iterator[Path]:
    """The staged file written back to a private temporary folder, under its own base name (its
    suffix tells its format), for the time of the block."""
    folder = Path(tempfile.mkdtemp(prefix="isnad-ingest-"))
    base = Path(staged.name).name if staged.name != "-" else "stdin"
    path = folder / (base or "input")
    try:
        with path.open("wb") as out:
            for number in range(staged.chunks.count()):
                out.write(bytes(IngestChunk.objects.get(input=staged, number=number).data))
        yield path
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def discard(run: IngestRun) -> None:
    """Drop a run's staged files (its articles keep their raw input)."""
    IngestChunk.objects.filter(input__run=run).delete()

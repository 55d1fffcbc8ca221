"""Turn what the user named (files, directories, zips, compressed files, stdin) into inputs.

Every limit holds before memory is spent: a page is read up to its limit, JSON Lines are read a
bounded line at a time, and a compressed file or an archive member stops being read once it has
unpacked more than MAX_INPUT_BYTES (a small file of zeros can unpack to many gigabytes).
"""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import os
import re
import sys
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from articles.ingest.decoding import InputError

FORMATS = {
    ".txt": "txt",
    ".text": "txt",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
}
COMPRESSED = {".gz": gzip.open, ".xz": lzma.open, ".bz2": bz2.open}
MB = 1024 * 1024
MAX_PAGE_BYTES = 5 * MB  # one scraped page; JSON Lines files are streamed instead
MAX_LINE_BYTES = 5 * MB  # one JSON record
# A JSON array is parsed whole, and Python holds it in about ten times its size: past this, JSON Lines.
MAX_JSON_BYTES = 64 * MB
# What one input may unpack to (a compressed file, an archive member): the whole corpus is 256 MB.
MAX_INPUT_BYTES = int(os.environ.get("ISNAD_MAX_INPUT_BYTES", 2048 * MB))
CHUNK = MB
NOT_BLANK = re.compile(rb"\S")


@dataclass
class Input:
    name: str
    format: str  # txt, html, jsonl or json
    open: Callable[[], io.BufferedIOBase]

    def read_page(self) -> bytes:
        with self.open() as stream:
            data = stream.read(MAX_PAGE_BYTES + 1)
        if len(data) > MAX_PAGE_BYTES:
            raise InputError(f"larger than the {MAX_PAGE_BYTES // MB} MB limit for one page")
        return data

    def read_json(self) -> bytes:
        with self.open() as stream:
            data = stream.read(MAX_JSON_BYTES + 1)
        if len(data) > MAX_JSON_BYTES:
            raise InputError(f"JSON file larger than {MAX_JSON_BYTES // MB} MB: use JSON Lines (one record a line)")
        return data

    def lines(self) -> Iterator[tuple[int, bytes | None]]:
        """(line number, bytes) of every line that is not blank; None for a line over the limit."""
        with self.open() as stream:
            yield from bounded_lines(stream)


@dataclass
class BadInput:
    name: str
    reason: str


def bounded_lines(stream, limit: int = MAX_LINE_BYTES) -> Iterator[tuple[int, bytes | None]]:
    """Lines read a chunk at a time, so a line of gigabytes never sits in memory: past `limit`
    it is skipped (yielded as None) up to its end. Blank lines are skipped at the speed of a scan."""
    number, pending, overlong = 0, b"", False
    while chunk := stream.read(CHUNK):
        start = 0
        if pending or overlong:
            end = chunk.find(b"\n")
            if end < 0:
                pending, overlong = _grow(pending, chunk, overlong, limit)
                continue
            number += 1
            line, pending = pending + chunk[:end], b""
            if overlong or len(line) > limit:
                yield number, None
            elif line.strip():
                yield number, line
            overlong, start = False, end + 1
        tail = max(start, chunk.rfind(b"\n") + 1)
        counted = start
        while match := NOT_BLANK.search(chunk, start, tail):
            line_start = chunk.rfind(b"\n", start, match.start()) + 1 or start
            line_end = chunk.find(b"\n", match.start(), tail)
            number += chunk.count(b"\n", counted, line_start) + 1
            yield number, (chunk[line_start:line_end] if line_end - line_start <= limit else None)
            start = counted = line_end + 1
        number += chunk.count(b"\n", counted, tail)
        pending, overlong = _grow(b"", chunk[tail:], False, limit)
    if pending.strip() or overlong:
        yield number + 1, None if overlong else pending


def _grow(pending: bytes, more: bytes, overlong: bool, limit: int) -> tuple[bytes, bool]:
    """A line still without its end: kept while under the limit, then only remembered as too long."""
    if overlong or len(pending) + len(more) > limit:
        return b"", True
    return pending + more, False


class Capped:
    """A stream that refuses to give more than `limit` bytes (decompression bombs stop there), and
    that gives what it read before an error first (a truncated file keeps its good start)."""

    PIECE = 64 * 1024

    def __init__(self, stream, limit: int | None = None):
        self.stream, self.limit, self.given = stream, limit or MAX_INPUT_BYTES, 0
        self.error: BaseException | None = None

    def read(self, size: int = -1) -> bytes:
        if self.error is not None:
            raise self.error
        want = self.limit + 1 - self.given if size is None or size < 0 else min(size, self.limit + 1 - self.given)
        pieces, got = [], 0
        try:
            while got < want:
                piece = self.stream.read(min(self.PIECE, want - got))
                if not piece:
                    break
                pieces.append(piece)
                got += len(piece)
        except (OSError, EOFError, lzma.LZMAError, zipfile.BadZipFile, zlib.error) as error:
            if not pieces:
                raise
            self.error = error
        data = b"".join(pieces)
        self.given += len(data)
        if self.given > self.limit:
            raise InputError(f"unpacks to more than {self.limit // MB} MB (the limit for one input)")
        return data

    def close(self) -> None:
        self.stream.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def expand(paths: list[str], fmt: str = "auto", stdin=None) -> Iterator[Input | BadInput]:
    """Every input below the given paths, in a stable order; unreadable ones as BadInput."""
    for found in walk(paths):
        if isinstance(found, BadInput):
            yield found
        elif found[1] is None:
            data = (stdin or sys.stdin.buffer).read()
            yield Input("-", fmt if fmt != "auto" else sniff(data[:2048]), lambda data=data: io.BytesIO(data))
        else:
            yield from file_inputs(found[1], fmt, found[0])


def walk(paths: list[str]) -> Iterator[tuple[str, Path | None] | BadInput]:
    """(name, path) of every file named or below a directory named, in a stable order; None for
    stdin (-). What cannot be read is a BadInput."""
    for raw in paths:
        path = Path(raw)
        if raw == "-":
            yield "-", None
        elif path.is_symlink() and path.is_dir():
            yield BadInput(raw, "a symbolic link to a directory: not followed (name the directory itself)")
        elif path.is_dir():
            yield from _directory(path)
        elif path.is_file():
            yield raw, path
        else:
            yield BadInput(raw, "no such file or directory")


def _directory(root: Path) -> Iterator[tuple[str, Path] | BadInput]:
    """Files below a directory, sorted, hidden ones skipped. A link can lead out of the tree the
    user named, to a file they never meant to publish: links are reported, never followed."""
    found = []
    for folder, subfolders, files in os.walk(root):
        here = Path(folder)
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]
        found += [here / name for name in subfolders if (here / name).is_symlink()]
        found += [here / name for name in files if not name.startswith(".")]
    for path in sorted(found):
        if path.is_symlink():
            yield BadInput(str(path), "a symbolic link: not followed (name the file itself to ingest it)")
        elif path.is_file():
            yield str(path), path


def file_inputs(path: Path, fmt: str, name: str | None = None) -> Iterator[Input | BadInput]:
    """The inputs of one file: itself, or the members of a zip archive. `name` is what the user
    knows the file as (a staged file is read back from elsewhere)."""
    name = name or str(path)
    suffix = Path(name).suffix.lower()
    if suffix == ".zip":
        yield from _zip(path, fmt, name)
    elif suffix in COMPRESSED:
        inner = Path(Path(name).stem).suffix.lower()
        opener = COMPRESSED[suffix]
        yield _input(name, inner, fmt, lambda: Capped(opener(path, "rb")))
    else:
        yield _input(name, suffix, fmt, lambda: path.open("rb"))


def _zip(path: Path, fmt: str, label: str) -> Iterator[Input | BadInput]:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        yield BadInput(label, f"not a readable zip archive ({error})")
        return
    for member in archive.infolist():
        name = f"{label}:{member.filename}"
        parts = PurePosixPath(member.filename.replace("\\", "/")).parts
        if member.is_dir() or any(part.startswith(".") and part not in ("..",) for part in parts):
            continue
        if member.filename.startswith(("/", "\\")) or ".." in parts or ":" in member.filename:
            yield BadInput(name, "unsafe path in the zip archive (absolute or '..'); not read")
            continue
        if member.file_size > MAX_INPUT_BYTES:
            yield BadInput(
                name, f"member of {member.file_size // MB} MB is larger than the {MAX_INPUT_BYTES // MB} MB limit"
            )
            continue
        suffix = PurePosixPath(member.filename).suffix.lower()
        yield _input(name, suffix, fmt, lambda member=member: Capped(archive.open(member)))


def _input(name: str, suffix: str, fmt: str, opener) -> Input | BadInput:
    if fmt != "auto":
        return Input(name, "jsonl" if fmt == "jsonl" and suffix != ".json" else fmt, opener)
    if suffix in FORMATS:
        return Input(name, FORMATS[suffix], opener)
    try:
        with opener() as stream:
            head = stream.read(2048)
    except (OSError, EOFError, InputError, zipfile.BadZipFile, lzma.LZMAError) as error:
        return BadInput(name, f"cannot be read ({error})")
    return Input(name, sniff(head), opener)


def sniff(head: bytes) -> str:
    """The format of an input without a telling extension, from its first bytes."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith(b"{"):
        return "jsonl"
    if start.startswith(b"["):
        return "json"
    if start.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<meta", b"<!--")):
        return "html"
    return "txt"

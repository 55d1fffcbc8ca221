"""Turn what the user named (files, directories, zips, compressed files, stdin) into inputs."""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import sys
import zipfile
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
MAX_PAGE_BYTES = 5 * 1024 * 1024  # one scraped page; JSON Lines files are streamed instead
MAX_JSON_BYTES = 200 * 1024 * 1024
MAX_MEMBER_BYTES = 500 * 1024 * 1024


@dataclass
class Input:
    name: str
    format: str  # txt, html, jsonl or json
    open: Callable[[], io.BufferedIOBase]

    def read_page(self) -> bytes:
        with self.open() as stream:
            data = stream.read(MAX_PAGE_BYTES + 1)
        if len(data) > MAX_PAGE_BYTES:
            raise InputError(f"larger than the {MAX_PAGE_BYTES // 1024 // 1024} MB limit for one page")
        return data


@dataclass
class BadInput:
    name: str
    reason: str


def expand(paths: list[str], fmt: str = "auto", stdin=None) -> Iterator[Input | BadInput]:
    """Every input below the given paths, in a stable order; unreadable ones as BadInput."""
    for raw_path in paths:
        if raw_path == "-":
            data = (stdin or sys.stdin.buffer).read()
            yield Input("-", fmt if fmt != "auto" else sniff(data[:2048]), lambda data=data: io.BytesIO(data))
            continue
        path = Path(raw_path)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file() and not _hidden(p, path)):
                yield from _file(child, fmt)
        elif path.is_file():
            yield from _file(path, fmt)
        else:
            yield BadInput(raw_path, "no such file or directory")


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def _file(path: Path, fmt: str) -> Iterator[Input | BadInput]:
    suffix = path.suffix.lower()
    if suffix == ".zip":
        yield from _zip(path, fmt)
    elif suffix in COMPRESSED:
        inner = Path(path.stem).suffix.lower()
        opener = COMPRESSED[suffix]
        yield _input(str(path), inner, fmt, lambda: opener(path, "rb"))
    else:
        yield _input(str(path), suffix, fmt, lambda: path.open("rb"))


def _zip(path: Path, fmt: str) -> Iterator[Input | BadInput]:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as error:
        yield BadInput(str(path), f"not a readable zip archive ({error})")
        return
    for member in archive.infolist():
        name = f"{path}:{member.filename}"
        parts = PurePosixPath(member.filename.replace("\\", "/")).parts
        if member.is_dir() or any(part.startswith(".") and part not in ("..",) for part in parts):
            continue
        if member.filename.startswith(("/", "\\")) or ".." in parts or ":" in member.filename:
            yield BadInput(name, "unsafe path in the zip archive (absolute or '..'); not read")
            continue
        if member.file_size > MAX_MEMBER_BYTES:
            yield BadInput(name, f"member of {member.file_size // 1024 // 1024} MB is too large")
            continue
        suffix = PurePosixPath(member.filename).suffix.lower()
        yield _input(name, suffix, fmt, lambda member=member: archive.open(member))


def _input(name: str, suffix: str, fmt: str, opener) -> Input | BadInput:
    if fmt != "auto":
        return Input(name, "jsonl" if fmt == "jsonl" and suffix != ".json" else fmt, opener)
    if suffix in FORMATS:
        return Input(name, FORMATS[suffix], opener)
    try:
        with opener() as stream:
            head = stream.read(2048)
    except OSError as error:
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

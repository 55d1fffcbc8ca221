"""Bytes to text: UTF-8 (with or without BOM), UTF-16, Windows-1256. Never mojibake."""

from __future__ import annotations

import codecs
import re

from articles.arabic import strip_invisible


class InputError(Exception):
    """An input that cannot be ingested; the message is shown to the user with its name."""


ARABIC = re.compile("[\u0600-\u06ff]")
REPAIRED = "utf-8 (repaired)"
# Control characters other than tab and newlines: a binary file, not text.
CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")


def decode(data: bytes) -> tuple[str, str]:
    """The text and the encoding it was in; raises InputError for binary or undecodable input."""
    if not data.strip():
        raise InputError("empty input" if not data else "input holds only whitespace")
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return _checked(data.decode(encoding, errors="strict"), encoding)
    try:
        return _checked(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    repaired = _mostly_utf8(data)
    if repaired is not None:
        return _checked(repaired, REPAIRED)
    if data.count(b"\x00") > len(data) // 4 and len(data) % 2 == 0:
        for encoding in ("utf-16-le", "utf-16-be"):
            try:
                return _checked(data.decode(encoding), encoding)
            except (UnicodeDecodeError, InputError):
                continue
    if b"\x00" in data:
        raise InputError("binary data, not text")
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError:
        raise InputError("not valid UTF-8, UTF-16 or Windows-1256 text") from None
    if not ARABIC.search(text):
        raise InputError("not valid UTF-8, and no Arabic text in it as Windows-1256")
    return _checked(text, "windows-1256")


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 text with a few stray bytes (a page cut mid-character, one bad byte from a scraper)
    read as UTF-8 with those bytes replaced: read as Windows-1256 instead, all of it would be
    mojibake. A few means at most one byte in a thousand."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    if bad <= max(3, len(data) // 1000) and ARABIC.search(text):
        return text
    return None


def _checked(text: str, encoding: str) -> tuple[str, str]:
    sample = text[:20000]
    if len(CONTROL.findall(sample)) > max(3, len(sample) // 200):
        raise InputError("binary data, not text")
    if not strip_invisible(text).strip():
        raise InputError("input holds only whitespace or invisible characters")
    return text, encoding

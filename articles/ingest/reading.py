"""Read inputs into drafts, one item at a time: a draft, or the failure of that one input or record.

Every exception raised while reading one record or one archive member is that item's failure,
never the run's: a hostile record (nested a thousand deep, a corrupt member, a field longer than
its column) is reported with its name, line and reason while the rest is read. Only a lost
database connection stops the reading, since then nothing could be saved anyway.

Each item has a position, (staged input, member, line), in the order a run reads them: a run
interrupted after a batch resumes with the items past the batch's last position.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from django.db import InterfaceError, OperationalError
from django.utils import timezone

from articles.ingest.dates import parse_timestamp
from articles.ingest.decoding import InputError, decode
from articles.ingest.draft import Draft
from articles.ingest.html import parse_html
from articles.ingest.inputs import BadInput, Input
from articles.ingest.outlets import RunOutlets
from articles.ingest.page import parse_page
from articles.ingest.records import dumps, load_record, parse_record
from articles.ingest.source_url import clean_url

Position = tuple[int, int, int]  # (staged input, member of that input, line)
# Far-future dates would put an article first on every page sorted by date.
FUTURE_MARGIN = timezone.timedelta(days=2)


@dataclass
class Failure:
    input: str
    reason: str
    line: int | None = None

    def __str__(self):
        where = f"{self.input}:{self.line}" if self.line else self.input
        return f"{where}: {self.reason}"

    def as_json(self) -> dict:
        return {"input": self.input, "line": self.line, "reason": self.reason}


@dataclass
class Overrides:
    """What the user says about inputs that do not say it themselves."""

    publisher: object = None  # an Outlet
    url: str | None = None
    published: str | None = None


@dataclass
class Item:
    position: Position
    draft: Draft | None = None
    failure: Failure | None = None
    notes: list[str] = field(default_factory=list)
    unchanged: bool = False  # a record whose very bytes the archive holds: not read again


# Records are looked up by the hash of their bytes this many at a time: a re-run of an unchanged
# corpus then parses nothing (reading a record's notes is most of what a record costs).
LOOKAHEAD = 500


def read_items(
    sources: Iterable[tuple[int, int, Input | BadInput]],
    outlets: RunOutlets,
    overrides: Overrides,
    after: Position | None = None,
    skip: frozenset[Position] = frozenset(),
    known: Callable[[list[str]], set[str]] | None = None,
) -> Iterator[Item]:
    """Items of every input, in order, from past `after`; those in `skip` (deselected by an
    editor) are passed over unread, as empty items. With `known` (which of these content hashes
    the archive holds), a record whose bytes are known is an unchanged item, not parsed: the same
    bytes make the same article (its identity comes from them), unless a URL is imposed."""
    if overrides.url:
        known = None
    for number, member, source in sources:
        if after and (number, member) < tuple(after[:2]):
            continue
        skip_to = after[2] if after and (number, member) == tuple(after[:2]) else -1
        if isinstance(source, BadInput):
            if skip_to < 0:
                yield Item((number, member, 0), failure=Failure(source.name, source.reason))
            continue
        if source.format in ("jsonl", "json"):
            yield from _records(source, (number, member), outlets, overrides, skip_to, skip, known)
        elif (number, member, 0) in skip:
            yield Item((number, member, 0))
        elif skip_to < 0:
            yield _isolated(source, (number, member, 0), lambda source=source: _page_draft(source, outlets, overrides))


def _isolated(source: Input, position: Position, read) -> Item:
    """Read one item; whatever goes wrong is that item's failure, with its reason."""
    line = position[2] or None
    try:
        draft = read()
    except (OperationalError, InterfaceError):
        raise  # the database is gone: the run stops and resumes from its last batch
    except InputError as error:
        return Item(position, failure=Failure(source.name, str(error), line))
    except RecursionError:
        return Item(position, failure=Failure(source.name, "nested too deeply to be read", line))
    except Exception as error:
        reason = f"cannot be read ({type(error).__name__}: {str(error)[:200]})"
        return Item(position, failure=Failure(source.name, reason, line))
    return Item(position, draft=draft, notes=draft.notes)


def _records(
    source: Input, where: tuple[int, int], outlets, overrides, skip_to: int, skip, known=None
) -> Iterator[Item]:
    try:
        lines = list(_json_records(source)) if source.format == "json" else source.lines()
        for number, line, seen in _with_known(lines, known):
            if number <= skip_to:
                continue
            position = (*where, number)
            if position in skip:
                yield Item(position)
            elif seen:
                yield Item(position, unchanged=True)
            elif line is None:
                yield Item(position, failure=Failure(source.name, "record larger than the 5 MB limit", number))
            else:
                yield _isolated(
                    source,
                    position,
                    lambda line=line, number=number: _record_draft(source, number, line, outlets, overrides),
                )
    except (OperationalError, InterfaceError):
        raise
    except Exception as error:
        if isinstance(error, InputError):
            reason = str(error)
        else:
            reason = f"cannot be read ({type(error).__name__}: {str(error)[:200]})"
        yield Item((*where, 10**9), failure=Failure(source.name, reason))


def _with_known(lines, known) -> Iterator[tuple[int, bytes | None, bool]]:
    """(number, line, whether the archive holds its bytes), looked up LOOKAHEAD lines at a time."""
    chunk = []
    try:
        for number, line in lines:
            chunk.append((number, line))
            if len(chunk) >= LOOKAHEAD:
                yield from _looked_up(chunk, known)
                chunk = []
    except Exception:
        yield from _looked_up(chunk, known)  # what was read before the input broke is still saved
        raise
    yield from _looked_up(chunk, known)


def _looked_up(chunk, known) -> Iterator[tuple[int, bytes | None, bool]]:
    hashes = {number: record_hash(line) for number, line in chunk if line is not None} if known else {}
    found = known(sorted(set(hashes.values()))) if hashes else set()
    for number, line in chunk:
        yield number, line, hashes.get(number) in found


def record_hash(line: bytes) -> str:
    """The content hash a record's draft gets (_record_draft)."""
    return hashlib.sha256(_record_bytes(line)).hexdigest()


def _record_bytes(line: bytes) -> bytes:
    return line.removeprefix(b"\xef\xbb\xbf").rstrip(b"\r\n")


def _json_records(source: Input) -> Iterator[tuple[int, bytes]]:
    """A .json array or object: its records as line 1, 2, … (a file that is JSON Lines after all is read as such)."""
    text, _ = decode(source.read_json())
    stripped = text.lstrip()
    if stripped.startswith("["):
        try:
            records = json.loads(stripped)
        except json.JSONDecodeError as error:
            raise InputError(f"invalid JSON: {error}") from None
        for index, record in enumerate(records if isinstance(records, list) else [records], start=1):
            yield index, dumps(record).encode()
    elif stripped.startswith("{") and "\n{" in stripped:
        for number, line in enumerate(text.encode().splitlines(), start=1):
            if line.strip():
                yield number, line
    else:
        yield 1, stripped.encode()


def _record_draft(source: Input, number: int, line: bytes, outlets, overrides: Overrides) -> Draft:
    line = _record_bytes(line)
    record = load_record(line)
    draft = _new_draft(source.name, line.decode("utf-8"), "json", "utf-8", line, overrides)
    draft.source_name = f"{source.name}:{number}"[:500]
    parse_record(draft, record, outlets)
    draft.identity = draft.identity or f"sha256:{draft.content_hash}"
    return _finish(draft, outlets, overrides)


def _page_draft(source: Input, outlets: RunOutlets, overrides: Overrides) -> Draft:
    data = source.read_page()
    text, encoding = decode(data)
    draft = _new_draft(source.name, text, source.format, encoding, data, overrides)
    if encoding.endswith("(repaired)"):
        draft.notes.append("invalid UTF-8 bytes replaced with U+FFFD")
    if source.format == "html":
        parse_html(draft, outlets)
    else:
        parse_page(draft, outlets)
    _check_url(draft)
    # A page is the same article whether uploaded or pasted (a browser sends CRLF and trims the end).
    draft.identity = draft.url or f"text:{text_identity(text)}"
    draft.identity_is_content = draft.url is None
    return _finish(draft, outlets, overrides)


def text_identity(text: str) -> str:
    lines = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n")).split("\n")
    return hashlib.sha256("\n".join(line.rstrip() for line in lines).strip().encode()).hexdigest()


def _new_draft(name, text, fmt, encoding, data: bytes, overrides: Overrides) -> Draft:
    return Draft(
        source_name=name[:500],
        raw=text,
        raw_format=fmt,
        raw_encoding=encoding,
        content_hash=hashlib.sha256(data).hexdigest(),
        source_text=text,
        url=overrides.url,
    )


def _finish(draft: Draft, outlets: RunOutlets, overrides: Overrides) -> Draft:
    if overrides.published:
        dated = parse_timestamp(overrides.published)
        if dated:
            draft.published_at, draft.date_precision = dated
    if draft.published_at and draft.published_at > timezone.now() + FUTURE_MARGIN:
        draft.notes.append(f"publication date {draft.published_at:%Y-%m-%d} is in the future: left unknown")
        draft.published_at, draft.date_precision = None, "unknown"
    _check_url(draft)
    outlets.settle_publisher(draft)
    outlets.resolve_attributions(draft)
    if not draft.body.strip() and not draft.title.strip():
        raise InputError("no article text found")
    if "\x00" in draft.raw:
        raise InputError("contains NUL characters, which no text column can hold")
    draft.title = draft.title[:1000] or draft.body[:120]
    draft.fit_fields()
    return draft


def _check_url(draft: Draft) -> None:
    if draft.url is None:
        return
    url = clean_url(draft.url)
    if url is None:
        draft.notes.append(f"URL ignored, not an http(s) address: {draft.url[:100]!r}")
    draft.url = url

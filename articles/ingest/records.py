"""JSON records to drafts: the corpus schema and the output of common crawlers.

Field names differ by tool; each list below is tried in order:
corpus (../shared/corpus/README.md), news-please (maintext, date_publish, source_domain),
trafilatura's JSON (text, date, hostname, sitename, author) and schema.org-like exports.
"""

from __future__ import annotations

import html
import json

from articles.arabic import strip_invisible
from articles.ingest.credits import parse_credit
from articles.ingest.dates import date_in_url, parse_timestamp
from articles.ingest.decoding import InputError
from articles.ingest.draft import Draft
from articles.ingest.lines import Line, split_lines
from articles.ingest.page import parse_page
from articles.ingest.source_url import clean_url

FIELDS = {
    "title": ("title", "headline", "name"),
    "text": ("text", "maintext", "content", "body", "articleBody", "article_body", "raw_text"),
    "byline": ("byline", "dateline", "author", "authors", "creator"),
    "url": ("url", "link", "canonical_url", "source_url", "canonical"),
    "published": ("date_publish", "published", "publish_date", "datePublished", "pubdate", "date"),
    "crawled": ("date_download", "crawled_at", "crawl_time"),
    "domain": ("outlet_domain", "source_domain", "hostname", "source-hostname", "domain"),
    "outlet": ("sitename", "outlet", "source", "publisher"),
    "section": ("category", "categories", "section"),
    "id": ("id", "docno", "guid"),
}
MAX_RECORD_BYTES = 5 * 1024 * 1024


def field_value(record: dict, name: str) -> str:
    for key in FIELDS[name]:
        value = record.get(key)
        if isinstance(value, list):
            value = "، ".join(str(v) for v in value if v)
        if isinstance(value, dict):
            value = value.get("name") or ""
        if value not in (None, ""):
            # Some exports end texts with a C string terminator; no text column can hold it.
            # Scrapers leave HTML entities in fields («&nbsp;واس (جدة)», «خالد خليل &ndash; سبق»).
            return strip_invisible(html.unescape(str(value)).replace("\x00", "")).strip()
    return ""


def load_record(line: bytes) -> dict:
    if len(line) > MAX_RECORD_BYTES:
        raise InputError(f"record of {len(line) // 1024 // 1024} MB is larger than the 5 MB limit")
    try:
        record = json.loads(line)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InputError(f"invalid JSON: {error}") from None
    except RecursionError:
        raise InputError("invalid JSON: nested too deeply") from None
    if not isinstance(record, dict):
        raise InputError("a JSON record must be an object")
    return record


def parse_record(draft: Draft, record: dict, names) -> None:
    """Fill a draft whose raw text is one JSON record."""
    title, byline, text = field_value(record, "title"), field_value(record, "byline"), field_value(record, "text")
    if not text and not title:
        raise InputError("record has neither a title nor a text field")
    draft.source_text = f"{title}\n\n{byline}\n\n{text}"
    draft.title = " ".join(title.split())
    _url(draft, record)
    draft.external_id = field_value(record, "id")[:500]
    draft.section = field_value(record, "section")[:200]
    draft.publisher_domain = field_value(record, "domain")
    draft.publisher_hint = draft.publisher_hint or field_value(record, "outlet")
    corpus = record.get("corpus") or ""
    draft.identity = draft.url or (f"record:{corpus}:{draft.external_id}" if draft.external_id else "")
    _dates(draft, record)
    names.settle_publisher(draft)
    if byline:
        _byline(draft, byline, len(title) + 2, names)
    body_start = len(title) + len(byline) + 4
    parse_page(draft, names, lines=split_lines(text, offset=body_start), header_allowed=False)


def _url(draft: Draft, record: dict) -> None:
    """The record's URL (the first of a list) if it is a web address; a note when it is not."""
    for key in FIELDS["url"]:
        value = record.get(key)
        candidates = value if isinstance(value, list) else [value]
        written = [str(v).strip() for v in candidates if isinstance(v, str | int | float) and str(v).strip()]
        if not written:
            continue
        draft.url = next((url for url in map(clean_url, written) if url), None)
        if draft.url is None:
            draft.notes.append(f"URL ignored, not an http(s) address: {written[0][:100]!r}")
        if len(written) > 1:
            draft.notes.append(f"the record lists {len(written)} URLs; the first web address is kept")
        return
    draft.url = None


def _dates(draft: Draft, record: dict) -> None:
    published = field_value(record, "published")
    crawl_only = record.get("date_kind") == "crawl_time"
    if published and crawl_only:
        dated = parse_timestamp(published)
        draft.crawled_at = dated[0] if dated else None
    elif published:
        dated = parse_timestamp(published)
        if dated:
            draft.published_at, draft.date_precision = dated
    crawled = field_value(record, "crawled")
    if crawled and not draft.crawled_at:
        dated = parse_timestamp(crawled)
        draft.crawled_at = dated[0] if dated else None
    if not draft.published_at and draft.url:
        dated = date_in_url(draft.url)
        if dated:
            draft.published_at, draft.date_precision = dated


def _byline(draft: Draft, byline: str, offset: int, names) -> None:
    line = Line(byline, offset)
    credit = parse_credit(line.text, line.start, names, draft.publisher)
    draft.byline = " ".join(byline.split())  # cut to its column, with a note, by Draft.fit_fields
    draft.dateline = credit.dateline[:300]
    if credit.self_names and draft.publisher is None:
        draft.publisher_hint = credit.self_names[0]
        names.settle_publisher(draft)
    for attribution in credit.attributions:
        draft.add(attribution)


def dumps(record: dict) -> str:
    return json.dumps(record, ensure_ascii=False)

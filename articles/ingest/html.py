"""HTML pages: trafilatura finds the main text and metadata, then the page-text rules apply."""

from __future__ import annotations

import trafilatura

from articles.ingest.dates import parse_timestamp
from articles.ingest.decoding import InputError
from articles.ingest.draft import Draft
from articles.ingest.lines import split_lines
from articles.ingest.page import parse_page

# htmldate without its extensive search reads metadata and the URL only: reliable signals.
DATE_PARAMS = {"extensive_search": False, "original_date": True}


def parse_html(draft: Draft, names) -> None:
    document = trafilatura.bare_extraction(
        draft.raw,
        url=draft.url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params=DATE_PARAMS,
    )
    document = document.as_dict() if document is not None else None
    if not document or not (document.get("text") or "").strip():
        raise InputError("no article text found in the HTML page")
    title = " ".join((document.get("title") or "").split())
    text = document["text"]
    draft.source_text = f"{title}\n\n{text}"
    draft.title = title
    draft.url = draft.url or document.get("url") or None
    draft.publisher_domain = draft.publisher_domain or document.get("hostname") or ""
    draft.publisher_hint = draft.publisher_hint or document.get("sitename") or ""
    if document.get("author"):
        draft.byline = document["author"][:500]
    if document.get("categories"):
        draft.section = str(document["categories"])[:200]
    if document.get("date") and not draft.published_at:
        dated = parse_timestamp(document["date"])
        if dated:
            draft.published_at, draft.date_precision = dated
    parse_page(draft, names, lines=split_lines(text, offset=len(title) + 2))

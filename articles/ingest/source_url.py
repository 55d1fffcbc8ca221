"""The address an article was published at, as a link a reader can safely follow."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

MAX_URL = 2000  # Article.url's length
UNSAFE = re.compile(r"[\s\x00-\x1f\x7f<>\"'`\\]")


def clean_url(value: str | None) -> str | None:
    """The URL if it is an http(s) address with a host, else None: a scraped record can hold
    anything in its URL field («javascript:…» would run in a reader's browser when followed)."""
    value = (value or "").strip()
    if not value or len(value) > MAX_URL or UNSAFE.search(value):
        return None
    try:
        parts = urlsplit(value)
        host = parts.hostname
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not host or "." not in host.strip("."):
        return None
    return value

"""The address an article was published at, as a link a reader can safely follow."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from articles.arabic import INVISIBLE

MAX_URL = 2000  # Article.url's length
UNSAFE = re.compile(r"[\s\x00-\x1f\x7f<>\"'`\\]")
# Query parameters that say how a reader arrived, never which article it is.
TRACKING = re.compile(r"^(?:utm_\w*|fbclid|gclid|dclid|yclid|msclkid|mc_cid|mc_eid|_ga|ref|ref_src|igshid)$", re.I)
# A static page's address: a bare flag after it («…html?weekly», an edition) is not part of its identity.
STATIC_PAGE = re.compile(r"\.s?html?$", re.I)
# Bare flags that name an edition or a rendering of one article, after any address («node/623351?live»).
EDITIONS = {"weekly", "live", "amp", "print", "mobile"}


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
    return canonical_url(value)


def canonical_url(value: str) -> str:
    """One address for one article: without marks a reader cannot see, without tracking parameters
    (utm_…, fbclid), and for a static page without bare flags (…html?weekly is …html). Everything
    else, which may identify the article (…/Detail.aspx?ArticleId=27017, news.php?123, a «#!/…»
    route), is kept as written. The invisible marks (articles.arabic.INVISIBLE), copied along with
    an Arabic headline into a slug, made two addresses of one page (…بجربة‎--/141/64498)."""
    value = INVISIBLE.sub("", value)
    try:
        parts = urlsplit(value)
    except ValueError:
        return value
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    static = bool(STATIC_PAGE.search(parts.path))
    kept = [(k, v) for k, v in pairs if not TRACKING.match(k) and not _edition_flag(parts.query, k, v, static)]
    query = parts.query if len(kept) == len(pairs) else urlencode(kept, doseq=True)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query, parts.fragment))


def _edition_flag(query: str, key: str, value: str, static: bool) -> bool:
    """A bare flag («weekly», not «weekly=»): dropped after a static page, or when it names an edition."""
    bare = value == "" and "=" not in _raw(query, key)
    return bare and (static or key.lower() in EDITIONS)


def _raw(query: str, key: str) -> str:
    """The query item as written for `key` («weekly» or «weekly=»)."""
    return next((item for item in query.split("&") if item.split("=", 1)[0] == key), key)

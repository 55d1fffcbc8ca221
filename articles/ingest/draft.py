"""What a parser extracts from one input, before outlets are resolved and anything is saved."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from articles.models import AttributionKind, DatePrecision


@dataclass
class FoundAttribution:
    kind: AttributionKind
    name: str  # the outlet name exactly as written ("" for unnamed agencies: «وكالات»)
    evidence: str
    start: int  # offsets of the evidence in Draft.source_text
    end: int
    confidence: float = 0.9
    # An unknown name may become a placeholder outlet only where the text says it is an outlet.
    may_create_outlet: bool = False
    outlet: object = None  # sources.Outlet once resolved
    unnamed: bool = False  # «وكالات»: agencies credited without a name


@dataclass
class Draft:
    """One parsed article."""

    source_name: str
    raw: str
    raw_format: str
    raw_encoding: str
    content_hash: str
    source_text: str
    title: str = ""
    body: str = ""
    byline: str = ""
    dateline: str = ""
    section: str = ""
    captions: list[str] = field(default_factory=list)
    url: str | None = None
    external_id: str = ""
    published_at: datetime | None = None
    date_precision: str = DatePrecision.UNKNOWN
    crawled_at: datetime | None = None
    attributions: list[FoundAttribution] = field(default_factory=list)
    # Publisher evidence, strongest first: explicit (--outlet, record field), domain, page chrome.
    publisher_hint: str = ""
    publisher_domain: str = ""
    publisher: object = None  # sources.Outlet once resolved
    identity: str = ""  # what makes this input the same article on a re-run
    saved_as: int | None = None  # the article's id once saved

    def add(self, attribution: FoundAttribution) -> None:
        """Keep one attribution per kind, name and span."""
        key = (attribution.kind, attribution.name, attribution.start, attribution.end)
        for seen in self.attributions:
            if (seen.kind, seen.name, seen.start, seen.end) == key:
                return
        self.attributions.append(attribution)

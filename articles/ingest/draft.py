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
    # The identity is the text itself (a page without a URL): the same identity is the same content.
    identity_is_content: bool = False
    saved_as: int | None = None  # the article's id once saved
    notes: list[str] = field(default_factory=list)  # what was done to the input that the user should know

    def fit_fields(self) -> None:
        """Cut every field to its column's length, with a note: a scraped byline of 10,000
        characters loses its end, not the whole article."""
        from articles.models import Article, Attribution

        for name in ("byline", "dateline", "section", "external_id", "source_name"):
            limit = Article._meta.get_field(name).max_length
            value = getattr(self, name)
            if len(value) > limit:
                setattr(self, name, value[: limit - 1] + "…")
                self.notes.append(f"{name} cut to {limit} characters")
        limit = Attribution._meta.get_field("name_as_written").max_length
        for attribution in self.attributions:
            if len(attribution.name) > limit:
                attribution.name = attribution.name[: limit - 1] + "…"
                self.notes.append(f"a cited name cut to {limit} characters")

    def add(self, attribution: FoundAttribution) -> None:
        """Keep one attribution per kind, name and span."""
        key = (attribution.kind, attribution.name, attribution.start, attribution.end)
        for seen in self.attributions:
            if (seen.kind, seen.name, seen.start, seen.end) == key:
                return
        self.attributions.append(attribution)

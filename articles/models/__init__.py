from articles.models.article import Article, ArticleVersion, DatePrecision, RawFormat, Visibility
from articles.models.attribution import Attribution, AttributionKind, ClaimedBy, Review
from articles.models.event import Event
from articles.models.event_posting import EventPosting
from articles.models.event_term import EventTerm
from articles.models.fingerprint import Fingerprint
from articles.models.ingest_run import IngestChunk, IngestInput, IngestRun, PreviewItem
from articles.models.search_term import SearchTerm
from articles.models.shared_text import SharedText
from articles.models.spelling import SpellingPair, SpellingStatus

__all__ = [
    "Article",
    "ArticleVersion",
    "Attribution",
    "AttributionKind",
    "ClaimedBy",
    "DatePrecision",
    "Event",
    "EventPosting",
    "EventTerm",
    "Fingerprint",
    "IngestChunk",
    "IngestInput",
    "IngestRun",
    "PreviewItem",
    "RawFormat",
    "Review",
    "SearchTerm",
    "SharedText",
    "SpellingPair",
    "SpellingStatus",
    "Visibility",
]

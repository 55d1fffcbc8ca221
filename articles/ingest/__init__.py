"""Ingest: scraped pages, HTML and JSON records become articles, outlets and attributions."""

from articles.ingest.reading import Failure, Overrides
from articles.ingest.service import IngestReport, ingest, start_run

__all__ = ["Failure", "IngestReport", "Overrides", "ingest", "start_run"]

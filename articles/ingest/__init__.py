"""Ingest: scraped pages, HTML and JSON records become articles, outlets and attributions."""

from articles.ingest.service import Failure, IngestReport, Overrides, ingest

__all__ = ["Failure", "IngestReport", "Overrides", "ingest"]

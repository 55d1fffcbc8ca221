"""The editors' admin: articles and their attributions, events, ingest runs, shared text."""

from articles.admin import articles, attributions, events, ingest, shared_text  # noqa: F401 - registers them

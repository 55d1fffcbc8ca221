"""A run read without being saved, so an editor sees what confirming it will do.

Each article becomes a PreviewItem saying whether it is new, already in the archive unchanged, or
would replace the current version of an article (kept as an earlier version); what cannot be
ingested is listed with its reason. The run also counts the placeholder outlets it would create.
Nothing is written but the preview: no article, no outlet.
"""

from __future__ import annotations

from django.db import transaction

from articles.ingest.outlets import RunOutlets
from articles.ingest.preview import draft_json
from articles.ingest.reading import read_items
from articles.ingest.runs import overrides_of, sources_of
from articles.ingest.saving import is_unchanged, known, source_key
from articles.models import IngestRun, PreviewItem

CHUNK = 500


def build(run_id: int) -> IngestRun:
    run = IngestRun.objects.get(pk=run_id)
    overrides = overrides_of(run)
    outlets = RunOutlets(dry_run=True, default_publisher=overrides.publisher)
    placeholders: set[str] = set()
    PreviewItem.objects.filter(run=run).delete()
    chunk, counts = [], dict.fromkeys(PreviewItem.Outcome.values, 0)
    for item in read_items(sources_of(run), outlets, overrides):
        chunk.append(item)
        if len(chunk) >= CHUNK:
            _save(run, chunk, counts, placeholders)
            chunk = []
    _save(run, chunk, counts, placeholders)
    run.options = {**run.options, "preview": {**counts, "placeholders": sorted(placeholders)}}
    run.total = sum(counts.values())
    if run.options.get("url") and counts["new"] + counts["replaces"] + counts["unchanged"] > 1:
        # A URL names one article: applied to several, each would replace the one before.
        run.options["url"] = None
        run.options["preview"]["url_refused"] = True
    run.save(update_fields=["options", "total"])
    return run


def _save(run: IngestRun, items: list, counts: dict, placeholders: set) -> None:
    drafts = [item.draft for item in items if item.draft is not None]
    current, seen = known([source_key(draft) for draft in drafts])
    rows = []
    for item in items:
        if item.draft is None:
            failure = item.failure
            data = {"input": failure.input, "line": failure.line, "reason": failure.reason} if failure else {}
            rows.append(PreviewItem(run=run, position=list(item.position), outcome="failed", data=data, selected=False))
            counts["failed"] += 1
            continue
        draft, key = item.draft, source_key(item.draft)
        outcome = (
            "new" if key not in current else "unchanged" if is_unchanged(key, draft, current, seen) else "replaces"
        )
        counts[outcome] += 1
        data = draft_json(draft) | {"source_text": draft.source_text, "notes": item.notes}
        article = current[key][0] if key in current else None
        rows.append(
            PreviewItem(
                run=run, position=list(item.position), outcome=outcome, article_id=article, title=draft.title, data=data
            )
        )
        for outlet in [draft.publisher, *(a.outlet for a in draft.attributions)]:
            if outlet is not None and outlet.pk is None:
                placeholders.add(outlet.name_ar)
    with transaction.atomic():
        PreviewItem.objects.bulk_create(rows)

"""A draft as JSON: what `ingest --dry-run --json` prints and the admin previews."""

from __future__ import annotations

from articles.ingest.draft import Draft
from articles.models import AttributionKind


def outlet_json(outlet) -> dict | None:
    if outlet is None:
        return None
    return {
        "slug": outlet.slug,
        "name": outlet.name_ar,
        "name_latin": outlet.name_latin,
        "kind": outlet.kind,
        "placeholder": outlet.is_placeholder,
    }


def draft_json(draft: Draft) -> dict:
    return {
        "input": draft.source_name,
        "title": draft.title,
        "publisher": outlet_json(draft.publisher),
        "byline": draft.byline,
        "dateline": draft.dateline,
        "section": draft.section,
        "url": draft.url,
        "published": draft.published_at.date().isoformat() if draft.published_at else None,
        "published_at": draft.published_at.isoformat() if draft.published_at else None,
        "date_precision": draft.date_precision,
        "captions": draft.captions,
        "body": draft.body,
        "attributions": [
            {
                "kind": str(a.kind),
                "kind_label": str(AttributionKind(a.kind).label),
                "name": a.name,
                "outlet": outlet_json(a.outlet),
                "evidence": a.evidence,
                "start": a.start,
                "end": a.end,
                "confidence": round(a.confidence, 2),
            }
            for a in draft.attributions
        ],
    }

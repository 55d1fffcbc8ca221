"""Outlets for one ingest run: who published each input and whom its attributions name."""

from __future__ import annotations

from articles.ingest.draft import Draft
from articles.models import AttributionKind
from sources.resolver import OutletResolver


class RunOutlets:
    """The gazetteer as the parsers see it, plus the publisher decisions of one run."""

    def __init__(self, *, dry_run: bool, default_publisher=None):
        self.resolver = OutletResolver(create_placeholders=not dry_run)
        self.default_publisher = default_publisher

    def take_new_placeholders(self) -> int:
        """Placeholder outlets made since the last call."""
        made, self.resolver.placeholders_made = self.resolver.placeholders_made, 0
        return made

    def candidates(self, name: str) -> list:
        return self.resolver.candidates(name)

    def could_start(self, word: str) -> bool:
        return self.resolver.could_start(word)

    def by_url(self, url: str):
        return self.resolver.by_url(url)

    def settle_publisher(self, draft: Draft) -> None:
        """Publisher evidence, strongest first: --outlet, the record's or URL's domain, the page."""
        if draft.publisher is not None:
            return
        draft.publisher = (
            self.default_publisher
            or self.resolver.by_url(draft.publisher_domain)
            or self.resolver.by_url(draft.url or "")
        )
        if draft.publisher is None and draft.publisher_hint:
            draft.publisher = self.resolver.resolve(draft.publisher_hint)

    def resolve_attributions(self, draft: Draft) -> None:
        """Give every attribution its outlet; drop the publisher crediting itself. A quoted source
        the gazetteer does not know keeps its name, without an outlet: only notes about where the
        text came from make placeholder outlets for editors to review."""
        kept = []
        for attribution in draft.attributions:
            if attribution.unnamed:
                kept.append(attribution)
                continue
            outlet = self.resolver.resolve(
                attribution.name, prefer=draft.publisher, create=attribution.may_create_outlet
            )
            if outlet is None and attribution.kind == AttributionKind.QUOTED_SOURCE:
                kept.append(attribution)
                continue
            if outlet is None or (draft.publisher is not None and outlet == draft.publisher):
                continue
            attribution.outlet = outlet
            kept.append(attribution)
        draft.attributions = kept

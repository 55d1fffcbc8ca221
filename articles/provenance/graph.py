"""An article's provenance: the chain of hops back to its origin, its copies and its copiers.

The chain follows what the article says first (its disclaimers, republication notes and wire
credits, in the order a disclaimer reads: adapted by X, previously published on Y, original source
Z), jumping to the upstream article whenever a credit was resolved to one in the archive, and
ending in an outlet node ("not in the archive") when it was not. Text shared with other articles
is listed with its direction where evidence gives one. Built in a bounded number of queries.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from django.db.models import Q

from articles.models import Article, Attribution, AttributionKind, Review, SharedText
from articles.models.article import REPUBLICATION_KINDS
from articles.provenance.direction import COPY_KINDS, Direction, facts_of, orient
from articles.provenance.shingles import original_passage

HOP_ORDER = {kind: i for i, kind in enumerate([*REPUBLICATION_KINDS[:3], "translated_from", "original_source"])}
HOP_ORDER["wire_credit"] = len(HOP_ORDER)
MAX_COPIES = 30
MAX_PASSAGES = 8
MAX_HOPS = 20
SHARED_TEXT = "shared_text"
REASONS = {
    "disclosed": "أفصح أحدهما أنه نقل عن الآخر",
    "wire": "مادة وكالة أنباء نقلها غيرها",
    "earlier": "نُشر أحدهما قبل الآخر",
    "cycle": "كلاهما يقول إنه نقل عن الآخر",
}


@dataclass
class Node:
    key: str
    label: str
    article: Article | None = None
    outlet: object = None

    @property
    def in_archive(self) -> bool:
        return self.article is not None

    def as_json(self) -> dict:
        data = {"id": self.key, "type": "article" if self.article else "outlet", "label": self.label,
                "in_archive": self.in_archive}  # fmt: skip
        if self.article:
            data |= {"article": self.article.pk, "title": self.article.title, "url": self.article.get_absolute_url(),
                     "published_at": self.article.published_at.isoformat() if self.article.published_at else None}  # fmt: skip
        if self.outlet:
            data["outlet"] = self.outlet.slug
        return data


@dataclass
class Hop:
    """`downstream` took its text from `upstream`, on this evidence."""

    upstream: Node
    downstream: Node
    kind: str
    label: str
    evidence: str = ""
    confidence: float = 0.0
    claimed_by: str = ""
    review: str = ""
    attribution: int | None = None
    cited_by: int | None = None  # the article whose attribution this hop is
    containment: float | None = None  # the share of the downstream text found upstream
    passage: str = ""

    @property
    def gap(self) -> timedelta | None:
        up, down = self.upstream.article, self.downstream.article
        if (
            up
            and down
            and up.published_at
            and down.published_at
            and "unknown" not in (up.date_precision, down.date_precision)
        ):
            return down.published_at - up.published_at
        return None

    def as_json(self) -> dict:
        gap = self.gap
        return {
            "from": self.upstream.key, "to": self.downstream.key, "kind": self.kind, "label": self.label,
            "evidence": self.evidence, "confidence": self.confidence, "claimed_by": self.claimed_by,
            "review": self.review, "attribution": self.attribution, "containment": self.containment,
            "passage": self.passage, "gap_seconds": gap.total_seconds() if gap is not None else None,
        }  # fmt: skip


@dataclass
class Copy:
    """Another article sharing this one's text, and which way the copying went, if known."""

    article: Article
    containment: float  # share of this article found in the other
    other_containment: float  # share of the other found in this one
    relation: str  # "upstream", "downstream", "unknown" or "cycle"
    reason: str = ""
    passage: str = ""

    @property
    def reason_text(self) -> str:
        return REASONS.get(self.reason, "لا دليل على الاتجاه: نسختان من نص واحد")


@dataclass
class Provenance:
    article: Article
    chain: list[Node] = field(default_factory=list)  # the article first, its origin last
    hops: list[Hop] = field(default_factory=list)  # hops[i] links chain[i + 1] to chain[i]
    copies: list[Copy] = field(default_factory=list)
    copies_total: int = 0
    copiers: list[Hop] = field(default_factory=list)
    cited: list[Attribution] = field(default_factory=list)  # quoted sources and photo credits
    warnings: list[str] = field(default_factory=list)

    @property
    def origin(self) -> Node:
        return self.chain[-1]

    @property
    def is_original(self) -> bool:
        return len(self.chain) == 1

    def as_json(self) -> dict:
        nodes = {node.key: node for node in self.chain}
        edges = [hop.as_json() for hop in self.hops]
        here = self.chain[0]
        for copy in self.copies:
            node = article_node(copy.article)
            nodes.setdefault(node.key, node)
            up, down = (node, here) if copy.relation != "downstream" else (here, node)
            edges.append({"from": up.key, "to": down.key, "kind": SHARED_TEXT, "relation": copy.relation,
                          "reason": copy.reason, "containment": copy.containment,
                          "other_containment": copy.other_containment, "passage": copy.passage})  # fmt: skip
        for hop in self.copiers:
            nodes.setdefault(hop.downstream.key, hop.downstream)
            edges.append(hop.as_json())
        return {
            "article": self.article.pk,
            "nodes": [node.as_json() for node in nodes.values()],
            "edges": edges,
            "chain": [node.key for node in self.chain],
            "origin": self.origin.key,
            "copies_total": self.copies_total,
            "warnings": self.warnings,
        }


def article_node(article: Article) -> Node:
    publisher = article.publisher
    return Node(f"article:{article.pk}", str(publisher) if publisher else "ناشر غير معروف", article, publisher)


def credit_node(attribution: Attribution) -> Node:
    if attribution.upstream_id and attribution.upstream.visibility == "public":
        return article_node(attribution.upstream)
    if attribution.upstream_id and attribution.upstream.publisher_id:  # hidden: only its outlet shows
        return Node(f"outlet:{attribution.upstream.publisher.slug}", str(attribution.upstream.publisher), None,
                    attribution.upstream.publisher)  # fmt: skip
    if attribution.outlet_id:
        return Node(f"outlet:{attribution.outlet.slug}", str(attribution.outlet), None, attribution.outlet)
    name = attribution.name_as_written or "مصدر غير مسمّى"
    return Node(f"name:{name}", name)


def provenance_of(article: Article) -> Provenance:
    """The provenance of one article (its publisher loaded), in a bounded number of queries."""
    result = Provenance(article, chain=[article_node(article)])
    _follow_chain(result)
    _add_copies(result)
    _add_copiers(result)
    return result


def _credits(article_ids: list[int]) -> dict[int, list[Attribution]]:
    rows = (
        Attribution.objects.filter(article__in=article_ids)
        .exclude(review=Review.REJECTED)
        .select_related("outlet", "upstream__publisher")
    )
    found: dict[int, list[Attribution]] = {pk: [] for pk in article_ids}
    for row in rows:
        found[row.article_id].append(row)
    return found


def _follow_chain(result: Provenance) -> None:
    current, visited = result.article, {result.article.pk}
    credits = _credits([current.pk])[current.pk]
    result.cited = [a for a in credits if a.kind not in COPY_KINDS]
    while len(result.hops) < MAX_HOPS:
        upstream = _hops_from(result, current, credits)
        if upstream is None:
            return
        if upstream.pk in visited:
            result.warnings.append(f"حلقة: «{upstream.title}» يعود فيقول إنه منقول عن مقال سابق في السلسلة")
            return
        visited.add(upstream.pk)
        current, credits = upstream, _credits([upstream.pk])[upstream.pk]


def _hops_from(result: Provenance, article: Article, credits: list[Attribution]) -> Article | None:
    """Add the hops one article credits; the upstream article to continue from, if any."""
    ordered = sorted(
        (a for a in credits if a.kind in COPY_KINDS and not (a.outlet_id and a.outlet_id == article.publisher_id)),
        key=lambda a: (HOP_ORDER[a.kind], a.upstream_id is None, a.evidence_start or 0, a.pk),
    )
    seen = {node.key for node in result.chain}
    for attribution in ordered:
        node = credit_node(attribution)
        if node.key in seen and not node.article:
            continue  # two disclaimers naming the same outlet are one hop
        result.hops.append(_hop(node, result.chain[-1], attribution))
        result.chain.append(node)
        seen.add(node.key)
        if node.article:
            return node.article
    return None


def _hop(upstream: Node, downstream: Node, attribution: Attribution) -> Hop:
    return Hop(
        upstream,
        downstream,
        attribution.kind,
        AttributionKind(attribution.kind).label,
        attribution.evidence,
        attribution.confidence,
        attribution.claimed_by,
        attribution.review,
        attribution.pk,
        attribution.article_id,
    )


def _add_copies(result: Provenance) -> None:
    article = result.article
    pairs = SharedText.objects.filter(
        Q(first=article, second__visibility="public") | Q(second=article, first__visibility="public")
    )
    result.copies_total = pairs.count()
    pairs = sorted(pairs.order_by("-shared_shingles")[:MAX_COPIES], key=lambda p: -p.containment_of(article.pk))
    others = Article.objects.public().select_related("publisher").in_bulk([p.other(article.pk) for p in pairs])
    facts = facts_of([article.pk, *others])
    for i, pair in enumerate(pairs):
        other = others.get(pair.other(article.pk))
        if other is None:
            continue  # hidden
        direction = orient(facts[article.pk], facts[other.pk])
        copy = Copy(
            other, pair.containment_of(article.pk), pair.containment_of(other.pk), *_relation(direction, article)
        )
        if i < MAX_PASSAGES:
            first = article if pair.first_id == article.pk else other
            copy.passage = _clip(original_passage(first.body, pair.passage_start, pair.passage_end))
        result.copies.append(copy)
    _evidence_of_text(result)
    _contradictions(result)


def _evidence_of_text(result: Provenance) -> None:
    """A hop to an article whose text this one shares carries the containment and a passage."""
    copies = {copy.article.pk: copy for copy in result.copies}
    for hop in result.hops:
        copy = copies.get(hop.upstream.article.pk) if hop.upstream.article else None
        if copy and hop.downstream.article == result.article:
            hop.containment, hop.passage = copy.containment, copy.passage


def _relation(direction: Direction | None, article: Article) -> tuple[str, str]:
    if direction is None:
        return "unknown", ""
    if direction.reason == "cycle":
        return "cycle", "cycle"
    return ("upstream" if direction.downstream == article.pk else "downstream"), direction.reason


def _clip(passage: str, words: int = 60) -> str:
    parts = passage.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def _contradictions(result: Provenance) -> None:
    """An article's disclaimer names one outlet while its text was shown to come from another."""
    for copy in result.copies:
        if copy.relation == "cycle":
            result.warnings.append(f"حلقة: هذا المقال و«{copy.article.title}» يقول كل منهما إنه نقل عن الآخر")
    for article in {hop.cited_by for hop in result.hops}:
        hops = [hop for hop in result.hops if hop.cited_by == article]
        named = {hop.upstream.outlet.pk for hop in hops if hop.upstream.outlet and hop.claimed_by != "text_reuse"}
        for hop in hops:
            if named and hop.claimed_by == "text_reuse" and hop.upstream.outlet and hop.upstream.outlet.pk not in named:
                result.warnings.append(
                    f"تناقض: الإفصاح يسمّي مصدراً، لكن النص يطابق مقالاً من {hop.upstream.label} لم يذكره"
                )


def _add_copiers(result: Provenance) -> None:
    here = result.chain[0]
    rows = (
        Attribution.objects.filter(upstream=result.article, article__visibility="public")
        .exclude(review=Review.REJECTED)
        .select_related("article__publisher")
        .order_by("article__published_at", "article_id")[:MAX_COPIES]
    )
    for attribution in rows:
        result.copiers.append(_hop(here, article_node(attribution.article), attribution))


def summary(result: Provenance) -> str:
    """One line for the article page: «منقول عن … — المصدر الأصلي …»."""
    if result.is_original:
        return "لم يذكر مصدراً نقل عنه، ولم يُعثر في الأرشيف على أصل له"
    first, origin = result.chain[1], result.origin
    text = f"{'مادة وكالة' if result.hops[0].kind == 'wire_credit' else 'منقول عن'} {first.label}"
    if origin is not first:
        text += f" — المصدر الأصلي {origin.label}"
    return text + ("" if origin.in_archive else " (ليس في الأرشيف)")

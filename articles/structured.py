"""schema.org NewsArticle for an article page (JSON-LD), from its provenance."""

from __future__ import annotations


def news_article(request, article, provenance) -> dict:
    """JSON-LD with publisher, dateline, creditText and isBasedOn (its nearest upstream)."""
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title[:300],
        "url": request.build_absolute_uri(article.get_absolute_url()),
        "inLanguage": "ar",
    }
    if article.published_at and article.date_precision != "unknown":
        data["datePublished"] = article.published_at.isoformat()
    if article.publisher:
        data["publisher"] = {"@type": "Organization", "name": str(article.publisher)}
    if article.dateline:
        data["dateline"] = article.dateline
    credits = [hop.upstream.label for hop in provenance.hops if hop.cited_by == article.pk]
    if article.byline or credits:
        data["creditText"] = "، ".join([article.byline, *credits] if article.byline else credits)
    if not provenance.is_original:
        upstream = provenance.chain[1]
        if upstream.article:
            data["isBasedOn"] = request.build_absolute_uri(upstream.article.get_absolute_url())
        else:
            data["isBasedOn"] = {"@type": "Organization", "name": upstream.label}
    return data

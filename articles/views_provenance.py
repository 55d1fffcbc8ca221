"""The provenance page of an article, and the diff of an article against its upstream."""

from django.shortcuts import get_object_or_404, render

from articles.models import Article
from articles.provenance.diff import diff
from articles.provenance.graph import provenance_of, summary


def provenance(request, pk):
    article = get_object_or_404(Article.objects.public().select_related("publisher"), pk=pk)
    result = provenance_of(article)
    return render(
        request, "articles/provenance.html", {"article": article, "provenance": result, "summary": summary(result)}
    )


def compare(request, pk, upstream_pk):
    """Side by side: what the article (downstream) kept, added and removed from the upstream text."""
    public = Article.objects.public().select_related("publisher")
    article, upstream = get_object_or_404(public, pk=pk), get_object_or_404(public, pk=upstream_pk)
    return render(
        request,
        "articles/compare.html",
        {"article": article, "upstream": upstream, "diff": diff(upstream.body, article.body)},
    )

"""The provenance page of an article, and the diff of an article against its upstream."""

from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from articles.models import Article, Attribution, SharedText
from articles.provenance.diff import MAX_WORDS, diff
from articles.provenance.graph import provenance_of, summary


def provenance(request, pk):
    article = get_object_or_404(Article.objects.public().select_related("publisher"), pk=pk)
    result = provenance_of(article)
    return render(
        request, "articles/provenance.html", {"article": article, "provenance": result, "summary": summary(result)}
    )


def compare(request, pk, upstream_pk):
    """Side by side: what the article (downstream) kept, added and removed from the upstream text.
    Only for two articles the archive links (shared text, or a credit resolved to the other): any
    pair would let anyone make the server diff arbitrary texts."""
    public = Article.objects.public().select_related("publisher")
    article, upstream = get_object_or_404(public, pk=pk), get_object_or_404(public, pk=upstream_pk)
    if not are_linked(article.pk, upstream.pk):
        raise Http404("these two articles share no text and neither credits the other")
    # The second article is the source only when the archive says so (a credit, or reuse whose
    # direction the evidence gave): two copies of one text are two texts, neither the source.
    directed = Attribution.objects.filter(article=article.pk, upstream=upstream.pk).exclude(review="rejected").exists()
    context = {
        "article": article, "upstream": upstream, "diff": diff(upstream.body, article.body), "max_words": MAX_WORDS,
        "directed": directed,
    }  # fmt: skip
    return render(request, "articles/compare.html", context)


def are_linked(a: int, b: int) -> bool:
    first, second = sorted((a, b))
    return (
        SharedText.objects.filter(first=first, second=second).exists()
        or Attribution.objects.filter(Q(article=a, upstream=b) | Q(article=b, upstream=a)).exists()
    )

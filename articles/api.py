from django.shortcuts import get_object_or_404
from rest_framework import generics, serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from articles.models import Article, Attribution
from articles.provenance.graph import provenance_of
from sources.api import OutletSerializer


class AttributionSerializer(serializers.ModelSerializer):
    outlet = serializers.SlugRelatedField(read_only=True, slug_field="slug")

    class Meta:
        model = Attribution
        fields = [
            "id", "kind", "name_as_written", "outlet", "evidence", "evidence_start", "evidence_end",
            "confidence", "upstream", "claimed_by", "review",
        ]  # fmt: skip


class ArticleSerializer(serializers.ModelSerializer):
    publisher = OutletSerializer(read_only=True)
    attributions = AttributionSerializer(many=True, read_only=True)

    class Meta:
        model = Article
        fields = [
            "id", "title", "publisher", "byline", "dateline", "section", "url", "published_at",
            "date_precision", "captions", "body", "event", "attributions",
        ]  # fmt: skip


class ArticleDetail(generics.RetrieveAPIView):
    """One public article with its publisher and attributions."""

    queryset = (
        Article.objects.public()
        .select_related("publisher")
        .prefetch_related("publisher__domains", "attributions__outlet")
    )
    serializer_class = ArticleSerializer


class ArticleProvenance(APIView):
    """The provenance graph of one public article: nodes, edges with evidence, the chain to its origin."""

    def get(self, request, pk):
        article = get_object_or_404(Article.objects.public().select_related("publisher"), pk=pk)
        return Response(provenance_of(article).as_json())

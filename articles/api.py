from rest_framework import generics, serializers

from articles.models import Article, Attribution
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

from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from articles.events.coverage import coverage_of
from articles.models import Article, Attribution, Event
from articles.provenance.graph import provenance_of
from sources.api import OutletSerializer


class AttributionSerializer(serializers.ModelSerializer):
    outlet = serializers.SlugRelatedField(read_only=True, slug_field="slug")
    upstream = serializers.SerializerMethodField(help_text="id of the public article credited, if in the archive")

    def get_upstream(self, attribution) -> int | None:
        upstream = attribution.upstream
        return upstream.pk if upstream is not None and upstream.visibility == "public" else None

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
        .prefetch_related("publisher__domains", "attributions__outlet", "attributions__upstream")
    )
    serializer_class = ArticleSerializer


class ArticleProvenance(APIView):
    """The provenance graph of one public article: nodes, edges with evidence, the chain to its origin."""

    @extend_schema(responses=OpenApiTypes.OBJECT, operation_id="article_provenance")
    def get(self, request, pk):
        article = get_object_or_404(Article.objects.public().select_related("publisher"), pk=pk)
        return Response(provenance_of(article).as_json())


class EventSummarySerializer(serializers.ModelSerializer):
    url = serializers.CharField(source="get_absolute_url", read_only=True)

    class Meta:
        model = Event
        fields = ["id", "slug", "title", "starts_on", "ends_on", "article_count", "outlet_count", "key_names", "url"]


class EventList(generics.ListAPIView):
    """Events, newest first, filtered as the event list page is (since, until, outlet, country, covered)."""

    serializer_class = EventSummarySerializer

    def get_queryset(self):
        from articles.filters import EventFilter

        return EventFilter(self.request.GET, queryset=Event.objects.public().latest_first()).qs


class EventDetail(APIView):
    """One event: its timeline of coverage, who took from whom inside it, its outlets, related events."""

    @extend_schema(responses=OpenApiTypes.OBJECT, operation_id="event_detail")
    def get(self, request, pk):
        return Response(coverage_of(get_object_or_404(Event.objects.public(), pk=pk)).as_json())

from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import generics, serializers
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from articles.events.coverage import coverage_of
from articles.models import Article, Attribution, Event
from articles.provenance.graph import provenance_of
from newsroom.api_docs import BAD_REQUEST, DATE_OR_EMPTY, NOT_FOUND
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


@extend_schema_view(get=extend_schema(responses={200: ArticleSerializer, 404: NOT_FOUND}))
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

    @extend_schema(responses={200: OpenApiTypes.OBJECT, 404: NOT_FOUND}, operation_id="article_provenance")
    def get(self, request, pk):
        article = get_object_or_404(Article.objects.public().select_related("publisher"), pk=_number(pk))
        return Response(provenance_of(article).as_json())


class EventSummarySerializer(serializers.ModelSerializer):
    url = serializers.CharField(source="get_absolute_url", read_only=True)
    slug = serializers.CharField(read_only=True)  # Arabic letters: not the ASCII pattern a SlugField documents

    class Meta:
        model = Event
        fields = ["id", "slug", "title", "starts_on", "ends_on", "article_count", "outlet_count", "key_names", "url"]


EVENT_FILTERS = [
    OpenApiParameter("since", DATE_OR_EMPTY, description="reported on or after (YYYY-MM-DD)"),
    OpenApiParameter("until", DATE_OR_EMPTY, description="reported on or before (YYYY-MM-DD)"),
    OpenApiParameter("outlet", OpenApiTypes.STR, description="slug of an outlet that covered it"),
    OpenApiParameter("country", OpenApiTypes.STR, description="ISO 3166-1 code of an outlet that covered it"),
    OpenApiParameter(
        "covered",
        OpenApiTypes.STR,
        enum=["true", "false", ""],
        description="true: only events more than one outlet covered",
    ),
]


@extend_schema_view(
    get=extend_schema(parameters=EVENT_FILTERS, responses={200: EventSummarySerializer(many=True), 400: BAD_REQUEST})
)
class EventList(generics.ListAPIView):
    """Events, newest first, filtered as the event list page is (since, until, outlet, country, covered)."""

    serializer_class = EventSummarySerializer

    def list(self, request, *args, **kwargs):
        from articles.filters import EventFilter

        events = EventFilter(request.GET, queryset=Event.objects.public().latest_first())
        if events.errors:
            return Response({"errors": events.errors}, status=400)
        page = self.paginate_queryset(events.qs)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)


class EventDetail(APIView):
    """One event: its timeline of coverage, who took from whom inside it, its outlets, related events."""

    @extend_schema(responses={200: OpenApiTypes.OBJECT, 404: NOT_FOUND}, operation_id="event_detail")
    def get(self, request, pk):
        return Response(coverage_of(get_object_or_404(Event.objects.public(), pk=_number(pk))).as_json())


def _number(value: str) -> int:
    """An object's id from the URL; anything else is an object that does not exist."""
    if not value.isdigit() or len(value) > 18:
        raise NotFound("no such id")
    return int(value)

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import generics, serializers

from newsroom.api_docs import BAD_REQUEST, NOT_FOUND
from sources.models import Outlet


class OutletSerializer(serializers.ModelSerializer):
    domains = serializers.SlugRelatedField(many=True, read_only=True, slug_field="domain")
    slug = serializers.CharField(read_only=True)  # Arabic letters: not the ASCII pattern a SlugField documents

    class Meta:
        model = Outlet
        fields = ["id", "slug", "name_ar", "name_latin", "kind", "country", "domains", "aliases", "is_placeholder"]


@extend_schema_view(get=extend_schema(responses={200: OutletSerializer(many=True), 400: BAD_REQUEST}))
class OutletList(generics.ListAPIView):
    """Every outlet in the gazetteer, with its domains and spellings."""

    queryset = Outlet.objects.prefetch_related("domains").order_by("slug")
    serializer_class = OutletSerializer


@extend_schema_view(get=extend_schema(responses={200: OutletSerializer, 404: NOT_FOUND}))
class OutletDetail(generics.RetrieveAPIView):
    queryset = Outlet.objects.prefetch_related("domains")
    serializer_class = OutletSerializer
    lookup_field = "slug"

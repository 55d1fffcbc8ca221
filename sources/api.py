from rest_framework import generics, serializers

from sources.models import Outlet


class OutletSerializer(serializers.ModelSerializer):
    domains = serializers.SlugRelatedField(many=True, read_only=True, slug_field="domain")

    class Meta:
        model = Outlet
        fields = ["id", "slug", "name_ar", "name_latin", "kind", "country", "domains", "aliases", "is_placeholder"]


class OutletList(generics.ListAPIView):
    """Every outlet in the gazetteer, with its domains and spellings."""

    queryset = Outlet.objects.prefetch_related("domains").order_by("slug")
    serializer_class = OutletSerializer


class OutletDetail(generics.RetrieveAPIView):
    queryset = Outlet.objects.prefetch_related("domains")
    serializer_class = OutletSerializer
    lookup_field = "slug"

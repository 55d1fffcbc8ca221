"""GET /api/search: the search page's results as JSON (same parameters, same engine)."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from articles.filters import PROVENANCE_CHOICES, SORT_CHOICES
from articles.search.engine import run_search

PARAMETERS = [
    OpenApiParameter("q", OpenApiTypes.STR, description='words, "phrases", -exclusions, OR / أو'),
    OpenApiParameter("outlet", OpenApiTypes.STR, many=True, description="outlet slug (repeatable)"),
    OpenApiParameter("kind", OpenApiTypes.STR, many=True, description="outlet kind (repeatable)"),
    OpenApiParameter("country", OpenApiTypes.STR, description="ISO 3166-1 code of the outlet"),
    OpenApiParameter("event", OpenApiTypes.STR, description="event slug"),
    OpenApiParameter("provenance", OpenApiTypes.STR, enum=[c for c, _ in PROVENANCE_CHOICES]),
    OpenApiParameter("since", OpenApiTypes.DATE),
    OpenApiParameter("until", OpenApiTypes.DATE),
    OpenApiParameter("sort", OpenApiTypes.STR, enum=[c for c, _ in SORT_CHOICES]),
    OpenApiParameter("page", OpenApiTypes.INT),
]


class Search(APIView):
    """Full-text search over the public archive, with snippets, facets and spelling variants."""

    @extend_schema(parameters=PARAMETERS, responses=OpenApiTypes.OBJECT)
    def get(self, request):
        results = run_search(request.query_params)
        if results.filters.errors:
            return Response({"errors": results.filters.errors}, status=400)
        return Response(
            {
                "query": results.text,
                "sort": results.sort,
                "total": results.total,
                "total_is_lower_bound": results.total_is_lower_bound,
                "broad": results.broad,
                "page": results.page.number,
                "pages": results.page.paginator.num_pages,
                "variants": results.variants,
                "ignored": results.parsed.ignored,
                "suggestions": results.suggestions,
                "results": [_hit(hit) for hit in results.hits],
                "facets": {
                    name: [{"value": c.value, "label": c.label, "count": c.count} for c in counts]
                    for name, counts in results.facets.items()
                },
            }
        )


def _hit(hit) -> dict:
    article = hit.article
    return {
        "id": article.pk,
        "url": article.get_absolute_url(),
        "title": article.title,
        "title_html": str(hit.title),
        "snippet_html": str(hit.snippet),
        "exact": hit.exact,
        "publisher": article.publisher.slug if article.publisher else None,
        "published_at": article.published_at,
        "date_precision": article.date_precision,
        "source_url": article.url,
    }

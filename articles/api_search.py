"""GET /api/search: the search page's results as JSON (same parameters, same engine)."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from articles.filters import PROVENANCE_CHOICES, SORT_CHOICES
from articles.search.engine import MAX_PAGE, REFUSED, run_search
from newsroom.api_docs import BAD_REQUEST, DATE_OR_EMPTY
from sources.models import OutletKind

PARAMETERS = [
    OpenApiParameter("q", OpenApiTypes.STR, description='words, "phrases", -exclusions, OR / أو'),
    OpenApiParameter("outlet", OpenApiTypes.STR, many=True, description="outlet slug (repeatable)"),
    OpenApiParameter(
        "kind", OpenApiTypes.STR, many=True, enum=[*OutletKind.values, ""], description="outlet kind (repeatable)"
    ),
    OpenApiParameter("country", OpenApiTypes.STR, description="ISO 3166-1 code of the outlet"),
    OpenApiParameter("event", OpenApiTypes.STR, description="event slug"),
    OpenApiParameter(
        "provenance", OpenApiTypes.STR, enum=[*(c for c, _ in PROVENANCE_CHOICES), ""], description="empty: all"
    ),
    OpenApiParameter("since", DATE_OR_EMPTY),
    OpenApiParameter("until", DATE_OR_EMPTY),
    OpenApiParameter(
        "sort", OpenApiTypes.STR, enum=[*(c for c, _ in SORT_CHOICES), ""], description="empty: relevance"
    ),
    OpenApiParameter(
        REFUSED, OpenApiTypes.STR, many=True, description="a spelling variant not to admit (repeatable): سلفا"
    ),
    OpenApiParameter("page", {"type": "integer", "minimum": 1, "maximum": MAX_PAGE}),
]


class Search(APIView):
    """Full-text search over the public archive, with snippets, facets and spelling variants."""

    @extend_schema(parameters=PARAMETERS, responses={200: OpenApiTypes.OBJECT, 400: BAD_REQUEST})
    def get(self, request):
        page = request.query_params.get("page")
        if page is not None and not (page.isdigit() and 1 <= int(page) <= MAX_PAGE):
            return Response({"errors": {"page": [f"a whole number from 1 to {MAX_PAGE}"]}}, status=400)
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
                REFUSED: results.declined,
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
        "copies": [
            {
                "id": copy.pk,
                "url": copy.get_absolute_url(),
                "publisher": copy.publisher.slug if copy.publisher else None,
                "published_at": copy.published_at,
            }
            for copy in hit.copies
        ],
    }

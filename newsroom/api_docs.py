"""What the API answers besides its data, as its schema documents it."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse

# A date filter: YYYY-MM-DD, or empty for none (an HTML form sends its empty fields).
DATE_OR_EMPTY = {"anyOf": [{"type": "string", "format": "date"}, {"type": "string", "maxLength": 0}]}
NOT_FOUND = OpenApiResponse(OpenApiTypes.OBJECT, description="no public object with that id or slug: {detail}")
BAD_REQUEST = OpenApiResponse(
    OpenApiTypes.OBJECT, description="a parameter that cannot be read, with the reason per parameter"
)

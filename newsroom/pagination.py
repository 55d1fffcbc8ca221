"""Pages of the API's lists: at most MAX_LIMIT items a page, offsets the database can take."""

from rest_framework.exceptions import ValidationError
from rest_framework.pagination import LimitOffsetPagination

MAX_LIMIT = 200
MAX_OFFSET = 1_000_000


class Pages(LimitOffsetPagination):
    max_limit = MAX_LIMIT

    def get_offset(self, request):
        offset = super().get_offset(request)
        if offset > MAX_OFFSET:
            raise ValidationError({"offset": f"at most {MAX_OFFSET:,}; narrow the list with its filters instead"})
        return offset

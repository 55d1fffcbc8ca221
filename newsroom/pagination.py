"""Pages of the API's lists: `limit` from 1 to MAX_LIMIT items, `offset` up to MAX_OFFSET; anything
else is a 400 that says why (a huge offset reached the database as an out-of-range bigint)."""

from rest_framework.exceptions import ValidationError
from rest_framework.pagination import LimitOffsetPagination

MAX_LIMIT = 200
MAX_OFFSET = 1_000_000


class Pages(LimitOffsetPagination):
    max_limit = MAX_LIMIT

    def get_limit(self, request):
        return _whole(request, self.limit_query_param, 1, MAX_LIMIT, self.default_limit)

    def get_offset(self, request):
        return _whole(request, self.offset_query_param, 0, MAX_OFFSET, 0)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        bounds = {self.limit_query_param: (1, MAX_LIMIT), self.offset_query_param: (0, MAX_OFFSET)}
        for parameter in parameters:
            low, high = bounds[parameter["name"]]
            parameter["schema"].update(minimum=low, maximum=high)
        return parameters


def _whole(request, name: str, low: int, high: int, default: int) -> int:
    value = request.query_params.get(name)
    if value is None:
        return default
    if not value.isdigit() or not low <= int(value) <= high:
        raise ValidationError({name: f"a whole number from {low} to {high:,}"})
    return int(value)

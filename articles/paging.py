"""Pages of a very long list without counting it: the home page never counts the archive."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import Http404

MAX_PAGE = 10_000  # deeper, the offset costs the database more than any reader pages


@dataclass
class Window:
    """One page: its items, its number, and whether a next one exists (read one item ahead)."""

    object_list: list
    number: int
    more: bool
    paginator = None  # no total: the template says «صفحة N» without «من M»

    @classmethod
    def of(cls, queryset, number, size: int) -> Window:
        try:
            number = max(1, int(number or 1))
        except (TypeError, ValueError):
            number = 1
        if number > MAX_PAGE:
            raise Http404("no such page")
        items = list(queryset[(number - 1) * size : number * size + 1])
        return cls(items[:size], number, len(items) > size)

    def has_next(self) -> bool:
        return self.more

    def has_previous(self) -> bool:
        return self.number > 1

    def has_other_pages(self) -> bool:
        return self.more or self.number > 1

    def next_page_number(self) -> int:
        return self.number + 1

    def previous_page_number(self) -> int:
        return self.number - 1

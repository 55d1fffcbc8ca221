"""The date archive: year, month and day pages of public articles, with previous and next."""

from django.http import Http404
from django.views.generic.dates import DayArchiveView, MonthArchiveView, YearArchiveView

from articles.filters import EARLIEST, LATEST
from articles.models import Article

PAGE_SIZE = 30


class _Archive:
    date_field = "published_at"
    allow_empty = False
    month_format = "%m"
    paginate_by = PAGE_SIZE

    def dispatch(self, request, *args, **kwargs):
        # 9999/12/31 would overflow the next day's date, which the view works out.
        if not EARLIEST.year <= int(kwargs["year"]) <= LATEST.year:
            raise Http404("no archive for that year")
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return Article.objects.public().select_related("publisher").order_by("-published_at", "-id")


class YearArchive(_Archive, YearArchiveView):
    make_object_list = False
    paginate_by = None
    template_name = "articles/archive_year.html"


class MonthArchive(_Archive, MonthArchiveView):
    template_name = "articles/archive_month.html"


class DayArchive(_Archive, DayArchiveView):
    template_name = "articles/archive_day.html"

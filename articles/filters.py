"""Search and archive filters (django-filter): outlet, kind, country, event, provenance, dates, sort."""

import datetime

import django_filters
from django import forms
from django.utils import timezone

from articles.models import Event
from sources.models import Outlet, OutletKind

PROVENANCE_CHOICES = [
    ("original", "أصلية فقط"),
    ("republished", "منقولة فقط"),
    ("wire", "من وكالات الأنباء"),
]
SORT_CHOICES = [("relevance", "الأكثر صلة"), ("newest", "الأحدث"), ("oldest", "الأقدم")]
DATE_INPUT = forms.DateInput(attrs={"type": "date"})  # the browser's date picker; it sends YYYY-MM-DD
EARLIEST, LATEST = datetime.date(1900, 1, 1), datetime.date(2100, 12, 31)


class ArchiveDateField(forms.DateField):
    """A date the archive can hold: 9999-12-31 would overflow the day after it."""

    def validate(self, value):
        super().validate(value)
        if value and not EARLIEST <= value <= LATEST:
            raise forms.ValidationError(f"التاريخ خارج نطاق الأرشيف: اختر تاريخاً بين {EARLIEST.year} و{LATEST.year}.")


class ArchiveDateFilter(django_filters.DateFilter):
    field_class = ArchiveDateField


class ArticleFilter(django_filters.FilterSet):
    outlet = django_filters.ModelMultipleChoiceFilter(
        field_name="publisher__slug", to_field_name="slug", queryset=Outlet.objects.all(), label="المنفذ"
    )
    kind = django_filters.MultipleChoiceFilter(
        field_name="publisher__kind", choices=OutletKind.choices, label="نوع المنفذ"
    )
    country = django_filters.CharFilter(field_name="publisher__country", lookup_expr="iexact", label="البلد")
    event = django_filters.ModelChoiceFilter(
        field_name="event", to_field_name="slug", queryset=Event.objects.public(), label="الحدث"
    )
    provenance = django_filters.ChoiceFilter(choices=PROVENANCE_CHOICES, method="filter_provenance", label="المصدر")
    since = ArchiveDateFilter(method="filter_since", label="من تاريخ", widget=DATE_INPUT)
    until = ArchiveDateFilter(method="filter_until", label="إلى تاريخ", widget=DATE_INPUT)
    sort = django_filters.ChoiceFilter(choices=SORT_CHOICES, method="keep", label="الترتيب", empty_label=None)

    def filter_provenance(self, queryset, name, value):
        return {"original": queryset.originals, "republished": queryset.republished, "wire": queryset.wire_copies}[
            value
        ]()

    def filter_since(self, queryset, name, value):
        return queryset.filter(published_at__gte=_day_start(value))

    def filter_until(self, queryset, name, value):
        return queryset.filter(published_at__lt=_day_start(value + datetime.timedelta(days=1)))

    def keep(self, queryset, name, value):
        return queryset  # applied by the search, which orders by relevance when there is a query


def _day_start(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


class EventFilter(django_filters.FilterSet):
    """The event list: events reported in a date range, by an outlet, or by outlets of a country."""

    since = ArchiveDateFilter(field_name="ends_on", lookup_expr="gte", label="من تاريخ", widget=DATE_INPUT)
    until = ArchiveDateFilter(field_name="starts_on", lookup_expr="lte", label="إلى تاريخ", widget=DATE_INPUT)
    outlet = django_filters.ModelChoiceFilter(
        field_name="articles__publisher__slug", to_field_name="slug", queryset=Outlet.objects.all(),
        label="المنفذ", distinct=True,
    )  # fmt: skip
    country = django_filters.CharFilter(
        field_name="articles__publisher__country", lookup_expr="iexact", label="البلد", distinct=True
    )
    covered = django_filters.BooleanFilter(method="filter_covered", label="تناولته أكثر من جهة")

    class Meta:
        model = Event
        fields = []

    def filter_covered(self, queryset, name, value):
        return queryset.filter(outlet_count__gt=1) if value else queryset

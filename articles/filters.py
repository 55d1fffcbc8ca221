"""Search and archive filters (django-filter): outlet, kind, country, event, provenance, dates, sort."""

import datetime

import django_filters
from django import forms
from django.utils import timezone

from articles.models import Event
from sources.countries import country_choices
from sources.models import OutletKind

PROVENANCE_CHOICES = [
    ("original", "أصلية فقط"),
    ("republished", "منقولة فقط"),
    ("wire", "من وكالات الأنباء"),
]
SORT_CHOICES = [("relevance", "الأكثر صلة"), ("newest", "الأحدث"), ("oldest", "الأقدم")]
DATE_INPUT = forms.DateInput(attrs={"type": "date"})  # the browser's date picker; it sends YYYY-MM-DD
EARLIEST, LATEST = datetime.date(1900, 1, 1), datetime.date(2100, 12, 31)


class ArchiveDateField(forms.DateField):
    """A date, brought within the years the archive can hold: «until 9999-12-31» means until the
    end, and would overflow the day after it."""

    def clean(self, value):
        day = super().clean(value)
        return min(max(day, EARLIEST), LATEST) if day else day


class ArchiveDateFilter(django_filters.DateFilter):
    field_class = ArchiveDateField


class SlugsFilter(django_filters.CharFilter):
    """One or more slugs (`?outlet=a&outlet=b`): a slug the archive does not know matches nothing,
    like any other filter value that finds nothing; it is not a malformed request."""

    def filter(self, queryset, value):
        data, name = self.parent.data, self.field_name_in_query
        given = data.getlist(name) if hasattr(data, "getlist") else data.get(name)
        slugs = [s for s in ([given] if isinstance(given, str) else given or []) if s]
        if not slugs:
            return queryset
        # DISTINCT only where asked (a path through a to-many relation): over an article's own
        # outlet it only cost every match sorted (ترامب in one outlet at a million articles: 166 ms).
        matched = queryset.filter(**{f"{self.field_name}__in": slugs})
        return matched.distinct() if self.distinct else matched

    @property
    def field_name_in_query(self) -> str:
        return next(name for name, f in self.parent.filters.items() if f is self)


class ChoicesField(forms.MultipleChoiceField):
    """Several choices, where an empty value (a form's empty field) is no choice."""

    def clean(self, value):
        return super().clean([v for v in value or [] if v])


class ChoicesFilter(django_filters.MultipleChoiceFilter):
    field_class = ChoicesField


class ArticleFilter(django_filters.FilterSet):
    outlet = SlugsFilter(field_name="publisher__slug", label="المنفذ")
    kind = ChoicesFilter(field_name="publisher__kind", choices=OutletKind.choices, label="نوع المنفذ")
    country = django_filters.CharFilter(field_name="publisher__country", lookup_expr="iexact", label="البلد")
    event = django_filters.CharFilter(field_name="event__slug", label="الحدث")
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


class CountrySelect(forms.Select):
    """The countries of the archive's outlets by their Arabic names; the value stays the ISO code,
    so a link or an API call with any code still works (an unknown one finds nothing)."""

    def optgroups(self, name, value, attrs=None):
        self.choices = [("", "كل البلدان"), *country_choices()]
        return super().optgroups(name, value, attrs)


class EventFilter(django_filters.FilterSet):
    """The event list: events reported in a date range, by an outlet, or by outlets of a country."""

    since = ArchiveDateFilter(field_name="ends_on", lookup_expr="gte", label="من تاريخ", widget=DATE_INPUT)
    until = ArchiveDateFilter(field_name="starts_on", lookup_expr="lte", label="إلى تاريخ", widget=DATE_INPUT)
    outlet = django_filters.CharFilter(field_name="articles__publisher__slug", label="المنفذ", distinct=True)
    country = django_filters.CharFilter(
        field_name="articles__publisher__country", lookup_expr="iexact", label="البلد", distinct=True,
        widget=CountrySelect,
    )  # fmt: skip
    covered = django_filters.ChoiceFilter(
        choices=[("true", "نعم"), ("false", "لا")], method="filter_covered", label="تناولته أكثر من جهة",
        empty_label="الكل",
    )  # fmt: skip

    class Meta:
        model = Event
        fields = []

    def filter_covered(self, queryset, name, value):
        return queryset.filter(outlet_count__gt=1) if value == "true" else queryset

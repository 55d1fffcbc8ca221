"""The public search page: one form, results with highlighted snippets, and facets to narrow them."""

from dataclasses import dataclass

from django.shortcuts import render

from articles.filters import SORT_CHOICES
from articles.search.engine import BROAD, COUNTED, REFUSED, run_search
from sources.countries import country_name

FACET_LABELS = {
    "provenance": "المصدر",
    "kind": "نوع المنفذ",
    "outlet": "المنفذ",
    "country": "البلد",
    "event": "الحدث",
    "year": "السنة",
}
FILTERS = ["outlet", "kind", "country", "event", "provenance", "since", "until", REFUSED]
DATES = ("since", "until")  # typed in the form's own date fields, not carried as hidden values
FILTER_LABELS = {**FACET_LABELS, "since": "من تاريخ", "until": "إلى تاريخ", REFUSED: "دون التهجئة"}


@dataclass
class FacetLink:
    label: str
    count: int
    url: str
    active: bool


def search(request):
    results = run_search(request.GET)
    context = {
        "results": results,
        "broad_limit": BROAD,
        "counted": COUNTED,
        "sort_choices": SORT_CHOICES,
        "kept_filters": [(name, value) for name in FILTERS if name not in DATES for value in request.GET.getlist(name)],
        "since": request.GET.get("since", ""),
        "until": request.GET.get("until", ""),
        "active_filters": _active(request, results),
        "variant_links": _variant_links(request, results),
        "clear_url": "?" + _without(request, FILTERS).urlencode(),
        "facets": [
            {"label": FACET_LABELS[name], "counts": _links(request, name, counts)}
            for name, counts in results.facets.items()
            if name in FACET_LABELS
        ],
    }
    # A filter that cannot be read (a date past 2100, a day 45) is said, not silently ignored.
    status = 400 if results.filters.errors else 200
    return render(request, "articles/search.html", context, status=status)


def _links(request, name: str, counts) -> list[FacetLink]:
    """Each value links to the results narrowed to it; the active value links back to all."""
    links = []
    for count in counts:
        params = request.GET.copy()
        params.pop("page", None)
        active = request.GET.get(name) == count.value
        if name == "year":
            params.pop("since", None), params.pop("until", None)
            if not active:
                params["since"], params["until"] = f"{count.value}-01-01", f"{count.value}-12-31"
            active = request.GET.get("since") == f"{count.value}-01-01"
        elif active:
            params.pop(name)
        else:
            params[name] = count.value
        links.append(FacetLink(count.label, count.count, "?" + params.urlencode(), active))
    return links


@dataclass
class VariantLink:
    spelling: str
    refuse_url: str  # the same search without this spelling
    review_url: str = ""  # for an editor: the pair in the spelling table, or a new pair to decide


def _variant_links(request, results) -> list[VariantLink]:
    """Each spelling the search admitted, with a link to search again without it: a reader who
    sees a wrong merge (سلفا, "in advance", admitted for سالفا) turns it away in one click. An
    editor who may decide spellings also gets the pair, to keep the two apart for every reader."""
    editor = request.user.has_perm("articles.change_spellingpair")
    reviews = _pair_urls(results.compiled.spelling_of) if editor else {}
    links = []
    for spelling in results.variants:
        params = request.GET.copy()
        params.pop("page", None)
        params.appendlist(REFUSED, spelling)
        links.append(VariantLink(spelling, "?" + params.urlencode(), reviews.get(spelling, "")))
    return links


def _pair_urls(spelling_of: dict[str, tuple[str, str]]) -> dict[str, str]:
    """Each spelling's admin page in the table (compile: spelling -> the pair it makes), read in
    one query: the pair's own page where the table holds it, else the form for a new pair, filled
    in as kept apart."""
    from django.db.models import Q
    from django.urls import reverse
    from django.utils.http import urlencode

    from articles.models import SpellingPair, SpellingStatus
    from articles.models.spelling import ordered

    if not spelling_of:
        return {}
    pairs = {spelling: ordered(*forms) for spelling, forms in spelling_of.items()}
    wanted = Q()
    for form, other in pairs.values():
        wanted |= Q(form=form, other=other)
    held = {
        (form, other): pk for pk, form, other in SpellingPair.objects.filter(wanted).values_list("pk", "form", "other")
    }
    urls = {}
    for spelling, pair in pairs.items():
        if pair in held:
            urls[spelling] = reverse("admin:articles_spellingpair_change", args=[held[pair]])
        else:
            initial = {"form": spelling_of[spelling][0], "other": spelling, "status": SpellingStatus.REJECTED}
            urls[spelling] = reverse("admin:articles_spellingpair_add") + "?" + urlencode(initial)
    return urls


@dataclass
class ActiveFilter:
    label: str
    value: str
    remove_url: str


def _active(request, results) -> list[ActiveFilter]:
    """The filters narrowing the results, each named as the facets name it, with a link removing it."""
    names = {name: {c.value: c.label for c in counts} for name, counts in results.facets.items()}
    active = []
    for name in FILTERS:
        for value in request.GET.getlist(name):
            if not value:
                continue
            if name == "country":
                shown = country_name(value)
            elif name in DATES:
                shown = _date_shown(value)
            else:  # a value the results no longer count (none left with it) is named all the same
                shown = names.get(name, {}).get(value) or _named(name, value)
            params = request.GET.copy()
            params.setlist(name, [v for v in request.GET.getlist(name) if v != value])
            params.pop("page", None)
            active.append(ActiveFilter(FILTER_LABELS[name], shown, "?" + params.urlencode()))
    return active


def _named(name: str, value: str) -> str:
    """The name a filter value has when no facet counted it: an outlet's, an event's, a kind's."""
    from articles.filters import PROVENANCE_CHOICES
    from articles.models import Event
    from sources.models import Outlet, OutletKind

    if name == "kind":
        return dict(OutletKind.choices).get(value, value)
    if name == "provenance":
        return dict(PROVENANCE_CHOICES).get(value, value)
    if name == "outlet":
        return Outlet.objects.filter(slug=value).values_list("name_ar", flat=True).first() or value
    if name == "event":
        return Event.objects.public().filter(slug=value).values_list("title", flat=True).first() or value
    return value


def _date_shown(value: str) -> str:
    """«1 يناير 2020» for 2020-01-01, in the site's one date style."""
    from django.utils.dateformat import format as format_date
    from django.utils.dateparse import parse_date

    try:
        day = parse_date(value)
    except ValueError:
        day = None
    return format_date(day, "j F Y") if day else value


def _without(request, names):
    params = request.GET.copy()
    for name in [*names, "page"]:
        params.pop(name, None)
    return params

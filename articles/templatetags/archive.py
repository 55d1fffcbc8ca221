"""Template helpers for the public archive."""

from django import template
from django.utils import timezone
from django.utils.dateformat import format as format_date

from articles.models import DatePrecision
from newsroom.counts import number

register = template.Library()

FORMATS = {
    DatePrecision.MINUTE: "j F Y، H:i",
    DatePrecision.DAY: "j F Y",
    DatePrecision.MONTH: "F Y",
    DatePrecision.YEAR: "Y",
}


@register.filter
def publication_date(article) -> str:
    """The publication date only as precisely as the source gave it: «8 مايو 2023», «مايو 2023»."""
    if not article.published_at or article.date_precision not in FORMATS:
        return ""
    return format_date(timezone.localtime(article.published_at), FORMATS[article.date_precision])


@register.simple_tag(takes_context=True)
def query_with(context, **changes) -> str:
    """The current query string with some parameters changed (None removes one): for pages and facets."""
    params = context["request"].GET.copy()
    for name, value in changes.items():
        params.pop(name, None)
        if value not in (None, ""):
            params[name] = value
    if "page" not in changes:
        params.pop("page", None)
    return "?" + params.urlencode()


@register.filter
def result_count(n: int) -> str:
    """«3 نتائج», «11 نتيجة»: Arabic counts agree with their number."""
    if n == 0:
        return "لا نتائج"
    if n == 1:
        return "نتيجة واحدة"
    if n == 2:
        return "نتيجتان"
    return f"{number(n)} نتائج" if 3 <= n % 100 <= 10 else f"{number(n)} نتيجة"


@register.filter
def index(items, i: int):
    return items[i]


@register.filter
def percent(share: float) -> str:
    """0.873 → «87٪»."""
    return f"{round(100 * share)}٪"


@register.filter
def duration_ar(gap) -> str:
    """A time gap in the largest unit that says it: «3 أيام»، «5 ساعات»، «12 دقيقة»؛ negative gaps say «قبل»."""
    seconds = gap.total_seconds()
    ahead = seconds < 0
    seconds = abs(seconds)
    if seconds >= 86400:
        text = f"{round(seconds / 86400)} يوم"
    elif seconds >= 3600:
        text = f"{round(seconds / 3600)} ساعة"
    else:
        text = f"{round(seconds / 60)} دقيقة"
    return f"{text} (النسخة أقدم من مصدرها)" if ahead else text


@register.filter
def percent_class(share: float) -> str:
    """A share as the class of a bar's width, in steps of 5%: «w-40». A class, not a style
    attribute: the Content-Security-Policy allows no inline style."""
    return f"w-{5 * round(20 * max(0.0, min(1.0, share)))}"


@register.filter
def json_ld(data) -> str:
    """A dict as the body of a <script type="application/ld+json">, safe inside HTML."""
    import json

    from django.utils.safestring import mark_safe

    text = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(text)


@register.filter
def field_label(form, name: str) -> str:
    """The label of a form's field, by name ("__all__" for errors of the whole form)."""
    field = form.fields.get(name)
    return str(field.label) if field is not None and field.label else name


@register.filter
def counted(n, noun: str) -> str:
    """«4 مقالات»: `{{ n|counted:"article" }}` (newsroom/counts.py)."""
    from newsroom.counts import counted as phrase

    return phrase(int(n or 0), noun)


@register.filter
def country(code) -> str:
    """«السعودية» for SA: an outlet's country by its Arabic name (CLDR, sources/countries.py)."""
    from sources.countries import country_name

    return country_name(code)


@register.filter
def section(article) -> str:
    """The article's section in Arabic (articles.sections)."""
    from articles.sections import section_label

    return section_label(article.section)


@register.inclusion_tag("admin/articles/failure_reason.html")
def failure_reason(reason: str) -> dict:
    """Why an input failed, in Arabic, the machine's own words quoted after it (ingest.reasons)."""
    from articles.ingest.reasons import in_arabic

    return {"reason": in_arabic(reason or "")}

"""Country names in Arabic, from CLDR (Babel): outlets keep ISO 3166 codes, readers see names."""

from functools import lru_cache

from babel import Locale


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    return dict(Locale("ar").territories)


def country_name(code: str | None) -> str:
    """«السعودية» for SA; an unknown code is shown as it is."""
    if not code:
        return ""
    return _names().get(code.upper(), code)


def country_choices() -> list[tuple[str, str]]:
    """The countries of the archive's outlets, by their Arabic names, for a filter's choices."""
    from sources.models import Outlet

    # order_by() clears the outlets' ordering by name, which DISTINCT would otherwise include.
    codes = Outlet.objects.exclude(country="").order_by().values_list("country", flat=True).distinct()
    return sorted(((code, country_name(code)) for code in codes), key=lambda choice: choice[1])


def all_country_choices() -> list[tuple[str, str]]:
    """Every country CLDR names with a two-letter ISO code, by its Arabic name: an outlet's form."""
    countries = ((code, name) for code, name in _names().items() if len(code) == 2 and code.isalpha())
    return sorted(countries, key=lambda choice: choice[1])

"""Counted nouns, in Arabic's six plural forms, through Django's translation machinery.

Arabic agrees a noun with its number: «مقال واحد», «مقالان», «4 مقالات», «11 مقالاً», «100 مقال».
Each phrase here is an ngettext message whose Arabic forms are in locale/ar/LC_MESSAGES/django.po;
the catalogue's plural rule (n==0, 1, 2, 3-10, 11-99, else) chooses the form. Templates use the
`counted` filter (articles.templatetags.archive).
"""

from django.utils.translation import ngettext

NOUNS = {
    "article": lambda n: ngettext("%(count)s article", "%(count)s articles", n),
    "attribution": lambda n: ngettext("%(count)s attribution", "%(count)s attributions", n),
    "event": lambda n: ngettext("%(count)s event", "%(count)s events", n),
    "outlet": lambda n: ngettext("%(count)s outlet", "%(count)s outlets", n),
    "copy": lambda n: ngettext("%(count)s copy", "%(count)s copies", n),
    "word": lambda n: ngettext("%(count)s word", "%(count)s words", n),
    "result": lambda n: ngettext("%(count)s result", "%(count)s results", n),
    "failure": lambda n: ngettext("%(count)s failure", "%(count)s failures", n),
    "report": lambda n: ngettext("%(count)s report", "%(count)s reports", n),
    "source": lambda n: ngettext("%(count)s source", "%(count)s sources", n),
    "original article": lambda n: ngettext("%(count)s original article", "%(count)s original articles", n),
}


def counted(n: int, noun: str) -> str:
    """«4 مقالات»: a number with its noun in the form Arabic gives that number, its thousands
    marked with the Arabic separator («5٬000 نتيجة»)."""
    return NOUNS[noun](n) % {"count": number(n)}


def number(n: int) -> str:
    """A number with its thousands marked by the Arabic separator: «5٬000»."""
    return f"{n:,}".replace(",", ARABIC_THOUSANDS)


ARABIC_THOUSANDS = "٬"

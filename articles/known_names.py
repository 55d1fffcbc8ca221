"""Words known to be names, from reference lists rather than from how the archive writes them.

- Places: CLDR's Arabic names of countries and territories and of the cities it names for time
  zones (Babel), and the project's gazetteer (articles/search/gazetteer.py).
- People: the Arabic spellings of foreign personal names mined from Wikidata (CC0), read from
  ISNAD_PERSON_NAMES (by default ../shared/data/wikidata-person-names-en-ar.tsv beside the project).
  Without that file only the places and the gazetteer are known, and fewer words count as names.

Everything is folded as search folds it (articles.arabic.fold); a name written with the article
(السعودية، القاهرة) is known without it too.
"""

from __future__ import annotations

import logging
import os
from functools import lru_cache
from pathlib import Path

from articles.arabic import fold

logger = logging.getLogger(__name__)

DEFAULT_PERSON_NAMES = (
    Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "wikidata-person-names-en-ar.tsv"
)


def person_names_file() -> Path:
    return Path(os.environ.get("ISNAD_PERSON_NAMES") or DEFAULT_PERSON_NAMES)


def is_known_name(form: str) -> bool:
    """Whether a folded word (with or without its article) is a listed place or personal name."""
    known = known_names()
    return form in known or (form.startswith("ال") and form[2:] in known)


@lru_cache(maxsize=1)
def known_names() -> frozenset[str]:
    return place_names() | person_names()


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """One-word place names: CLDR's countries and time-zone cities in Arabic, and the gazetteer."""
    from babel import Locale

    from articles.search.gazetteer import GIVEN_NAMES, PLACE_NAMES

    cities = [zone["city"] for zone in Locale("ar").time_zones.values() if "city" in zone]
    one_word = countries() | {fold(name) for name in cities if " " not in name.strip()}
    return frozenset(_without_article(one_word) | GIVEN_NAMES | PLACE_NAMES)


@lru_cache(maxsize=1)
def countries() -> frozenset[str]:
    """CLDR's Arabic names of countries and territories that are one word, folded (Babel)."""
    from babel import Locale

    return frozenset(fold(name) for name in Locale("ar").territories.values() if " " not in name.strip())


@lru_cache(maxsize=1)
def person_names() -> frozenset[str]:
    """The Arabic side of the Wikidata list (a header line, then latin, arabic, count by tabs);
    empty, with a warning, when the file is not there."""
    path = person_names_file()
    try:
        lines = path.read_text(encoding="utf-8").splitlines()[1:]
    except OSError as error:
        logger.warning("Foreign personal names not read (%s): key names use place lists only.", error)
        return frozenset()
    spellings = (line.split("\t") for line in lines)
    return frozenset(fold(fields[1]) for fields in spellings if len(fields) >= 2 and fields[1].strip())


def _without_article(forms: set[str]) -> set[str]:
    return forms | {form[2:] for form in forms if form.startswith("ال") and len(form) > 4}

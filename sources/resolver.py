"""Resolve an outlet name or domain as written in an article to an Outlet of the gazetteer.

Matching folds Arabic spelling, strips quotes, generic words («موقع», «صحيفة», «وكالة», ...) and
nationality adjectives («الحياة» اللندنية → Al-Hayat), but always tries the full name first so
that «الشرق القطرية» stays Al-Sharq of Qatar rather than Asharq. A domain beats a name.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from django.utils.text import slugify

from articles.arabic import fold
from sources.models import Outlet, OutletKind, normalize_domain

GENERIC_PREFIXES = (
    "وكاله انباء", "وكاله الانباء", "وكاله", "موقع", "صحيفه", "جريده", "بوابه", "قناه", "شبكه",
    "مجله", "اذاعه", "تلفزيون", "فريق التحرير في", "فريق التحرير", "فريق", "مدونه",
)  # fmt: skip
NATIONALITIES = (
    "اللندنيه", "السعوديه", "اللبنانيه", "القطريه", "المصريه", "الاماراتيه", "الكويتيه", "الاردنيه",
    "البحرينيه", "العمانيه", "العراقيه", "السوريه", "اليمنيه", "السودانيه", "الليبيه", "التونسيه",
    "الجزائريه", "المغربيه", "الفلسطينيه", "الامريكيه", "الاميركيه", "البريطانيه", "الفرنسيه",
    "الروسيه", "الالمانيه", "التركيه", "الايرانيه", "الصينيه", "الاسرائيليه", "الرسميه", "للانباء",
)  # fmt: skip
# A host name, matched whole against one token (never searched for in a long text: nested
# repetitions over a 60 KB run of letters and dots backtrack for minutes).
HOST = re.compile(r"(?:[a-z0-9-]{1,63}\.){1,8}[a-z]{2,63}", re.IGNORECASE)
MAX_HOST = 253
MAX_NAME_WORDS = 6
MAX_NAME_CHARS = 80  # longer is a phrase or a run-on, not the name of an outlet


def name_key(name: str) -> str:
    return fold(name).strip(" .:-–—_*()[]")


def skeleton(name: str) -> str:
    """A name's consonants: spellings of a foreign name differ in their long vowels and spaces."""
    return re.sub(r"[اويء\s.\-]", "", name_key(name))


MIN_SKELETON = 7


def placeholder_key(name: str) -> str:
    """Two spellings of one unknown outlet's name, as one key: without an outlet type in front, an
    article («الديلي ميل», «ذا تايمز», «The Sun»), dots or spaces in an abbreviation («إيه.بي.سي»,
    «إيه بي سي»), a doubled long vowel («حرييت»), a descriptor at the end («… البريطانية»)."""
    key = name_key(re.sub(r"[.\-–—_]", " ", name))
    for prefix in GENERIC_PREFIXES:
        if key.startswith(prefix + " "):
            key = key[len(prefix) + 1 :]
            break
    words = key.split()
    while len(words) > 1 and (words[-1] in NATIONALITIES or (words[-1].endswith("يه") and words[-1].startswith("ال"))):
        words.pop()
    if words and words[0] in ("ذا", "ذي", "the"):
        words = words[1:]
    if words and words[0].startswith("ال") and len(words[0]) > 4:
        words[0] = words[0][2:]
    if all(len(w) <= 3 for w in words):  # an abbreviation spelt letter by letter: «إن بي سي»
        words = ["".join(words)]
    return re.sub(r"([اوي])\1+", r"\1", " ".join(words))


def host_of(text: str) -> str | None:
    """The host name of a URL, or the first word of a short text that is one («sabq.org»)."""
    text = text.strip()
    if "://" in text[:12]:
        try:
            return urlsplit(text[:2000]).hostname
        except ValueError:
            return None
    for word in text[:300].split():
        word = word.split("/", 1)[0].strip(".,:;()[]«»\"'")
        if len(word) <= MAX_HOST and HOST.fullmatch(word):
            return word
    return None


class OutletResolver:
    """An in-memory index of the gazetteer; one per ingest run."""

    def __init__(self, *, create_placeholders: bool = True):
        self.create_placeholders = create_placeholders
        self.placeholders_made = 0
        self.by_name: dict[str, list[Outlet]] = {}
        self.by_domain: dict[str, Outlet] = {}
        self.placeholders: dict[str, Outlet] = {}  # placeholder_key -> an outlet not yet reviewed
        self.skeletons: dict[str, list[Outlet]] = {}  # long names' consonants -> gazetteer outlets
        self._found: dict[str, list[Outlet]] = {}  # candidates() by name, until the index changes
        # What a gazetteer name can begin with, for could_start(): first words of its keys, and
        # the first three consonants of its long names' skeletons.
        self.first_words: set[str] = {prefix.split()[0] for prefix in GENERIC_PREFIXES} | {"الرسميه"}
        self.skeleton_starts: set[str] = set()
        for outlet in Outlet.objects.prefetch_related("domains").order_by("id"):
            self._index(outlet)

    def _index(self, outlet: Outlet) -> None:
        self._found.clear()
        for name in {outlet.name_ar, outlet.name_latin, *outlet.aliases} - {""}:
            if not outlet.is_placeholder and name_key(name):
                self.first_words.add(name_key(name).split()[0])
                self.first_words.add(re.split(r"[\s.]", name_key(name), maxsplit=1)[0])
                if len(skeleton(name)) >= MIN_SKELETON:
                    self.skeleton_starts.add(skeleton(name)[:3])
            bucket = self.by_name.setdefault(name_key(name), [])
            if outlet not in bucket:
                bucket.append(outlet)
            if outlet.is_placeholder:
                self.placeholders.setdefault(placeholder_key(name), outlet)
            elif len(skeleton(name)) >= MIN_SKELETON:
                bucket = self.skeletons.setdefault(skeleton(name), [])
                if outlet not in bucket:
                    bucket.append(outlet)
        for domain in outlet.domains.all() if outlet.pk else []:
            self.by_domain[domain.domain] = outlet

    def by_url(self, url_or_domain: str) -> Outlet | None:
        """The outlet owning a URL's domain, or a parent domain (arabic.cnn.com → cnn.com)."""
        host = host_of(url_or_domain or "")
        if not host:
            return None
        domain = normalize_domain(host)
        while domain.count(".") >= 1:
            if domain in self.by_domain:
                return self.by_domain[domain]
            domain = domain.split(".", 1)[1]
        return None

    def could_start(self, word: str) -> bool:
        """False when no gazetteer outlet's name (placeholders aside) can begin with this word, so
        the reader need not try the names that do. Mirrors the variants _keys() and skeleton()
        read: a leading article dropped, dots read as spaces, the consonants of a long name."""
        key = name_key(word)
        first = re.split(r"[\s.]", key, maxsplit=1)[0]
        if not first or first in self.first_words or (first.startswith("ال") and first[2:] in self.first_words):
            return True
        consonants = skeleton(word)
        return len(consonants) < 3 or consonants[:3] in self.skeleton_starts

    def candidates(self, name: str) -> list[Outlet]:
        """Gazetteer outlets this name can mean, best first; [] when it names none."""
        found = self._found.get(name)
        if found is None:
            if len(self._found) > 100_000:
                self._found.clear()
            found = self._found[name] = self._candidates(name)
        return found

    def _candidates(self, name: str) -> list[Outlet]:
        for key in self._keys(name):
            if key in self.by_name:
                return self.by_name[key]
        # «أسوشييتدبريس» is «أسوشيتد برس»: a long name's consonants, when one outlet has them.
        loose = self.skeletons.get(skeleton(name), []) if len(skeleton(name)) >= MIN_SKELETON else []
        if len(set(loose)) == 1:
            return loose
        placeholder = self.placeholders.get(placeholder_key(name))
        return [placeholder] if placeholder is not None else []

    def match(self, name: str, *, prefer: Outlet | None = None) -> Outlet | None:
        """The outlet a name means; `prefer` (the article's publisher) wins among ambiguous ones."""
        found = self.candidates(name)
        if prefer is not None and prefer in found:
            return prefer
        return found[0] if found else None

    def resolve(self, name: str, *, prefer: Outlet | None = None, create: bool = True) -> Outlet | None:
        """The outlet a name or domain means; with `create`, an unknown name becomes a placeholder
        outlet for an editor to review."""
        outlet = self.match(name, prefer=prefer) or self.by_url(name)
        key = name_key(name)
        if outlet or not create or not key or len(key.split()) > MAX_NAME_WORDS or len(key) > MAX_NAME_CHARS:
            return outlet
        return self._placeholder(self._clean_name(name))

    def _keys(self, name: str):
        key = name_key(name)
        yield key
        undotted = name_key(re.sub(r"(?<=\S)\.(?=\S)", " ", name))
        if undotted != key:  # «سي.إن.إن» is «سي إن إن»
            yield undotted
            key = undotted
        stripped = key
        for prefix in GENERIC_PREFIXES:
            if stripped.startswith(prefix + " "):
                stripped = stripped[len(prefix) + 1 :]
                yield stripped
        # «وكالة الأنباء الرسمية السورية»: «official» says nothing about which outlet it is.
        unofficial = " ".join(word for word in key.split() if word != "الرسميه")
        if unofficial != key:
            yield unofficial
        for base in dict.fromkeys([key, stripped, unofficial]):
            words = base.split()
            while len(words) > 1 and words[-1] in NATIONALITIES:
                words = words[:-1]
                yield " ".join(words)
        if stripped.startswith("ال") and len(stripped.split()[0]) > 4:
            yield stripped[2:]  # «الجوهرة اف ام» is «جوهرة أف أم»

    @staticmethod
    def _clean_name(name: str) -> str:
        return " ".join(re.sub(r"[«»“”\"'″″]", " ", name).split()).strip(" .:-–—*")

    def _placeholder(self, name: str) -> Outlet:
        slug = slugify(name, allow_unicode=True)[:110] or "outlet"
        if not self.create_placeholders:
            outlet = Outlet(name_ar=name, slug=slug, is_placeholder=True)
        else:
            outlet, made = Outlet.objects.get_or_create(
                slug=slug, defaults={"name_ar": name, "is_placeholder": True, "kind": OutletKind.UNKNOWN}
            )
            self.placeholders_made += made
        self._index(outlet)
        return outlet

"""Reading an outlet's name where a cue says one begins.

What a name is made of, in order: an optional outlet type («موقع», «صحيفة», «وكالة الأنباء»),
never the name itself; then the name, bounded by quotes when there are quotes, by the longest
name the gazetteer knows when there is one (but «النهار نيوز» is not «النهار»: a word that
continues a name makes it another one), and otherwise by the first word that cannot be part of
a name (a function word, a time word, a word with a preposition joined to it, a verb of the
note); then an optional descriptor («اللندنية», «الإلكترونية», «الأمريكية»), never part of an
unknown name. «وكالات» names no outlet: it is an unnamed credit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from articles.arabic import fold
from articles.ingest.cues import lexicon

OPEN_QUOTES = "\"'«“”„‘’″(["
CLOSE_QUOTES = "\"'»”“″’)]"
DOMAIN = re.compile(r"(?:https?://)?(?:www\.)?(?:[a-z0-9-]{1,63}\.){1,8}[a-z]{2,63}(?:/\S{0,300})?", re.IGNORECASE)
TOKEN = re.compile(r"[^\s،,:;؛()\[\]«»\"“”″'’‘!?؟]+")
BOUNDARY = re.compile(r"[،,:;؛()\[\]«»\"“”″!?؟\n]|\.(?:\s|$)|\s[-–—+/|]\s")
SKIP = re.compile(r"[\s:：\-–—]*")
MAX_UNKNOWN_WORDS = 4
MAX_KNOWN_WORDS = 7
# Words that join a preposition or the article with a conjunction: never inside a name
# («للتقرير», «بالتأكد», «والمسؤولية»); a name may begin so only when the gazetteer knows it.
JOINED = re.compile(r"^(?:لل|بال|وال|فال|كال)")
# A conjunction before a word that starts the next clause: «… ولا يعبر», «… وقد تم».
CLAUSE = {fold(w) for w in ("ولا", "وقد", "وأن", "وان", "وإن", "وهو", "وهي", "وذلك", "وقال", "وقالت", "وتم", "وكان",
                            "وكانت", "وفي", "ومن", "وعلى", "وعن", "ومع", "ويعد", "ويذكر", "وتعد", "وليس", "ولم", "ولن")}  # fmt: skip


@dataclass
class Name:
    text: str
    start: int
    end: int  # after the descriptor, if any: the evidence runs to here
    quoted: bool = False
    known: bool = False  # the gazetteer knows it
    typed: bool = False  # an outlet type stood before it
    unnamed: bool = False  # «وكالات»: agencies, none named


def read_outlet(text: str, position: int, names, *, max_words: int = MAX_UNKNOWN_WORDS) -> Name | None:
    """The outlet a cue at `position` names, or None when what follows is no outlet."""
    words = lexicon()
    start = SKIP.match(text, position).end()
    domain = DOMAIN.match(text, start, start + 400)
    if domain and "." in domain.group(0):
        return Name(domain.group(0), domain.start(), domain.end(), known=bool(names.by_url(domain.group(0))))
    unnamed = _unnamed(text, start)
    if unnamed:
        return unnamed
    typed = words.types.match(text, start)
    after = typed.end() if typed else start
    if typed:  # «وكالة الأنباء الرسمية "وات"»: a descriptor may stand between the type and the name
        described = re.match(r"([^\s«\"“(]+)\s*(?=[«\"“(])", text[after : after + 40])
        if described and fold(described.group(1)) in words.descriptors:
            after += described.end()
    if (after < len(text) and text[after] in OPEN_QUOTES and text[after] not in "([") or (
        after < len(text) and text[after] in "([" and typed
    ):
        quoted = _quoted(text, after, names, typed)
        if quoted:
            return quoted
    tokens = _tokens(text, after)
    if not tokens:
        return None
    known = _known(text, start if typed else after, after, tokens, names, typed)
    if known:
        return known
    corporation = _corporation(text, tokens)
    if corporation:
        return corporation
    if fold(tokens[0][0]) in words.institutions:
        return None  # «موقع وزارة التعليم»: an institution's site, no outlet
    if typed and typed.group(0).startswith("ال"):
        return None  # «الوكالة الدعائية»: a definite type is described, not named, by what follows
    if typed and _indefinite_adjective(fold(tokens[0][0])):
        return None  # «فضائية محلية», «صحيفة أمريكية»: a description, no name
    return _unknown(text, tokens, typed, max_words)


def _corporation(text: str, tokens) -> Name | None:
    """«هيئة الإذاعة والتلفزيون اليابانية»: a public broadcaster named by what it is and its nation."""
    folded = [fold(word) for word, _, _ in tokens]
    for phrase in lexicon().corporations:
        size = len(phrase)
        if tuple(folded[:size]) == phrase and len(folded) > size and _nationality(folded[size]):
            end = tokens[size][2]
            return Name(text[tokens[0][1] : end], tokens[0][1], end, typed=True)
    return None


def _indefinite_adjective(word: str) -> bool:
    """«محلية», «أمريكية», «تلفزيونية» (folded): a feminine adjective without the article."""
    return word.endswith("يه") and not word.startswith("ال") and len(word) >= 5


def _nationality(word: str) -> bool:
    """«اليابانية», «الماليزية»: a listed descriptor or any feminine nisba adjective."""
    return word in lexicon().descriptors or (word.startswith("ال") and word.endswith("يه") and len(word) > 5)


def _unnamed(text: str, start: int) -> Name | None:
    words = lexicon()
    for size in (3, 2, 1):
        tokens = _tokens(text, start)[:size]
        if len(tokens) == size and fold(" ".join(t for t, _, _ in tokens)) in words.unnamed:
            return Name(text[tokens[0][1] : tokens[-1][2]], tokens[0][1], tokens[-1][2], unnamed=True)
    return None


def _quoted(text: str, position: int, names, typed) -> Name | None:
    begin = position
    while begin < len(text) and text[begin] in OPEN_QUOTES:
        begin += 1
    end = begin
    while end < len(text) and text[end] not in CLOSE_QUOTES and text[end] != "\n" and end - begin < 80:
        end += 1
    if end >= len(text) or text[end] not in CLOSE_QUOTES or end == begin:
        return None
    inner = text[begin:end].strip()
    if not inner or fold(inner) in lexicon().never_names:
        return None
    close = end + 1
    descriptor = _descriptor_end(text, close)
    with_type = f"{typed.group(0).strip()} {inner}" if typed else ""
    known = bool(names.candidates(inner) or (with_type and names.candidates(with_type)))
    # «"الشرق" القطرية»: the descriptor tells the outlet apart, so the name is read with it.
    if descriptor > close and names.candidates(f"{inner} {text[close:descriptor].strip()}"):
        inner = f"{inner} {text[close:descriptor].strip()}"
    return Name(inner, begin, max(descriptor, close), quoted=True, known=known, typed=bool(typed))


def _tokens(text: str, position: int) -> list[tuple[str, int, int]]:
    """The words from `position` up to the first punctuation that ends a name, at most eight."""
    limit = BOUNDARY.search(text, position, position + 200)
    end = limit.start() if limit else min(len(text), position + 200)
    found = []
    for match in TOKEN.finditer(text, position, end):
        word = match.group(0).rstrip(".")
        found.append((word, match.start(), match.start() + len(word)))
        if len(found) == 8:
            break
    return found


def _known(text, name_start, after, tokens, names, typed) -> Name | None:
    """The longest run of words from the start that the gazetteer knows, with or without the type."""
    words = lexicon()
    for count in range(min(len(tokens), MAX_KNOWN_WORDS), 0, -1):
        run = text[tokens[0][1] : tokens[count - 1][2]]
        typed_run = text[name_start : tokens[count - 1][2]] if typed else ""
        found = names.candidates(typed_run) if typed_run else []
        found = found or names.candidates(run)
        if not found:
            continue
        following = fold(tokens[count][0]) if count < len(tokens) else ""
        if following and _continues(following, words):
            return None  # «النهار نيوز»: another outlet than «النهار»
        end = tokens[count - 1][2]
        begin = name_start if typed_run and names.candidates(typed_run) else tokens[0][1]
        return Name(text[begin:end], begin, _descriptor_end(text, end), known=True, typed=bool(typed))
    return None


def _continues(word: str, words) -> bool:
    return word in words.continuations or word.isdigit() or (word.isascii() and word.isalpha())


def _unknown(text, tokens, typed, max_words) -> Name | None:
    words = lexicon()
    kept = []
    for index, (word, start, end) in enumerate(tokens):
        folded = fold(word)
        if index == 0 and (
            len(re.findall(r"[^\W\d_]", folded)) < 2
            or (_joined_preposition(folded) and not typed)
            or folded in words.descriptors
        ):
            break  # a name never starts with a number («البيان، 3 يناير», «ص120»), «لدخلها» or «الروسي»
        following = fold(tokens[index + 1][0]) if index + 1 < len(tokens) else ""
        if index and folded in words.stops:
            if folded in words.continuations and (not following or following in words.descriptors):
                kept.append((word, start, end))  # «الإمارات اليوم الإماراتية», «المصري اليوم»
                continue
            break
        if index and folded in words.continuations:
            kept.append((word, start, end))  # «أخبار الآن», «عربي 21»
            continue
        if index and folded in words.descriptors:
            break
        if index and ("\u064b" in word or _joined_preposition(folded) or (kept[0][0].isascii() and not word.isascii())):
            break  # «حواراً» (an object), «بسرقة» (a preposition joined), Arabic after a Latin name
        if folded in words.stops or (JOINED.match(folded) and not (index == 0 and typed)):
            break
        if index and (folded in CLAUSE or (folded.startswith("و") and folded[1:] in words.stops)):
            break
        kept.append((word, start, end))
        if len(kept) == max_words:
            break
    if not kept:
        return None
    name = text[kept[0][1] : kept[-1][2]]
    folded = fold(name)
    # «مجلة المجلة» is a name; «موقع التواصل الاجتماعي» is not.
    if folded in words.never_names and not (typed and folded == "ال" + fold(typed.group(0).strip())):
        return None
    if folded in words.descriptors or folded.isdigit():
        return None
    return Name(name, kept[0][1], _descriptor_end(text, kept[-1][2]), typed=bool(typed))


def _joined_preposition(word: str) -> bool:
    """«بسرقة», «لتتحول», «كمصدر»: a preposition joined to a word, inside what would be a name."""
    return len(word) >= 5 and word[0] in "بلك" and not word.startswith(("بي", "بو", "با", "لو", "لا", "كو", "كا"))


def _descriptor_end(text: str, position: int) -> int:
    """After a name: the end of a descriptor that follows it («اللندنية»), or the position."""
    match = re.match(r"\s+([^\s،,:;()«»\"“”.]+)", text[position : position + 40])
    if match and fold(match.group(1)) in lexicon().descriptors:
        return position + match.end()
    return position

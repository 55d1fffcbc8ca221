"""Mine the corpus for the words that stand before known outlet names: the cues a reader of
attributions should know. `python -m evaluation.mine_cues [--top N]` prints the most frequent
one-, two- and three-word contexts (folded) before a gazetteer name, with a count and an example.
"""

import json
import lzma
import os
import re
import sys
from collections import Counter
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "arabic-news-75k.jsonl.xz"
WORD = re.compile(r"[\w\u0600-\u06ff]+")


def main() -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    os.environ.setdefault("DJANGO_DEBUG", "1")
    import django

    django.setup()
    from articles.arabic import fold
    from sources.models import Outlet

    top = int(sys.argv[sys.argv.index("--top") + 1]) if "--top" in sys.argv else 60
    names = set()
    for outlet in Outlet.objects.filter(is_placeholder=False):
        for name in [outlet.name_ar, *outlet.aliases]:
            folded = fold(name).strip()
            if len(folded) >= 3 and not folded.isascii():
                names.add(folded)
    pattern = re.compile(
        r"(?<![\w\u0600-\u06ff])[\"«“']?("
        + "|".join(sorted(map(re.escape, names), key=len, reverse=True))
        + r")(?![\w\u0600-\u06ff])"
    )
    contexts = {1: Counter(), 2: Counter(), 3: Counter()}
    examples: dict = {}
    with lzma.open(CORPUS, "rt", encoding="utf-8") as stream:
        for line in stream:
            text = fold(json.loads(line)["text"] or "")
            for match in pattern.finditer(text):
                before = WORD.findall(text[max(0, match.start() - 60) : match.start()])
                for size in (1, 2, 3):
                    if len(before) >= size:
                        key = " ".join(before[-size:])
                        contexts[size][key] += 1
                        examples.setdefault(
                            (size, key), text[max(0, match.start() - 40) : match.end() + 20].replace("\n", " ")
                        )
    for size, counts in contexts.items():
        print(f"## {size} word(s) before a known outlet name")
        for key, n in counts.most_common(top):
            print(f"{n:6}  {key}    | {examples[(size, key)]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

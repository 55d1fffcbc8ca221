"""Whether a word that starts with a proclitic's letter is used as that letter and the rest.

Search reads بقيادة as ب + قيادة when the archive writes قيادة alone far more often (compile.meant);
counts alone also read بايدن (Biden) as ب + ايدن (Eden Hazard), كروس (Kroos) as ك + روس, لوبان (Le
Pen) as ل + وبان. The word vectors (usage.py) tell them apart: a word and its bare form are used
alike where the letter is a proclitic (بولاية/ولاية 0.82, لبوتين/بوتين 0.73, بقيادة/قيادة 0.50) and
apart where it is the name's own (بايدن/ايدن 0.34, لوبان/وبان 0.33, بيليه/يليه 0.27). The nightly
learning stores that cosine on the vocabulary (SearchTerm.bare_usage); search reads it.
"""

from __future__ import annotations

from django.db import connection, transaction

from articles.search.analysis import PROCLITICS
from articles.spellings.learning import RULES_MIN_USES as MIN_USES  # both forms' uses for a cosine to be read


def bare_usages(vectors, uses) -> dict[str, float]:
    """{form: cosine of the form and the form without its first letter} for every form starting
    with a proclitic's letter whose two forms are both used enough."""
    found = {}
    for form in vectors.key_to_index:
        bare = form[1:]
        measured = bare in vectors.key_to_index and min(uses[form], uses[bare]) >= MIN_USES
        if form[0] in PROCLITICS and len(bare) >= 2 and measured:
            found[form] = round(float(vectors.similarity(form, bare)), 3)
    return found


@transaction.atomic
def save(usages: dict[str, float]) -> int:
    """Write them to the vocabulary, every other form's cleared; how many were written."""
    forms = sorted(usages)
    with connection.cursor() as cursor:
        cursor.execute("UPDATE articles_searchterm SET bare_usage = NULL WHERE bare_usage IS NOT NULL")
        cursor.execute(
            "UPDATE articles_searchterm AS t SET bare_usage = u.usage "
            "FROM unnest(%s::text[], %s::float8[]) AS u(form, usage) WHERE t.form = u.form",
            [forms, [usages[f] for f in forms]],
        )
        return cursor.rowcount

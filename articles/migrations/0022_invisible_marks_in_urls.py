"""Articles whose URLs differ only by marks a reader cannot see (a left-to-right mark copied into
an Arabic slug) are one article.

canonical_url now drops those marks. Articles saved before keep theirs: each is moved to its
address without them, and merged into the article already there, as 0019 did for tracking
parameters (56 such twins in the corpus, every one with the same corpus id as the article kept).
"""

import importlib

from django.db import migrations

from articles.arabic import INVISIBLE


def forwards(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    canonical_urls = importlib.import_module("articles.migrations.0019_canonical_urls")
    canonical_urls.move_to_canonical_urls(apps, Article.objects.filter(url__regex=INVISIBLE.pattern))


class Migration(migrations.Migration):
    dependencies = [("articles", "0021_spelling_pairs")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]

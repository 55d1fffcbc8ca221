"""Fingerprints are now 64-bit digests (see articles.provenance.shingles): store them again.

Shared texts already found stay (they were measured on the whole texts); only the candidate
index changes, so new articles keep meeting the old ones.
"""

from django.db import migrations


def refingerprint(apps, schema_editor):
    from articles.provenance.reuse import copy_fingerprints

    Article = apps.get_model("articles", "Article")
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("DELETE FROM articles_fingerprint")
        copy_fingerprints(cursor, Article.objects.values_list("pk", "body").iterator(chunk_size=2000))


class Migration(migrations.Migration):
    dependencies = [("articles", "0008_event_postings")]

    operations = [migrations.RunPython(refingerprint, migrations.RunPython.noop)]

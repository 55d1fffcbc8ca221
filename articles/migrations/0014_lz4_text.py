"""Articles' long texts (body, raw input, page text, search vector) are compressed with LZ4.

PostgreSQL compresses every value over 2 kB before storing it out of line, with pglz unless told
otherwise. Saving a batch of 250 corpus articles took 460 ms with pglz and 355 ms with LZ4. LZ4
reads back faster too, which phrase searches need (each candidate's whole vector is read): two
phrase searches on the corpus took 38 and 46 ms against 46 and 52 (other queries the same; at a
million articles the benchmark's spread hides any difference). Values stored before keep their
compression (PostgreSQL reads both) until they are written again. A server built without LZ4
keeps pglz.
"""

from django.db import migrations

COLUMNS = {
    "articles_article": ["body", "raw", "source_text", "search_vector", "search_head"],
    "articles_articleversion": ["body", "raw"],
}


def compress_with(method: str):
    def apply(apps, schema_editor):
        with schema_editor.connection.cursor() as cursor:
            cursor.execute(
                "SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY(enumvals)"
            )
            if cursor.fetchone() is None:
                return
            for table, columns in COLUMNS.items():
                alter = ", ".join(f"ALTER COLUMN {column} SET COMPRESSION {method}" for column in columns)
                cursor.execute(f"ALTER TABLE {table} {alter}")

    return apply


class Migration(migrations.Migration):
    dependencies = [("articles", "0013_index_tables_unchecked")]

    operations = [migrations.RunPython(compress_with("lz4"), compress_with("pglz"))]

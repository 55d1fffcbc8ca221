"""A RUM index over the title-and-lead vector that also holds each article's publication date.

The date is a column of its own (`search_date`, generated from `published_at`): were the index
over `published_at`, the planner would read it for a date range (a quarter of the million-article
archive: 290 ms, against 14 from the date index).

A broad search ranks its most recent headline matches only (articles.search.engine). GIN finds
the matches but knows no dates: each one is read from the table to sort them (ترامب, 28,000 rows
at a million articles). RUM returns them in date order, so only the most recent are read. It
holds dated articles only: undated ones have no place in a date order (they come last), and each
article the index holds costs about a millisecond more to save.

RUM is an extension (Debian: postgresql-15-rum, installed by scripts/install-rum). Where the
server lacks it, or cannot load it, the migration says so and creates nothing; searches then sort
the matches themselves, as before (articles.search.recency.dated_headlines_index).
"""

import sys

from django.db import DatabaseError, migrations, models, transaction

INDEX = "article_head_dated"
CREATE = (
    f"CREATE INDEX IF NOT EXISTS {INDEX} ON articles_article "
    "USING rum (search_head rum_tsvector_addon_ops, search_date) "
    "WITH (attach = 'search_date', to = 'search_head') WHERE search_date IS NOT NULL"
)


def forwards(apps, schema_editor):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_available_extensions WHERE name = 'rum'")
        if not cursor.fetchone():
            return _skipped("the server has no RUM extension (Debian: postgresql-15-rum)")
        try:
            with transaction.atomic(using=connection.alias):
                cursor.execute("CREATE EXTENSION IF NOT EXISTS rum")
                cursor.execute(CREATE)
        except DatabaseError as error:
            return _skipped(f"RUM could not be used: {str(error).strip()}")


def backwards(apps, schema_editor):
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(f"DROP INDEX IF EXISTS {INDEX}")


def _skipped(reason: str) -> None:
    print(
        f"\n  articles 0023: no date-ordered headline index: {reason}. Searches work without it; "
        "broad ones are slower on a large archive. To add it later: restart the database after "
        "installing the extension, then `manage.py migrate articles 0022 && manage.py migrate`.",
        file=sys.stderr,
    )


class Migration(migrations.Migration):
    dependencies = [("articles", "0022_invisible_marks_in_urls")]

    operations = [
        migrations.AddField(
            model_name="article",
            name="search_date",
            field=models.GeneratedField(
                db_persist=True, expression=models.F("published_at"), output_field=models.DateTimeField(null=True)
            ),
        ),
        migrations.RunPython(forwards, backwards),
    ]

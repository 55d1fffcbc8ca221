"""The title-and-lead vector is kept in the article row (STORAGE MAIN), no longer in TOAST.

Ranking and the broad queries' most recent matches read it for thousands of rows; stored out of
line, each read cost a TOAST index lookup and its chunks (about three page reads a row). A phrase
in titles and leads on the corpus went from 8.8 to 3.2 ms. The rows already stored are rewritten
once (VACUUM FULL: 21 s at 75k articles, minutes at a million, with the table locked meanwhile).
"""

from django.db import migrations


class Migration(migrations.Migration):
    atomic = False  # VACUUM cannot run in a transaction

    dependencies = [("articles", "0011_sound_skeletons")]

    operations = [
        migrations.RunSQL(
            "ALTER TABLE articles_article ALTER COLUMN search_head SET STORAGE MAIN",
            "ALTER TABLE articles_article ALTER COLUMN search_head SET STORAGE EXTENDED",
        ),
        migrations.RunSQL("VACUUM FULL articles_article", migrations.RunSQL.noop),
        migrations.RunSQL("ANALYZE articles_article", migrations.RunSQL.noop),
    ]

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0025_search_terms_by_lexeme"),
    ]

    operations = [
        migrations.AddField(
            model_name="searchterm",
            name="written_count",
            field=models.PositiveIntegerField(default=0, verbose_name="عدد المقالات كلمةً مستقلة"),
        ),
        # Until the next recount (index_search --recount) a form counts as written wherever it is
        # seen, as query reading counted it before: no bare reading is lost in between.
        migrations.RunSQL(
            "UPDATE articles_searchterm SET written_count = article_count", reverse_sql=migrations.RunSQL.noop
        ),
    ]

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0027_bare_usage"),
    ]

    operations = [
        migrations.AddField(
            model_name="searchterm",
            name="with_article_count",
            field=models.PositiveIntegerField(default=0, verbose_name="عدد المقالات بأل وحدها"),
        ),
        # Until the next recount (index_search --recount) a form counts as written with the article
        # wherever it takes one, as query reading counted it before: no reading is lost in between.
        migrations.RunSQL(
            "UPDATE articles_searchterm SET with_article_count = definite_count", reverse_sql=migrations.RunSQL.noop
        ),
    ]

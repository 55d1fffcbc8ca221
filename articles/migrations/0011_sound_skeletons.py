"""The vocabulary is looked up by sound skeletons now (articles.search.analysis.sound_skeleton):
انجلترا and انكلترا share one, where their plain skeletons differ. Store them again."""

from django.db import migrations

CHUNK = 20_000


def store_sound_skeletons(apps, schema_editor):
    from articles.search.analysis import sound_skeleton

    SearchTerm = apps.get_model("articles", "SearchTerm")
    forms = list(SearchTerm.objects.values_list("form", flat=True))
    with schema_editor.connection.cursor() as cursor:
        for start in range(0, len(forms), CHUNK):
            chunk = forms[start : start + CHUNK]
            cursor.execute(
                "UPDATE articles_searchterm AS t SET skeleton = s.skeleton "
                "FROM unnest(%s::text[], %s::text[]) AS s(form, skeleton) "
                "WHERE t.form = s.form AND t.skeleton <> s.skeleton",
                [chunk, [sound_skeleton(f) for f in chunk]],
            )


class Migration(migrations.Migration):
    dependencies = [("articles", "0010_drop_event_signature_index")]

    operations = [migrations.RunPython(store_sound_skeletons, migrations.RunPython.noop)]

"""Spellings of agencies seen in the corpus (e.g. «وكالة الأنباء البحرينية», «أر آي أيه»)."""

from django.db import migrations

from sources.migrations._gazetteer import load_gazetteer


class Migration(migrations.Migration):
    dependencies = [("sources", "0002_gazetteer")]
    operations = [migrations.RunPython(load_gazetteer, migrations.RunPython.noop)]

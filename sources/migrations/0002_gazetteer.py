"""Load the built-in gazetteer of outlets (sources/data/gazetteer.json); editors edit it in the admin."""

from django.db import migrations

from sources.migrations._gazetteer import load_gazetteer


class Migration(migrations.Migration):
    dependencies = [("sources", "0001_initial")]
    operations = [migrations.RunPython(load_gazetteer, migrations.RunPython.noop)]

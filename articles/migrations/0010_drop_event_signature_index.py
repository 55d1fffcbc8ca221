"""The events' inverted index is EventPosting; this GIN index was kept up at every write and read by nothing."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0009_fingerprint_digests"),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="article",
            name="article_event_signature",
        ),
    ]

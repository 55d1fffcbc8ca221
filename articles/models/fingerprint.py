"""Each article's sampled shingle hashes (articles.provenance.shingles), to find shared text."""

from django.db import models


class Fingerprint(models.Model):
    """One sampled shingle hash of one article. Written with COPY, read through its primary key.

    An index of the articles' text, rebuilt from them, so the database does not check each row's
    article (an ingest batch writes some 16,000 rows; the checks cost a tenth of provenance's
    time). Deleting an article deletes its fingerprints all the same (Django's cascade), and
    readers ignore any article that is gone.
    """

    pk = models.CompositePrimaryKey("hash", "article")
    hash = models.BigIntegerField()
    article = models.ForeignKey("articles.Article", on_delete=models.CASCADE, related_name="+", db_constraint=False)

    class Meta:
        verbose_name = "بصمة نص"
        verbose_name_plural = "بصمات النصوص"

    def __str__(self):
        return f"{self.article_id}: {self.hash}"

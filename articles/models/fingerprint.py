"""Each article's sampled shingle hashes (articles.provenance.shingles), to find shared text."""

from django.db import models


class Fingerprint(models.Model):
    """One sampled shingle hash of one article. Written with COPY, read through its primary key."""

    pk = models.CompositePrimaryKey("hash", "article")
    hash = models.BigIntegerField()
    article = models.ForeignKey("articles.Article", on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = "بصمة نص"
        verbose_name_plural = "بصمات النصوص"

    def __str__(self):
        return f"{self.article_id}: {self.hash}"

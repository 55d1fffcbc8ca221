"""The events' inverted index: each article's signature terms, with its time."""

from django.db import models


class EventPosting(models.Model):
    """One term of an article's signature (articles.events.signature), dated like the article.

    Finding the articles near in time that share a term is an index-only scan of (term, at),
    whatever the archive's size; the articles themselves are read only for the best few. Like
    the fingerprints, an index rebuilt from the articles: the database does not check each row's
    article, Django's cascade deletes them with it.
    """

    pk = models.CompositePrimaryKey("term", "article")
    term = models.CharField(max_length=100)
    article = models.ForeignKey("articles.Article", on_delete=models.CASCADE, related_name="+", db_constraint=False)
    at = models.DateTimeField(null=True)

    class Meta:
        verbose_name = "مدخل فهرس الأحداث"
        verbose_name_plural = "فهرس الأحداث"
        indexes = [models.Index(fields=["term", "at"], include=["article"], name="event_posting_term_at")]

    def __str__(self):
        return f"{self.term}: {self.article_id}"

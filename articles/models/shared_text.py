"""Text shared by two articles of different outlets: found by comparing their words."""

from django.db import models


class SharedText(models.Model):
    """Two articles sharing runs of words, with the share of each found in the other.

    A pair is stored once, the lower id first. Which of the two copied the other is not said here:
    it comes from evidence (articles.provenance.direction) and is recorded as an Attribution.
    """

    first = models.ForeignKey("articles.Article", on_delete=models.CASCADE, related_name="+", verbose_name="الأول")
    second = models.ForeignKey("articles.Article", on_delete=models.CASCADE, related_name="+", verbose_name="الثاني")
    first_in_second = models.FloatField("نسبة الأول الموجودة في الثاني")
    second_in_first = models.FloatField("نسبة الثاني الموجودة في الأول")
    shared_shingles = models.PositiveIntegerField("المقاطع المشتركة", help_text="عدد سلاسل الكلمات الخماسية المشتركة")
    # The longest shared passage, as word positions in the first article's folded words.
    passage_start = models.PositiveIntegerField("بداية أطول مقطع مشترك (رقم الكلمة)", default=0)
    passage_end = models.PositiveIntegerField("نهايته (رقم الكلمة)", default=0)
    found_at = models.DateTimeField("اكتُشف في", auto_now=True)

    class Meta:
        verbose_name = "نص مشترك"
        verbose_name_plural = "النصوص المشتركة"
        constraints = [
            models.UniqueConstraint(fields=["first", "second"], name="shared_text_pair_unique"),
            models.CheckConstraint(condition=models.Q(first__lt=models.F("second")), name="shared_text_ordered"),
        ]
        indexes = [models.Index(fields=["second"], name="shared_text_second")]

    def __str__(self):
        return f"{self.first_id} ↔ {self.second_id}"

    def containment_of(self, article_id: int) -> float:
        """The share of the given article's text found in the other one."""
        return self.first_in_second if article_id == self.first_id else self.second_in_first

    def other(self, article_id: int) -> int:
        return self.second_id if article_id == self.first_id else self.first_id

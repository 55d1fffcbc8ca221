"""How many articles use each term in their title or lead: what makes a term rare, for events."""

from django.db import models


class EventTerm(models.Model):
    term = models.CharField("الحد", max_length=100, primary_key=True)
    articles = models.PositiveIntegerField("عدد المقالات")
    definite = models.PositiveIntegerField("عدد المقالات معرّفاً", default=0, help_text="بأل التعريف")

    class Meta:
        verbose_name = "حد للتجميع"
        verbose_name_plural = "حدود التجميع"

    def __str__(self):
        return f"{self.term}: {self.articles}"

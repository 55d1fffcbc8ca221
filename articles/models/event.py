"""Events: one news story as a reader thinks of it, covered by many articles."""

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.urls import reverse


class EventQuerySet(models.QuerySet):
    def public(self):
        """Events a reader may see: with public articles (counts, title and names are theirs only)."""
        return self.filter(article_count__gt=0)

    def latest_first(self):
        return self.order_by(models.F("ends_on").desc(nulls_last=True), "-id")


class Event(models.Model):
    title = models.CharField("العنوان", max_length=300)
    slug = models.SlugField("المعرّف", max_length=200, unique=True, allow_unicode=True)
    summary = models.TextField("الملخص", blank=True)
    starts_on = models.DateField("يبدأ في", null=True, blank=True)
    ends_on = models.DateField("ينتهي في", null=True, blank=True)
    key_names = ArrayField(models.CharField(max_length=100), verbose_name="أبرز الأسماء", default=list, blank=True)
    article_count = models.PositiveIntegerField("عدد المقالات", default=0)
    outlet_count = models.PositiveIntegerField("عدد المنافذ", default=0)
    # An editor's lock: automatic grouping leaves a locked event, its title and its articles as
    # they are. Every editor's change (merge, split, move, rename) locks the events it touches.
    is_locked = models.BooleanField("مقفل أمام التعديل الآلي", default=False)
    created_at = models.DateTimeField("أنشئ في", auto_now_add=True)
    updated_at = models.DateTimeField("حُدّث في", auto_now=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = "حدث"
        verbose_name_plural = "الأحداث"
        ordering = [models.F("starts_on").desc(nulls_last=True), "-id"]
        indexes = [
            models.Index(models.F("ends_on").desc(nulls_last=True), "id", name="event_latest"),
            # related events: those naming the same people and places (33 ms to 5.5 ms on the corpus)
            GinIndex(fields=["key_names"], name="event_key_names"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on"))
                | models.Q(ends_on__isnull=True)
                | models.Q(starts_on__isnull=True),
                name="event_dates_ordered",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("event-detail", kwargs={"slug": self.slug})

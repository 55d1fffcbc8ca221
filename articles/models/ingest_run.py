"""One ingest: who started it, from where, and what became of every input."""

from django.conf import settings
from django.db import models


class Origin(models.TextChoices):
    COMMAND = "command", "أمر الإدخال"
    ADMIN = "admin", "لوحة الإدارة"
    DEMO = "demo", "أرشيف العرض"


class IngestRun(models.Model):
    Origin = Origin

    origin = models.CharField("الباب", max_length=16, choices=Origin)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    inputs = models.TextField("المدخلات", blank=True)
    started_at = models.DateTimeField("بدأ في", auto_now_add=True)
    finished_at = models.DateTimeField("انتهى في", null=True, blank=True)
    created = models.PositiveIntegerField("جديدة", default=0)
    updated = models.PositiveIntegerField("محدّثة", default=0)
    unchanged = models.PositiveIntegerField("بلا تغيير", default=0)
    failed = models.PositiveIntegerField("فاشلة", default=0)
    # [{"input": name, "line": n or null, "reason": text}]
    failures = models.JSONField("الأخطاء", default=list, blank=True)

    class Meta:
        verbose_name = "دفعة إدخال"
        verbose_name_plural = "دفعات الإدخال"
        ordering = ["-started_at"]
        constraints = [
            models.CheckConstraint(condition=models.Q(origin__in=Origin.values), name="ingest_run_origin_valid"),
        ]

    def __str__(self):
        return f"{self.get_origin_display()} {self.started_at:%Y-%m-%d %H:%M}"

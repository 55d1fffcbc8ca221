"""One ingest: who started it, from what, how far it has come, and what became of every input.

A run is processed by a worker in batches (articles.ingest.runs). Each batch is saved together
with the run's counts and its cursor (the position of the last input it read), so the run always
says exactly what was saved, and a run interrupted at any point resumes after its last batch.
"""

from django.conf import settings
from django.db import models

MAX_KEPT_FAILURES = 1000  # past this, failures are counted, not listed


class Origin(models.TextChoices):
    COMMAND = "command", "أمر الإدخال"
    ADMIN = "admin", "لوحة الإدارة"
    DEMO = "demo", "أرشيف العرض"


class Status(models.TextChoices):
    PREVIEW = "preview", "معاينة بانتظار التأكيد"
    QUEUED = "queued", "في الانتظار"
    RUNNING = "running", "جارٍ"
    DONE = "done", "انتهى"
    FAILED = "failed", "توقف بخطأ"
    CANCELLED = "cancelled", "أُلغي"


FINISHED = [Status.DONE, Status.FAILED, Status.CANCELLED]


class IngestRunQuerySet(models.QuerySet):
    def unfinished(self):
        return self.exclude(status__in=[*FINISHED, Status.PREVIEW])


class IngestRun(models.Model):
    Origin = Origin
    Status = Status

    origin = models.CharField("الباب", max_length=16, choices=Origin)
    status = models.CharField("الحالة", max_length=16, choices=Status, default=Status.QUEUED)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="بدأه",
    )
    inputs = models.TextField("المدخلات", blank=True)
    # What the user said of inputs that do not say it themselves, and the format they named:
    # {"format": "auto", "publisher": outlet id, "url": "...", "published": "YYYY-MM-DD"}.
    options = models.JSONField("الخيارات", default=dict, blank=True)
    started_at = models.DateTimeField("بدأ في", auto_now_add=True)
    finished_at = models.DateTimeField("انتهى في", null=True, blank=True)
    updated_at = models.DateTimeField("آخر تقدم", auto_now=True)
    total = models.PositiveIntegerField("عدد المدخلات المتوقع", null=True, blank=True)
    processed = models.PositiveIntegerField("ما عولج", default=0)
    # [staged input, member, line] of the last item the saved batches read.
    cursor = models.JSONField("الموضع", default=list, blank=True)
    batches = models.PositiveIntegerField("دفعات محفوظة", default=0)
    traced = models.PositiveIntegerField("دفعات متتبَّعة", default=0)
    created = models.PositiveIntegerField("جديدة", default=0)
    updated = models.PositiveIntegerField("محدّثة", default=0)
    unchanged = models.PositiveIntegerField("بلا تغيير", default=0)
    failed = models.PositiveIntegerField("فاشلة", default=0)
    placeholders = models.PositiveIntegerField("منافذ مؤقتة جديدة", default=0)
    links = models.PositiveIntegerField("روابط إسناد", default=0)
    events = models.PositiveIntegerField("أحداث جديدة", default=0)
    # [{"input": name, "line": n or null, "reason": text}], the first MAX_KEPT_FAILURES of them.
    failures = models.JSONField("الأخطاء", default=list, blank=True)
    # Things done to an input that the user should know: a field cut to its length, a URL dropped.
    notes = models.JSONField("ملاحظات", default=list, blank=True)
    error = models.TextField("سبب التوقف", blank=True)
    cancel_requested = models.BooleanField("طُلب الإلغاء", default=False)

    objects = IngestRunQuerySet.as_manager()

    class Meta:
        verbose_name = "دفعة إدخال"
        verbose_name_plural = "دفعات الإدخال"
        ordering = ["-started_at"]
        constraints = [
            models.CheckConstraint(condition=models.Q(origin__in=Origin.values), name="ingest_run_origin_valid"),
            models.CheckConstraint(condition=models.Q(status__in=Status.values), name="ingest_run_status_valid"),
        ]

    def __str__(self):
        return f"{self.get_origin_display()} #{self.pk}"

    @property
    def is_finished(self) -> bool:
        return self.status in FINISHED

    @property
    def is_traced(self) -> bool:
        """Every saved batch has its shared text, links and events."""
        return self.traced >= self.batches


class IngestInput(models.Model):
    """A file as the user gave it, kept in the database until its run is done, so that a worker
    on any machine can read it and a run resumes after a crash."""

    run = models.ForeignKey(IngestRun, on_delete=models.CASCADE, related_name="staged", verbose_name="الدفعة")
    number = models.PositiveIntegerField("الترتيب")
    name = models.CharField("الاسم", max_length=1000)
    size = models.BigIntegerField("الحجم", default=0)

    class Meta:
        verbose_name = "ملف مدخل"
        verbose_name_plural = "ملفات المدخلات"
        ordering = ["run", "number"]
        constraints = [models.UniqueConstraint(fields=["run", "number"], name="ingest_input_unique")]

    def __str__(self):
        return self.name


class IngestChunk(models.Model):
    """A piece of a staged file: files are written and read back a piece at a time."""

    input = models.ForeignKey(IngestInput, on_delete=models.CASCADE, related_name="chunks")
    number = models.PositiveIntegerField()
    data = models.BinaryField()

    class Meta:
        verbose_name = "جزء من ملف مدخل"
        verbose_name_plural = "أجزاء الملفات المدخلة"
        ordering = ["input", "number"]
        constraints = [models.UniqueConstraint(fields=["input", "number"], name="ingest_chunk_unique")]

    def __str__(self):
        return f"{self.input} [{self.number}]"


class Outcome(models.TextChoices):
    NEW = "new", "جديد"
    UNCHANGED = "unchanged", "موجود بلا تغيير"
    REPLACES = "replaces", "يحل محل نسخة موجودة"
    FAILED = "failed", "لا يمكن إدخاله"


class PreviewItem(models.Model):
    """One article a previewed run would save, and what saving it would do."""

    Outcome = Outcome

    run = models.ForeignKey(IngestRun, on_delete=models.CASCADE, related_name="preview_items")
    position = models.JSONField("الموضع")  # [staged input, member, line], as in IngestRun.cursor
    outcome = models.CharField("ما سيحدث", max_length=16, choices=Outcome)
    article = models.ForeignKey("articles.Article", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    title = models.TextField("العنوان", blank=True)
    data = models.JSONField("ما استُخرج", default=dict)  # articles.ingest.preview.draft_json, or the failure
    selected = models.BooleanField("يُدخل", default=True)

    class Meta:
        verbose_name = "مقال في المعاينة"
        verbose_name_plural = "مقالات المعاينة"
        ordering = ["run", "id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(outcome__in=Outcome.values), name="preview_item_outcome_valid"),
        ]

    def __str__(self):
        return self.title or str(self.position)

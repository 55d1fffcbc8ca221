"""Attributions: what an article says (or what we found) about where its text came from."""

from django.conf import settings
from django.db import models


class AttributionKind(models.TextChoices):
    ADAPTED_BY = "adapted_by", "اقتبسه وعدّله"
    PREVIOUSLY_PUBLISHED_ON = "previously_published_on", "نُشر سابقاً على"
    REPUBLISHED_FROM = "republished_from", "منقول عن"
    ORIGINAL_SOURCE = "original_source", "المصدر الأصلي"
    TRANSLATED_FROM = "translated_from", "مترجم عن"
    WIRE_CREDIT = "wire_credit", "وكالة أنباء"
    QUOTED_SOURCE = "quoted_source", "مصدر منسوب إليه"
    PHOTO_CREDIT = "photo_credit", "مصدر الصورة"


class ClaimedBy(models.TextChoices):
    PARSER = "parser", "المحلّل الآلي"
    TEXT_REUSE = "text_reuse", "كشف إعادة النص"
    EDITOR = "editor", "محرر"


class Review(models.TextChoices):
    UNREVIEWED = "unreviewed", "لم يُراجع"
    CONFIRMED = "confirmed", "أكده محرر"
    REJECTED = "rejected", "رفضه محرر"


class Attribution(models.Model):
    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="attributions", verbose_name="المقال"
    )
    kind = models.CharField("النوع", max_length=32, choices=AttributionKind)
    name_as_written = models.CharField("الاسم كما كُتب", max_length=300, blank=True)
    outlet = models.ForeignKey(
        "sources.Outlet",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="citations",
        verbose_name="المنفذ",
        help_text="فارغ إذا لم يُسمَّ منفذ بعينه (مثل «وكالات»)",
    )
    evidence = models.TextField("الدليل", blank=True, help_text="المقطع من النص الذي يثبت الإسناد")
    evidence_start = models.PositiveIntegerField("بداية الدليل", null=True, blank=True)
    evidence_end = models.PositiveIntegerField("نهاية الدليل", null=True, blank=True)
    confidence = models.FloatField("الثقة", default=1.0)
    upstream = models.ForeignKey(
        "articles.Article",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="downstream_attributions",
        verbose_name="المقال المصدر في الأرشيف",
    )
    claimed_by = models.CharField("مصدر الإسناد", max_length=16, choices=ClaimedBy, default=ClaimedBy.PARSER)
    review = models.CharField("المراجعة", max_length=16, choices=Review, default=Review.UNREVIEWED)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="راجعه",
    )
    reviewed_at = models.DateTimeField("تاريخ المراجعة", null=True, blank=True)
    created_at = models.DateTimeField("أضيف في", auto_now_add=True)

    class Meta:
        verbose_name = "إسناد"
        verbose_name_plural = "الإسنادات"
        ordering = ["article", "evidence_start", "id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(kind__in=AttributionKind.values), name="attribution_kind_valid"),
            models.CheckConstraint(
                condition=models.Q(claimed_by__in=ClaimedBy.values), name="attribution_claimed_by_valid"
            ),
            models.CheckConstraint(condition=models.Q(review__in=Review.values), name="attribution_review_valid"),
            models.CheckConstraint(
                condition=models.Q(confidence__gte=0) & models.Q(confidence__lte=1),
                name="attribution_confidence_range",
            ),
            models.CheckConstraint(
                condition=models.Q(evidence_end__gte=models.F("evidence_start"))
                | models.Q(evidence_start__isnull=True),
                name="attribution_evidence_span",
            ),
            models.CheckConstraint(condition=~models.Q(upstream=models.F("article")), name="attribution_not_self"),
        ]
        indexes = [
            models.Index(fields=["kind", "outlet"], name="attribution_kind_outlet"),
            models.Index(fields=["outlet"], name="attribution_outlet"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.name_as_written or self.outlet or '—'}"

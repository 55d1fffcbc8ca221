"""Spellings of one word that the archive attests: the variants table search reads."""

from django.db import models


class SpellingStatus(models.TextChoices):
    # Decided by `manage.py learn_spellings` from the evidence, and decided again at each run.
    LEARNED = "learned", "متعلَّمة: يستعملها البحث"
    APART = "apart", "كلمتان مختلفتان في الاستعمال: لا يجمعهما البحث"
    PROPOSED = "proposed", "مقترحة: تنتظر قرار محرر"
    # Decided by an editor, and never changed by the command.
    ACCEPTED = "accepted", "أقرّها محرر: يستعملها البحث"
    REJECTED = "rejected", "رفضها محرر: لا يجمعهما البحث"


EDITOR_STATUSES = (SpellingStatus.ACCEPTED, SpellingStatus.REJECTED)
MERGED = (SpellingStatus.LEARNED, SpellingStatus.ACCEPTED)  # search finds one by the other
KEPT_APART = (SpellingStatus.APART, SpellingStatus.REJECTED)  # never, whatever the letter rules say


class SpellingPair(models.Model):
    """Two word forms (folded, without the article, as search indexes them) and the evidence that
    they are, or are not, one word spelled two ways.

    Copies: in how many pairs of articles sharing text one form stands where the other stood
    (بوتين in one copy, بوتن in the other). Usage: how alike the archive uses them (the cosine of
    word vectors trained on it): spellings of one name have the same neighbours, a name and a
    look-alike word (فيينا/فينا) do not. Beside: the names written next to both forms (كيفن and
    كيفين both before دي بروين). A pair is stored once, in the order of `ordered`.
    """

    form = models.CharField("الصيغة", max_length=100)
    other = models.CharField("الصيغة الأخرى", max_length=100)
    status = models.CharField("الحكم", max_length=10, choices=SpellingStatus.choices)
    copies = models.PositiveIntegerField(
        "شواهد النسخ", default=0, help_text="أزواج المقالات المنسوخة التي تبدّلت فيها الصيغتان"
    )
    usage = models.FloatField(
        "تشابه الاستعمال",
        null=True,
        blank=True,
        help_text="من 0 إلى 1: تقارب السياقات التي ترد فيها الصيغتان في الأرشيف",
    )
    beside = models.CharField(
        "أسماء تجاورهما",
        max_length=200,
        blank=True,
        help_text="كلمات نادرة تُكتب بجوار الصيغتين كلتيهما: اسم عائلة بعد الاسم الأول، أو اسم أول قبل اسم العائلة",
    )
    listed = models.BooleanField("اسم في القوائم", default=False, help_text="إحدى الصيغتين في قوائم الأسماء المعروفة")
    reason = models.CharField("السبب", max_length=200, blank=True)
    decided_at = models.DateTimeField("تاريخ الحكم", auto_now=True)

    class Meta:
        verbose_name = "تهجئة بديلة"
        verbose_name_plural = "التهجئات البديلة"
        ordering = ["-copies", "form"]
        constraints = [
            models.UniqueConstraint(fields=["form", "other"], name="spelling_pair_unique"),
        ]
        indexes = [models.Index(fields=["other"], name="spelling_pair_other")]

    def __str__(self):
        return f"{self.form} / {self.other}"


def ordered(form: str, other: str) -> tuple[str, str]:
    """A pair's two forms in the order it is stored (by code point, whatever the database collation)."""
    return (form, other) if form < other else (other, form)

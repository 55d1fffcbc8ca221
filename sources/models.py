"""Outlets: the newspapers, sites, agencies and broadcasters that publish or are cited."""

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse


class OutletKind(models.TextChoices):
    NEWSPAPER = "newspaper", "صحيفة"
    NEWS_SITE = "news_site", "موقع إخباري"
    WIRE_AGENCY = "wire_agency", "وكالة أنباء"
    BROADCASTER = "broadcaster", "قناة أو إذاعة"
    AGGREGATOR = "aggregator", "مجمّع أخبار"
    BLOG = "blog", "مدوّنة"
    GOVERNMENT = "government", "جهة حكومية"
    UNKNOWN = "unknown", "غير معروف"


class Outlet(models.Model):
    name_ar = models.CharField("الاسم العربي", max_length=200)
    name_latin = models.CharField("الاسم اللاتيني", max_length=200, blank=True)
    slug = models.SlugField("المعرّف", max_length=120, unique=True, allow_unicode=True)
    kind = models.CharField("النوع", max_length=20, choices=OutletKind, default=OutletKind.UNKNOWN)
    country = models.CharField("البلد", max_length=2, blank=True, help_text="ISO 3166-1, مثل SA")
    aliases = ArrayField(
        models.CharField(max_length=200),
        verbose_name="أسماء أخرى",
        default=list,
        blank=True,
        help_text="كل تهجئة رُئيت للاسم، مفصولة بفواصل: فرانس برس، أ ف ب، AFP",
    )
    # Created from a citation the gazetteer did not know; an editor has not reviewed it yet.
    is_placeholder = models.BooleanField("بانتظار مراجعة محرر", default=False)
    notes = models.TextField("ملاحظات", blank=True)
    created_at = models.DateTimeField("أضيف في", auto_now_add=True)

    class Meta:
        verbose_name = "منفذ إعلامي"
        verbose_name_plural = "المنافذ الإعلامية"
        ordering = ["name_ar"]
        constraints = [
            models.CheckConstraint(condition=models.Q(kind__in=OutletKind.values), name="outlet_kind_valid"),
            models.CheckConstraint(
                condition=models.Q(country="") | models.Q(country__regex=r"^[A-Z]{2}$"),
                name="outlet_country_iso",
            ),
        ]
        indexes = [GinIndex(fields=["aliases"], name="outlet_aliases_gin")]

    def __str__(self):
        return self.name_ar or self.name_latin

    def get_absolute_url(self):
        return reverse("outlet-detail", kwargs={"slug": self.slug})

    @property
    def is_wire_agency(self) -> bool:
        return self.kind == OutletKind.WIRE_AGENCY


class OutletDomain(models.Model):
    """A web domain an outlet publishes on. A domain identifies an outlet better than a name."""

    outlet = models.ForeignKey(Outlet, on_delete=models.CASCADE, related_name="domains", verbose_name="المنفذ")
    domain = models.CharField("النطاق", max_length=253, help_text="بلا www، مثل asharq.com")

    class Meta:
        verbose_name = "نطاق"
        verbose_name_plural = "النطاقات"
        ordering = ["domain"]
        constraints = [
            models.UniqueConstraint(fields=["domain"], name="outlet_domain_unique"),
            models.CheckConstraint(condition=models.Q(domain=Lower("domain")), name="outlet_domain_lowercase"),
        ]

    def __str__(self):
        return self.domain

    def save(self, *args, **kwargs):
        self.domain = normalize_domain(self.domain)
        super().save(*args, **kwargs)


def normalize_domain(domain: str) -> str:
    """asharq.com from 'https://www.Asharq.com/path', 'www.asharq.com' or 'm.al-sharq.com'."""
    domain = domain.strip().lower()
    domain = domain.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0]
    for prefix in ("www.", "m.", "amp."):
        if domain.startswith(prefix) and domain.count(".") >= 2:
            domain = domain[len(prefix) :]
    return domain


class OutletMerge(models.Model):
    """An editor's merge of outlets into one, recorded whole so that it can be undone: what each
    merged outlet was, and which articles, citations and domains moved."""

    kept = models.ForeignKey(Outlet, on_delete=models.CASCADE, related_name="merges", verbose_name="المنفذ الباقي")
    merged = models.JSONField("المنافذ المدموجة", help_text="كل منفذ كما كان قبل الدمج، بنطاقاته ومقالاته")
    added_aliases = ArrayField(models.CharField(max_length=200), default=list, verbose_name="أسماء أضيفت")
    merged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="دمجه",
    )
    merged_at = models.DateTimeField("تاريخ الدمج", auto_now_add=True)
    undone_at = models.DateTimeField("تاريخ التراجع", null=True, blank=True)

    class Meta:
        verbose_name = "دمج منافذ"
        verbose_name_plural = "عمليات دمج المنافذ"
        ordering = ["-merged_at"]

    def __str__(self):
        names = "، ".join(outlet["name_ar"] for outlet in self.merged)
        return f"{names} ← {self.kept}"

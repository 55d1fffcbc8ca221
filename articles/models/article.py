"""Articles as published, with the raw input they came from kept verbatim."""

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models.functions import MD5
from django.urls import reverse


class DatePrecision(models.TextChoices):
    MINUTE = "minute", "بالدقيقة"
    DAY = "day", "باليوم"
    MONTH = "month", "بالشهر"
    YEAR = "year", "بالسنة"
    UNKNOWN = "unknown", "غير معروف"


class Visibility(models.TextChoices):
    PUBLIC = "public", "منشور للعموم"
    HIDDEN = "hidden", "مخفي"


class RawFormat(models.TextChoices):
    TXT = "txt", "نص صفحة"
    HTML = "html", "HTML"
    JSON = "json", "سجل JSON"


# Attribution kinds that mean "this text was taken from elsewhere".
REPUBLICATION_KINDS = [
    "adapted_by", "previously_published_on", "republished_from", "original_source", "translated_from",
]  # fmt: skip
# ... and with a wire agency's credit, every kind that says where an article's text came from.
COPY_KINDS = [*REPUBLICATION_KINDS, "wire_credit"]


def _cites(kinds: list[str]) -> models.Q:
    from articles.models.attribution import Attribution, Review

    return models.Q(
        models.Exists(
            Attribution.objects.filter(article=models.OuterRef("pk"), kind__in=kinds).exclude(review=Review.REJECTED)
        )
    )


class ArticleQuerySet(models.QuerySet):
    def public(self):
        return self.filter(visibility=Visibility.PUBLIC)

    def latest_first(self):
        return self.order_by(models.F("published_at").desc(nulls_last=True), "-id")

    def oldest_first(self):
        return self.order_by(models.F("published_at").asc(nulls_last=True), "id")

    def republished(self):
        """Articles that say (or were found) to be taken from another outlet."""
        return self.filter(_cites(REPUBLICATION_KINDS))

    def wire_copies(self):
        """Articles credited to a wire agency, not saying they were taken from an outlet."""
        return self.filter(_cites(["wire_credit"]) & ~_cites(REPUBLICATION_KINDS))

    def originals(self):
        """Articles that credit no upstream at all."""
        return self.exclude(_cites(COPY_KINDS))

    def search(self, compiled):
        """Articles matching a compiled query (articles.search.compile), with `exact_match` and `rank`."""
        from articles.search.expressions import Matches, Rank, matching

        if not compiled:
            return self.none()
        if compiled.exact_tsquery == compiled.tsquery:
            exact = models.Value(True)
        else:  # one index lookup for the whole set, not a second pass over every vector
            exact_ids = Article.objects.filter(Matches(compiled.exact_tsquery)).values("pk")
            exact = models.ExpressionWrapper(models.Q(pk__in=exact_ids), output_field=models.BooleanField())
        return self.filter(*matching(compiled)).annotate(exact_match=exact, rank=Rank(compiled.ranked_tsquery))

    def by_relevance(self):
        """Exact matches before matches through a spelling variant, then rank, then recency."""
        return self.order_by(
            models.F("exact_match").desc(),
            models.F("rank").desc(),
            models.F("published_at").desc(nulls_last=True),
            "-id",
        )


class RawInput(models.Model):
    """Fields shared by an article and its earlier versions: the input exactly as received."""

    raw = models.TextField("المدخل الخام", help_text="كما استُلم حرفياً، لا يُعدَّل أبداً")
    raw_format = models.CharField("صيغة المدخل", max_length=8, choices=RawFormat)
    raw_encoding = models.CharField("ترميز المدخل", max_length=32, default="utf-8")
    content_hash = models.CharField("بصمة المحتوى", max_length=64, help_text="SHA-256 للمدخل الخام")
    source_name = models.CharField("اسم المدخل", max_length=500, blank=True, help_text="الملف والسطر")

    class Meta:
        abstract = True


class Article(RawInput):
    publisher = models.ForeignKey(
        "sources.Outlet",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="articles",
        verbose_name="الناشر",
        db_index=False,  # article_publisher_date (publisher, date) serves lookups by publisher
    )
    title = models.TextField("العنوان")
    body = models.TextField("النص", blank=True)
    byline = models.CharField("سطر الكاتب", max_length=500, blank=True)
    dateline = models.CharField("سطر المكان", max_length=300, blank=True)
    section = models.CharField("القسم", max_length=200, blank=True)
    captions = ArrayField(models.TextField(), verbose_name="تعليقات الصور", default=list, blank=True)
    url = models.URLField("الرابط", max_length=2000, null=True, blank=True)
    # Identity of the input (its URL, corpus id or text hash), hashed: re-ingesting finds it here.
    source_key = models.CharField("مفتاح المصدر", max_length=64, editable=False)  # unique: see Meta
    external_id = models.CharField("المعرّف الخارجي", max_length=500, blank=True)
    published_at = models.DateTimeField("تاريخ النشر", null=True, blank=True)
    date_precision = models.CharField("دقة التاريخ", max_length=8, choices=DatePrecision, default=DatePrecision.UNKNOWN)
    crawled_at = models.DateTimeField("تاريخ الجمع", null=True, blank=True)
    # The text the parser read (page text, extracted HTML text, or a record's fields):
    # attribution evidence offsets point into it.
    source_text = models.TextField("النص المصدر للتحليل", blank=True)
    visibility = models.CharField("الظهور", max_length=8, choices=Visibility, default=Visibility.PUBLIC)
    event = models.ForeignKey(
        "articles.Event",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="articles",
        verbose_name="الحدث",
    )
    ingest_run = models.ForeignKey(
        "articles.IngestRun",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="articles",
        verbose_name="دفعة الإدخال",
    )
    # Written by articles.search.indexing with the Python analyzer; `indexed_with` is its version,
    # so a changed analyzer knows which articles to index again.
    search_vector = SearchVectorField(null=True, editable=False)
    # Title and lead only: small enough to stay in the row, so ranking thousands of matches never
    # reads the full vector back from TOAST.
    search_head = SearchVectorField(null=True, editable=False)
    # The publication date again, for the RUM index of titles and leads (migration 0023), which
    # returns a broad search's matches newest first. A column of its own, so that the planner never
    # takes that index for a date range: read there, a quarter's articles took 290 ms, 14 from the
    # date index.
    search_date = models.GeneratedField(
        expression=models.F("published_at"), output_field=models.DateTimeField(null=True), db_persist=True
    )
    indexed_with = models.PositiveSmallIntegerField(default=0, editable=False)
    # What the article is about, for grouping it into an event (articles.events.signature).
    event_signature = models.JSONField(default=dict, editable=False)
    ingested_at = models.DateTimeField("أُدخل في", auto_now_add=True)
    updated_at = models.DateTimeField("حُدّث في", auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        verbose_name = "مقال"
        verbose_name_plural = "المقالات"
        # Every index costs each written article row an entry (ingest writes a row more than once,
        # search indexing rewrites it): only indexes that queries use are kept. The source key is
        # unique by a constraint, since `unique=True` adds a second, pattern-matching index.
        constraints = [
            models.UniqueConstraint(fields=["source_key"], name="article_source_key_unique"),
            # md5: Arabic URLs can exceed the btree row limit.
            models.UniqueConstraint(MD5("url"), name="article_url_unique"),
            models.CheckConstraint(
                condition=models.Q(visibility__in=Visibility.values), name="article_visibility_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(raw_format__in=RawFormat.values), name="article_raw_format_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(date_precision__in=DatePrecision.values), name="article_date_precision_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(published_at__isnull=False) | models.Q(date_precision=DatePrecision.UNKNOWN),
                name="article_precision_needs_date",
            ),
        ]
        indexes = [
            models.Index(models.F("published_at").desc(nulls_last=True), "id", name="article_latest"),
            models.Index(fields=["publisher", "published_at"], name="article_publisher_date"),
            GinIndex(fields=["search_vector"], name="article_search"),
            GinIndex(fields=["search_head"], name="article_search_head"),
            # A re-run knows a record it has saved by its bytes' hash, without reading it again.
            models.Index(fields=["content_hash"], name="article_content_hash"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("article-detail", kwargs={"pk": self.pk})

    @property
    def paragraphs(self) -> list[str]:
        return [p for p in self.body.split("\n\n") if p.strip()]


class ArticleVersion(RawInput):
    """An earlier version of an article, kept when the same URL came back with other content."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="versions", verbose_name="المقال")
    title = models.TextField("العنوان")
    body = models.TextField("النص", blank=True)
    published_at = models.DateTimeField("تاريخ النشر", null=True, blank=True)
    first_ingested_at = models.DateTimeField("أُدخل أول مرة في")
    superseded_at = models.DateTimeField("استُبدل في", auto_now_add=True)

    class Meta:
        verbose_name = "نسخة سابقة"
        verbose_name_plural = "النسخ السابقة"
        ordering = ["-superseded_at"]
        constraints = [
            models.UniqueConstraint(fields=["article", "content_hash"], name="article_version_unique"),
        ]

    def __str__(self):
        return f"{self.title} ({self.superseded_at:%Y-%m-%d})"

from django import forms
from django.contrib import admin
from django.contrib.admin.helpers import ActionForm
from django.urls import path
from django.utils import timezone

from articles import admin_ingest
from articles.events.editing import merge_events, move_articles
from articles.events.naming import refresh_events
from articles.models import Article, ArticleVersion, Attribution, ClaimedBy, Event, IngestRun, Review, SharedText
from articles.search.compile import compile_query
from articles.search.indexing import index_articles
from articles.search.query import parse


class EventActionForm(ActionForm):
    event_id = forms.IntegerField(label="رقم الحدث", required=False)


class AttributionInline(admin.StackedInline):
    model = Attribution
    fk_name = "article"
    extra = 0
    autocomplete_fields = ["outlet"]
    raw_id_fields = ["upstream"]
    readonly_fields = ["claimed_by", "reviewed_by", "reviewed_at", "created_at"]
    fields = [
        ("kind", "review"),
        ("name_as_written", "outlet"),
        "evidence",
        ("evidence_start", "evidence_end", "confidence"),
        "upstream",
        ("claimed_by", "reviewed_by", "reviewed_at"),
    ]


class ArticleVersionInline(admin.TabularInline):
    model = ArticleVersion
    extra = 0
    can_delete = False
    fields = ["title", "content_hash", "first_ingested_at", "superseded_at"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "publisher", "published_at", "date_precision", "visibility", "ingested_at"]
    list_filter = ["visibility", "date_precision", "raw_format", "publisher__kind"]
    list_select_related = ["publisher"]
    search_fields = ["title", "url", "external_id"]
    autocomplete_fields = ["publisher"]
    raw_id_fields = ["event", "ingest_run"]
    date_hierarchy = "published_at"
    show_full_result_count = False
    readonly_fields = [
        "raw", "raw_format", "raw_encoding", "content_hash", "source_name", "source_key",
        "source_text", "ingest_run", "ingested_at", "updated_at",
    ]  # fmt: skip
    fieldsets = [
        (None, {"fields": ["title", "publisher", "visibility", "event"]}),
        ("بيانات النشر", {"fields": ["byline", "dateline", "section", "url", "published_at", "date_precision"]}),
        ("النص", {"fields": ["body", "captions"]}),
        (
            "المدخل الخام (للقراءة فقط)",
            {"classes": ["collapse"], "fields": [*readonly_fields, "external_id", "crawled_at"]},
        ),
    ]
    inlines = [AttributionInline, ArticleVersionInline]
    actions = ["hide", "publish", "move_to_event", "split_into_new_event"]
    action_form = EventActionForm

    def get_search_results(self, request, queryset, search_term):
        """Words go to the full-text search (the same as the public one); URLs and ids to the fields."""
        if not search_term or search_term.startswith(("http://", "https://")) or search_term.isdigit():
            return super().get_search_results(request, queryset, search_term)
        return queryset.search(compile_query(parse(search_term))), False

    def save_model(self, request, obj, form, change):
        moved = change and "event" in form.changed_data
        super().save_model(request, obj, form, change)
        index_articles([obj.pk])  # an edited title or body is searchable as edited
        if moved:
            previous = form.initial.get("event")
            Event.objects.filter(pk__in=[pk for pk in (previous, obj.event_id) if pk]).update(is_locked=True)
            refresh_events([pk for pk in (previous, obj.event_id) if pk])

    @admin.action(description="نقل المقالات المحددة إلى الحدث المذكور (رقمه)")
    def move_to_event(self, request, queryset):
        target = Event.objects.filter(pk=request.POST.get("event_id") or 0).first()
        if target is None:
            self.message_user(request, "اكتب رقم الحدث الذي تُنقل إليه المقالات.", level="warning")
            return
        move_articles(list(queryset), target)
        self.message_user(request, f"نُقلت {queryset.count()} مقالات إلى «{target.title}».")

    @admin.action(description="فصل المقالات المحددة في حدث جديد")
    def split_into_new_event(self, request, queryset):
        event = move_articles(list(queryset))
        self.message_user(request, f"أُنشئ حدث جديد: «{event.title}».")

    @admin.action(description="إخفاء المقالات المحددة عن العموم")
    def hide(self, request, queryset):
        queryset.update(visibility="hidden")

    @admin.action(description="نشر المقالات المحددة للعموم")
    def publish(self, request, queryset):
        queryset.update(visibility="public")

    def save_formset(self, request, form, formset, change):
        """Attributions an editor adds are the editor's, confirmed by the editor who added them."""
        for instance in formset.save(commit=False):
            if isinstance(instance, Attribution):
                if instance.pk is None:
                    instance.claimed_by = ClaimedBy.EDITOR
                    instance.review = Review.CONFIRMED
                if "review" in formset.forms[0].changed_data or instance.pk is None:
                    instance.reviewed_by, instance.reviewed_at = request.user, timezone.now()
            instance.save()
        for obj in formset.deleted_objects:
            obj.delete()
        formset.save_m2m()


@admin.register(Attribution)
class AttributionAdmin(admin.ModelAdmin):
    list_display = ["article", "kind", "name_as_written", "outlet", "confidence", "claimed_by", "review"]
    list_filter = ["kind", "claimed_by", "review", "outlet__kind"]
    list_select_related = ["article", "outlet"]
    search_fields = ["name_as_written", "evidence", "outlet__name_ar", "outlet__name_latin"]
    raw_id_fields = ["article", "upstream"]
    autocomplete_fields = ["outlet"]
    readonly_fields = ["reviewed_by", "reviewed_at", "created_at"]
    show_full_result_count = False
    actions = ["confirm", "reject"]

    @admin.action(description="تأكيد الإسنادات المحددة")
    def confirm(self, request, queryset):
        queryset.update(review=Review.CONFIRMED, reviewed_by=request.user, reviewed_at=timezone.now())

    @admin.action(description="رفض الإسنادات المحددة")
    def reject(self, request, queryset):
        queryset.update(review=Review.REJECTED, reviewed_by=request.user, reviewed_at=timezone.now())


class EventArticleInline(admin.TabularInline):
    model = Article
    fields = ["title", "publisher", "published_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True
    verbose_name_plural = "مقالات الحدث (لنقل مقال: إجراء «نقل إلى حدث» في قائمة المقالات)"

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    """Events; renaming one, merging, splitting or moving articles locks what it touches."""

    list_display = ["title", "starts_on", "ends_on", "article_count", "outlet_count", "is_locked"]
    list_filter = ["is_locked"]
    search_fields = ["title", "summary", "key_names"]
    readonly_fields = ["article_count", "outlet_count", "key_names"]
    show_full_result_count = False
    inlines = [EventArticleInline]
    actions = ["merge", "lock", "unlock"]

    def save_model(self, request, obj, form, change):
        if change and {"title", "summary", "starts_on", "ends_on"} & set(form.changed_data):
            obj.is_locked = True  # a rename is an editor's decision: rebuilds keep it
        super().save_model(request, obj, form, change)

    @admin.action(description="دمج الأحداث المحددة في حدث واحد")
    def merge(self, request, queryset):
        if queryset.count() < 2:
            self.message_user(request, "اختر حدثين على الأقل للدمج.", level="warning")
            return
        kept = merge_events(list(queryset))
        self.message_user(request, f"دُمجت الأحداث في «{kept.title}» وقُفل أمام التعديل الآلي.")

    @admin.action(description="قفل الأحداث المحددة أمام التعديل الآلي")
    def lock(self, request, queryset):
        queryset.update(is_locked=True)

    @admin.action(description="فتح الأحداث المحددة للتجميع الآلي")
    def unlock(self, request, queryset):
        queryset.update(is_locked=False)


@admin.register(IngestRun)
class IngestRunAdmin(admin.ModelAdmin):
    """Past ingests, and the Ingest page (upload or paste, preview, confirm)."""

    change_list_template = "admin/articles/ingestrun_changelist.html"

    def get_urls(self):
        view = self.admin_site.admin_view(admin_ingest.ingest_view)
        return [path("ingest/", view, name="articles_ingest"), *super().get_urls()]

    list_display = ["started_at", "origin", "started_by", "created", "updated", "unchanged", "failed"]
    list_filter = ["origin"]
    readonly_fields = [f.name for f in IngestRun._meta.fields]

    def has_add_permission(self, request):
        return False


@admin.register(SharedText)
class SharedTextAdmin(admin.ModelAdmin):
    """Text shared by two articles, as found; read-only (editors act on the attributions it leads to)."""

    list_display = ["first", "second", "first_in_second", "second_in_first", "shared_shingles", "found_at"]
    list_select_related = ["first", "second"]
    raw_id_fields = ["first", "second"]
    show_full_result_count = False

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

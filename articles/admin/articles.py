from django import forms
from django.contrib import admin
from django.contrib.admin.helpers import ActionForm
from django.contrib.admin.widgets import AutocompleteSelect
from django.utils import timezone

from articles import visibility
from articles.events.editing import move_articles
from articles.events.naming import refresh_events
from articles.models import Article, ArticleVersion, Attribution, ClaimedBy, Event, Review, Visibility
from articles.search.compile import compile_query
from articles.search.indexing import index_articles
from articles.search.query import parse
from newsroom.counts import counted


class EventActionForm(ActionForm):
    """The event to move articles into, found by its title as the editor types it."""

    event = forms.ModelChoiceField(
        Event.objects.all(),
        label="الحدث",
        required=False,
        widget=AutocompleteSelect(Article._meta.get_field("event"), admin.site),
    )


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
    search_help_text = "كلمات (بحث النص الكامل)، أو رابط، أو رقم المقال"
    autocomplete_fields = ["publisher", "event"]
    raw_id_fields = ["ingest_run"]
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
        """A number is the article's; URLs and ids search their fields; words the full text."""
        term = search_term.strip()
        if term.isdigit() and len(term) < 19:
            by_field, _ = super().get_search_results(request, queryset, term)
            return queryset.filter(pk=int(term)) | by_field, False
        if not term or term.startswith(("http://", "https://")):
            return super().get_search_results(request, queryset, term)
        return queryset.search(compile_query(parse(term))), False

    def save_model(self, request, obj, form, change):
        moved = change and "event" in form.changed_data
        wanted = obj.visibility
        if change and "visibility" in form.changed_data:
            obj.visibility = form.initial["visibility"]  # changed below, by the service that does it whole
        super().save_model(request, obj, form, change)
        index_articles([obj.pk])  # an edited title or body is searchable as edited
        if wanted != obj.visibility:  # hiding takes it out of its event and the vocabulary; publishing groups it
            (visibility.hide if wanted == Visibility.HIDDEN else visibility.publish)([obj.pk])
            obj.refresh_from_db()
        if moved:
            previous = form.initial.get("event")
            Event.objects.filter(pk__in=[pk for pk in (previous, obj.event_id) if pk]).update(is_locked=True)
            refresh_events([pk for pk in (previous, obj.event_id) if pk])

    def has_regroup_permission(self, request):
        """Moving articles between events changes articles and events alike."""
        return request.user.has_perms(["articles.change_article", "articles.change_event"])

    @admin.action(description="نقل المقالات المحددة إلى الحدث المختار", permissions=["regroup"])
    def move_to_event(self, request, queryset):
        try:
            target = EventActionForm.base_fields["event"].clean(request.POST.get("event") or None)
        except forms.ValidationError:
            target = None
        if target is None:
            self.message_user(
                request, "اختر في خانة «الحدث» الحدثَ الذي تُنقل إليه المقالات (ابحث بعنوانه).", level="warning"
            )
            return
        count = queryset.count()
        event = move_articles(list(queryset), target)
        self.message_user(
            request, f"نُقل {counted(count, 'article')} إلى «{event.title}»، وقُفل الحدثان أمام التعديل الآلي."
        )

    @admin.action(description="فصل المقالات المحددة في حدث جديد", permissions=["regroup"])
    def split_into_new_event(self, request, queryset):
        count = queryset.count()
        event = move_articles(list(queryset))
        self.message_user(request, f"أُنشئ حدث جديد من {counted(count, 'article')}: «{event.title}».")

    @admin.action(description="إخفاء المقالات المحددة عن العموم", permissions=["change"])
    def hide(self, request, queryset):
        count = visibility.hide(queryset)
        self.message_user(request, f"أُخفي {counted(count, 'article')} عن العموم.")

    @admin.action(description="نشر المقالات المحددة للعموم", permissions=["change"])
    def publish(self, request, queryset):
        count = visibility.publish(queryset)
        self.message_user(request, f"نُشر {counted(count, 'article')} للعموم.")

    def save_formset(self, request, form, formset, change):
        """Attributions an editor adds are the editor's; every review changed records who and when."""
        reviewed = {f.instance.pk for f in formset.forms if f.instance.pk and "review" in f.changed_data}
        for instance in formset.save(commit=False):
            if isinstance(instance, Attribution):
                if instance.pk is None:
                    instance.claimed_by, instance.review = ClaimedBy.EDITOR, Review.CONFIRMED
                if instance.pk is None or instance.pk in reviewed:
                    instance.reviewed_by, instance.reviewed_at = request.user, timezone.now()
            instance.save()
        for obj in formset.deleted_objects:
            obj.delete()
        formset.save_m2m()

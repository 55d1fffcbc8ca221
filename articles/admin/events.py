from django.contrib import admin

from articles.events.editing import merge_events
from articles.events.naming import refresh_events
from articles.models import Article, Event
from newsroom.counts import counted


class EventArticleInline(admin.TabularInline):
    model = Article
    fields = ["title", "publisher", "published_at", "visibility"]
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
    search_fields = ["title", "summary", "key_names", "=id"]
    readonly_fields = ["article_count", "outlet_count", "key_names"]
    show_full_result_count = False
    inlines = [EventArticleInline]
    actions = ["merge", "lock", "unlock"]

    def save_model(self, request, obj, form, change):
        if change and {"title", "summary", "starts_on", "ends_on"} & set(form.changed_data):
            obj.is_locked = True  # a rename is an editor's decision: rebuilds keep it
        super().save_model(request, obj, form, change)
        if change and "title" in form.changed_data:
            refresh_events([obj.pk])  # its address follows its new title

    @admin.action(description="دمج الأحداث المحددة في حدث واحد", permissions=["change", "delete"])
    def merge(self, request, queryset):
        if queryset.count() < 2:
            self.message_user(request, "اختر حدثين على الأقل للدمج.", level="warning")
            return
        count = queryset.count()
        kept = merge_events(list(queryset))
        self.message_user(request, f"دُمج {counted(count, 'event')} في «{kept.title}»، وقُفل أمام التعديل الآلي.")

    @admin.action(description="قفل الأحداث المحددة أمام التعديل الآلي", permissions=["change"])
    def lock(self, request, queryset):
        count = queryset.update(is_locked=True)
        self.message_user(request, f"قُفل {counted(count, 'event')} أمام التعديل الآلي.")

    @admin.action(description="فتح الأحداث المحددة للتجميع الآلي", permissions=["change"])
    def unlock(self, request, queryset):
        count = queryset.update(is_locked=False)
        self.message_user(request, f"فُتح {counted(count, 'event')} للتجميع الآلي.")

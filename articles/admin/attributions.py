from django.contrib import admin
from django.utils import timezone

from articles.models import Attribution, Review
from articles.templatetags.archive import percent
from newsroom.counts import counted


@admin.register(Attribution)
class AttributionAdmin(admin.ModelAdmin):
    list_display = ["article", "kind", "name_as_written", "outlet", "confidence_shown", "claimed_by", "review"]
    list_filter = ["kind", "claimed_by", "review", "outlet__kind"]
    list_select_related = ["article", "outlet"]
    search_fields = ["name_as_written", "evidence", "outlet__name_ar", "outlet__name_latin"]
    raw_id_fields = ["article", "upstream"]
    autocomplete_fields = ["outlet"]
    readonly_fields = ["reviewed_by", "reviewed_at", "created_at"]
    show_full_result_count = False
    actions = ["confirm", "reject"]

    @admin.display(description="الثقة", ordering="confidence")
    def confidence_shown(self, obj) -> str:
        """«85٪», not a bare decimal («0,85»)."""
        return percent(obj.confidence)

    def save_model(self, request, obj, form, change):
        if "review" in form.changed_data:
            obj.reviewed_by, obj.reviewed_at = request.user, timezone.now()
        super().save_model(request, obj, form, change)

    @admin.action(description="تأكيد الإسنادات المحددة", permissions=["change"])
    def confirm(self, request, queryset):
        count = queryset.update(review=Review.CONFIRMED, reviewed_by=request.user, reviewed_at=timezone.now())
        self.message_user(request, f"أُكّد {counted(count, 'attribution')}.")

    @admin.action(description="رفض الإسنادات المحددة", permissions=["change"])
    def reject(self, request, queryset):
        count = queryset.update(review=Review.REJECTED, reviewed_by=request.user, reviewed_at=timezone.now())
        self.message_user(request, f"رُفض {counted(count, 'attribution')}.")

from django.contrib import admin

from articles.models import SharedText


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

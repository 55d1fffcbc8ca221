from django.contrib import admin

from sources.models import Outlet, OutletDomain


class OutletDomainInline(admin.TabularInline):
    model = OutletDomain
    extra = 1


@admin.register(Outlet)
class OutletAdmin(admin.ModelAdmin):
    list_display = ["name_ar", "name_latin", "kind", "country", "is_placeholder", "slug"]
    list_filter = ["is_placeholder", "kind", "country"]
    search_fields = ["name_ar", "name_latin", "slug", "aliases", "domains__domain"]
    prepopulated_fields = {"slug": ["name_latin"]}
    inlines = [OutletDomainInline]
    actions = ["mark_reviewed"]

    @admin.action(description="تأكيد مراجعة المنافذ المحددة")
    def mark_reviewed(self, request, queryset):
        count = queryset.update(is_placeholder=False)
        self.message_user(request, f"روجع {count} منفذاً.")

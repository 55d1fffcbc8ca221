from django.contrib import admin
from django.db.models import Count
from django.template.response import TemplateResponse

from sources.merging import merge_outlets
from sources.models import Outlet, OutletDomain
from sources.resolver import OutletResolver


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
    actions = ["mark_reviewed", "merge"]

    @admin.action(description="تأكيد مراجعة المنافذ المحددة")
    def mark_reviewed(self, request, queryset):
        count = queryset.update(is_placeholder=False)
        self.message_user(request, f"روجع {count} منفذاً.")

    @admin.action(description="دمج المنافذ المحددة في منفذ واحد")
    def merge(self, request, queryset):
        """A confirmation page to choose the outlet kept (one of the selected, or any other), then the merge."""
        outlets = list(
            queryset.annotate(
                published=Count("articles", distinct=True), cited=Count("citations", distinct=True)
            ).order_by("is_placeholder", "-published", "pk")
        )
        other = request.POST.get("other", "").strip()
        error = ""
        if "apply" in request.POST:
            kept = self._kept(request.POST.get("kept"), other, outlets)
            if kept is None:
                error = f"لا منفذ في المعجم اسمه أو نطاقه «{other}»." if other else "اختر المنفذ الذي يبقى."
            elif len({o.pk for o in outlets} | {kept.pk}) < 2:
                error = "اختر منفذين على الأقل، أو منفذاً ومنفذاً آخر يُدمج فيه."
            else:
                done = merge_outlets(outlets, kept)
                self.message_user(
                    request,
                    f"دُمج {done.outlets} منفذاً في «{kept.name_ar}»: نُقل {done.articles} مقالاً و{done.citations} إسناداً.",
                )
                return None
        context = {
            **self.admin_site.each_context(request),
            "title": "دمج المنافذ",
            "outlets": outlets,
            "default": outlets[0] if outlets else None,
            "other": other,
            "error": error,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/sources/outlet/merge.html", context)

    @staticmethod
    def _kept(choice: str | None, other: str, outlets: list[Outlet]) -> Outlet | None:
        if other:
            return OutletResolver(create_placeholders=False).resolve(other, create=False)
        return next((o for o in outlets if str(o.pk) == choice), None)

from django import forms
from django.contrib import admin
from django.contrib.admin.models import CHANGE, DELETION, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count
from django.template.response import TemplateResponse

from newsroom.counts import counted
from sources.countries import all_country_choices, country_choices, country_name
from sources.merging import merge_outlets, undo_merge
from sources.models import Outlet, OutletDomain, OutletMerge
from sources.resolver import OutletResolver


class OutletDomainInline(admin.TabularInline):
    model = OutletDomain
    extra = 1


class CountryFilter(admin.SimpleListFilter):
    """The countries of the outlets, by name (the database keeps ISO codes)."""

    title = "البلد"
    parameter_name = "country"

    def lookups(self, request, model_admin):
        return country_choices()

    def queryset(self, request, queryset):
        return queryset.filter(country=self.value()) if self.value() else queryset


@admin.register(Outlet)
class OutletAdmin(admin.ModelAdmin):
    list_display = ["name_ar", "name_latin", "kind", "country_shown", "is_placeholder", "slug"]
    list_filter = ["is_placeholder", "kind", CountryFilter]
    search_fields = ["name_ar", "name_latin", "slug", "aliases", "domains__domain"]
    prepopulated_fields = {"slug": ["name_latin"]}
    inlines = [OutletDomainInline]
    actions = ["mark_reviewed", "merge"]

    @admin.display(description="البلد", ordering="country")
    def country_shown(self, outlet):
        return country_name(outlet.country) or "—"

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "country":  # a choice of names, not a box expecting an ISO code
            choices = [("", "—"), *all_country_choices()]
            return forms.ChoiceField(label=db_field.verbose_name, choices=choices, required=False)
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    @admin.action(description="تأكيد مراجعة المنافذ المحددة", permissions=["change"])
    def mark_reviewed(self, request, queryset):
        count = queryset.update(is_placeholder=False)
        self.message_user(request, f"روجع {counted(count, 'outlet')}.")

    @admin.action(description="دمج المنافذ المحددة في منفذ واحد", permissions=["change", "delete"])
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
                done = merge_outlets(outlets, kept, user=request.user)
                self._log(request, kept, outlets, done)
                self.message_user(
                    request,
                    f"دُمج {counted(done.outlets, 'outlet')} في «{kept.name_ar}»: نُقل {counted(done.articles, 'article')} "
                    f"و{counted(done.citations, 'attribution')}. للتراجع: «عمليات دمج المنافذ».",
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

    def _log(self, request, kept: Outlet, outlets: list[Outlet], done) -> None:
        """The merge in the admin's history: a change of the kept outlet, a deletion of each other."""
        kind = ContentType.objects.get_for_model(Outlet)
        gone = [outlet for outlet in outlets if outlet.pk != kept.pk]
        names = "، ".join(outlet.name_ar for outlet in gone)
        LogEntry.objects.log_actions(
            request.user.pk, [kept], CHANGE, change_message=f"دُمج فيه: {names} (الدمج رقم {done.record.pk})",
            single_object=True,
        )  # fmt: skip
        for outlet in gone:
            LogEntry.objects.create(
                user_id=request.user.pk, content_type=kind, object_id=str(outlet.pk), object_repr=str(outlet)[:200],
                action_flag=DELETION, change_message=f"دُمج في «{kept.name_ar}» (الدمج رقم {done.record.pk})",
            )  # fmt: skip

    @staticmethod
    def _kept(choice: str | None, other: str, outlets: list[Outlet]) -> Outlet | None:
        if other:
            return OutletResolver(create_placeholders=False).resolve(other, create=False)
        return next((o for o in outlets if str(o.pk) == choice), None)


@admin.register(OutletMerge)
class OutletMergeAdmin(admin.ModelAdmin):
    """Merges of outlets, as recorded; an editor can undo one."""

    list_display = ["__str__", "merged_by", "merged_at", "undone_at"]
    list_select_related = ["kept", "merged_by"]
    readonly_fields = ["kept", "merged", "added_aliases", "merged_by", "merged_at", "undone_at"]
    actions = ["undo"]

    def has_add_permission(self, request):
        return False

    def has_undo_permission(self, request):
        return request.user.has_perms(["sources.change_outlet", "sources.add_outlet"])

    @admin.action(description="التراجع عن عمليات الدمج المحددة", permissions=["undo"])
    def undo(self, request, queryset):
        restored = []
        for record in queryset.filter(undone_at__isnull=True).select_related("kept"):
            outlets = undo_merge(record)
            restored += outlets
            LogEntry.objects.log_actions(
                request.user.pk, [record.kept], CHANGE, single_object=True,
                change_message=f"تُراجع عن الدمج رقم {record.pk}: أُعيد {'، '.join(o.name_ar for o in outlets)}",
            )  # fmt: skip
        self.message_user(request, f"أُعيد {counted(len(restored), 'outlet')} بمقالاتها وإسناداتها ونطاقاتها.")

"""Ingest runs in the admin: the list, the Ingest page, previews, and each run's live progress."""

from functools import wraps

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render
from django.urls import path, reverse

from articles.admin import ingest_views
from articles.models import IngestRun


def may_ingest(user) -> bool:
    """Ingesting creates articles and replaces those whose URL comes back with other content."""
    return user.is_active and user.is_staff and user.has_perms(["articles.add_article", "articles.change_article"])


@admin.register(IngestRun)
class IngestRunAdmin(admin.ModelAdmin):
    change_list_template = "admin/articles/ingestrun_changelist.html"
    list_display = ["__str__", "status", "started_at", "origin", "started_by", "progress", "created", "updated",
                    "unchanged", "failed"]  # fmt: skip
    list_filter = ["status", "origin"]
    list_select_related = ["started_by"]
    show_full_result_count = False

    def get_urls(self):
        def guarded(view, allowed):
            @wraps(view)
            def checked(request, *args, **kwargs):
                if not allowed(request):
                    raise PermissionDenied
                return view(request, *args, **kwargs)

            return self.admin_site.admin_view(checked)

        ingesting = lambda request: may_ingest(request.user)  # noqa: E731
        return [
            path("ingest/", guarded(ingest_views.ingest_view, ingesting), name="articles_ingest"),
            path("<int:pk>/preview/", guarded(ingest_views.preview_view, ingesting), name="articles_ingestrun_preview"),
            path("<int:pk>/status/", guarded(ingest_views.status_view, self.has_view_permission),
                 name="articles_ingestrun_status"),
            path("<int:pk>/cancel/", guarded(ingest_views.cancel_view, self.has_change_permission),
                 name="articles_ingestrun_cancel"),
            *super().get_urls(),
        ]  # fmt: skip

    @admin.display(description="التقدم")
    def progress(self, run: IngestRun) -> str:
        return f"{run.processed:,} / {run.total:,}" if run.total else f"{run.processed:,}"

    def change_view(self, request, object_id, form_url="", extra_context=None):
        """A run's page: its progress, live, its failures and notes, the articles it saved."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        run = get_object_or_404(IngestRun, pk=object_id)
        context = {
            **self.admin_site.each_context(request),
            "title": str(run),
            "run": run,
            "opts": IngestRun._meta,
            "status_url": reverse("admin:articles_ingestrun_status", args=[run.pk]),
            "can_cancel": self.has_change_permission(request, run) and not run.is_finished,
            "may_ingest": may_ingest(request.user),
            "articles": ingest_views.created_articles(run),
        }
        return render(request, "admin/articles/ingestrun_progress.html", context)

    def changelist_view(self, request, extra_context=None):
        return super().changelist_view(request, {**(extra_context or {}), "may_ingest": may_ingest(request.user)})

    def has_add_permission(self, request):
        return False

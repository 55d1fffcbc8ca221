"""Login lockouts in the admin, in Arabic; the worker's own job table is left to operators.

Axes's own admin (turned off by AXES_ENABLE_ADMIN) shows its columns in English. Editors need one
thing from it: who is locked out, and a way to lift the lockout, which is deleting the attempt.
The ingest queue's jobs are followed from each run's page (articles/admin/ingest.py); the raw job
table Procrastinate adds speaks its own vocabulary (todo, doing, lock, queue) and is not shown.
"""

from axes.models import AccessAttempt
from django.conf import settings
from django.contrib import admin
from procrastinate.contrib.django.models import ProcrastinateJob

if admin.site.is_registered(ProcrastinateJob):
    admin.site.unregister(ProcrastinateJob)


@admin.register(AccessAttempt)
class LockoutAdmin(admin.ModelAdmin):
    list_display = ["username", "ip_address", "failures_since_start", "attempt_time", "locked_out"]
    list_display_links = None
    search_fields = ["username", "ip_address"]
    actions = ["delete_selected"]

    @admin.display(description="اسم المستخدم")
    def username(self, attempt):
        return attempt.username or "—"

    @admin.display(description="عنوان IP")
    def ip_address(self, attempt):
        return attempt.ip_address or "—"

    @admin.display(description="محاولات فاشلة")
    def failures_since_start(self, attempt):
        return attempt.failures_since_start

    @admin.display(description="آخر محاولة")
    def attempt_time(self, attempt):
        return attempt.attempt_time

    @admin.display(description="محظور", boolean=True)
    def locked_out(self, attempt):
        return attempt.failures_since_start >= settings.AXES_FAILURE_LIMIT

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

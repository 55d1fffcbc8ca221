"""The admin's Ingest page: upload or paste, preview what saving would do, confirm, follow the run.

Every step is quick, whatever the size of the input: the upload is staged in the database with a
run in preview; a worker reads it (articles.tasks.preview_run) and lists each article with what
saving it would do; the editor deselects what they do not want and confirms; a worker saves the
run in batches while its page shows the progress, live. Nothing runs inside the request, so a
4,000-record file never meets the web server's timeout.
"""

from __future__ import annotations

from pathlib import Path

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe

from articles.ingest import Overrides
from articles.ingest.dates import parse_timestamp
from articles.ingest.service import start_run
from articles.ingest.staging import stage_stream
from articles.models import Article, IngestRun, PreviewItem
from articles.models.ingest_run import Status
from sources.models import Outlet

PREVIEW_PAGE = 50
SINGLE_PAGE = (".txt", ".text", ".html", ".htm")  # what the URL field can name


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        kwargs.setdefault("allow_empty_file", True)  # an empty file is reported by the preview, with its name
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, list | tuple):
            return [super(MultipleFileField, self).clean(item, initial) for item in data]
        return [super().clean(data, initial)] if data else []


class IngestForm(forms.Form):
    files = MultipleFileField(label="ملفات (txt أو html أو jsonl أو zip)", required=False)
    text = forms.CharField(label="أو الصق نص الصفحة", widget=forms.Textarea(attrs={"rows": 10}), required=False)
    publisher = forms.ModelChoiceField(Outlet.objects.all(), label="الناشر (اختياري)", required=False)
    url = forms.URLField(
        label="الرابط (اختياري، لصفحة واحدة فقط)", required=False, max_length=2000, assume_scheme="https"
    )
    published = forms.CharField(label="تاريخ النشر (اختياري، مثل 2023-05-08)", required=False)

    def clean_files(self):
        files = self.cleaned_data["files"]
        limit = settings.ISNAD_MAX_UPLOAD_BYTES
        for upload in files:
            if upload.size > limit:
                raise forms.ValidationError(
                    f"الملف «{upload.name}» حجمه {upload.size // 1024 // 1024} م.ب، والحد الأقصى {limit // 1024 // 1024} م.ب."
                )
        return files

    def clean_published(self):
        value = self.cleaned_data["published"].strip()
        if value and not parse_timestamp(value):
            raise forms.ValidationError("تاريخ غير مفهوم: اكتبه بالصيغة 2023-05-08.")
        return value

    def clean(self):
        data = super().clean()
        files, text = data.get("files") or [], (data.get("text") or "").strip()
        if not files and not text:
            raise forms.ValidationError("ارفع ملفاً واحداً على الأقل أو الصق نصاً.")
        several = len(files) + bool(text) > 1 or any(not f.name.lower().endswith(SINGLE_PAGE) for f in files)
        if data.get("url") and several:
            # One URL on several pages would make each replace the one before it.
            self.add_error("url", "الرابط لصفحة واحدة: أدخل الملفات بلا رابط، أو صفحة واحدة (txt أو html) مع رابطها.")
        return data


def ingest_view(request):
    """GET: the form. POST: stage the inputs as a run in preview, and go to its preview."""
    context = {**admin.site.each_context(request), "title": "إدخال مقالات"}
    form = IngestForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        run = _stage(request, form.cleaned_data)
        return redirect("admin:articles_ingestrun_preview", run.pk)
    context["form"] = form
    return render(request, "admin/articles/ingest.html", context)


@transaction.atomic
def _stage(request, data: dict) -> IngestRun:
    from articles.tasks import preview_run

    overrides = Overrides(
        publisher=data.get("publisher"), url=data.get("url") or None, published=data.get("published") or None
    )
    run = start_run([], origin=IngestRun.Origin.ADMIN, user=request.user, overrides=overrides, status=Status.PREVIEW)
    names = []
    for number, upload in enumerate(data["files"]):
        name = Path(upload.name).name or f"upload-{number}"
        with upload.open("rb") as stream:
            stage_stream(run, number, name, stream)
        names.append(name)
    if data["text"].strip():
        from io import BytesIO

        stage_stream(run, len(names), "pasted.txt", BytesIO(data["text"].encode("utf-8")))
        names.append("pasted.txt")
    run.inputs = "\n".join(names)
    run.save(update_fields=["inputs"])
    preview_run.defer(run_id=run.pk)
    return run


def preview_view(request, pk: int):
    """The preview of a run: what saving would do, item by item; confirm or deselect."""
    run = get_object_or_404(IngestRun, pk=pk)
    if run.status != Status.PREVIEW:
        return redirect("admin:articles_ingestrun_change", run.pk)
    items = run.preview_items.select_related("article")
    page = Paginator(items, PREVIEW_PAGE).get_page(request.POST.get("page") or request.GET.get("page"))
    if request.method == "POST":
        _keep_selection(run, page, request.POST.getlist("selected"))
        if "confirm" in request.POST:
            return _confirm(request, run)
        if "discard" in request.POST:
            run.delete()
            messages.info(request, "أُلغيت المعاينة ولم يُحفظ شيء.")
            return redirect("admin:articles_ingest")
        return redirect(
            f"{reverse('admin:articles_ingestrun_preview', args=[run.pk])}?page={request.POST.get('goto', 1)}"
        )
    preview = (run.options or {}).get("preview")
    context = {
        **admin.site.each_context(request),
        "title": f"معاينة الإدخال #{run.pk}",
        "run": run,
        "ready": preview is not None,
        "preview": preview or {},
        "page": page,
        "items": [_shown(item) for item in page.object_list] if preview else [],
        "selected_count": items.filter(selected=True).count() if preview else 0,
        "status_url": reverse("admin:articles_ingestrun_status", args=[run.pk]),
        "opts": IngestRun._meta,
    }
    return render(request, "admin/articles/ingest_preview.html", context)


def _keep_selection(run: IngestRun, page, selected: list[str]) -> None:
    on_page = [item.pk for item in page.object_list if item.outcome != PreviewItem.Outcome.FAILED]
    chosen = {int(pk) for pk in selected if pk.isdigit()} & set(on_page)
    PreviewItem.objects.filter(run=run, pk__in=on_page).exclude(pk__in=chosen).update(selected=False)
    PreviewItem.objects.filter(run=run, pk__in=chosen).update(selected=True)


@transaction.atomic
def _confirm(request, run: IngestRun):
    from articles.tasks import ingest_run

    skipped = [item.position for item in run.preview_items.filter(selected=False)]
    run.options = {**run.options, "skip": skipped}
    run.status = Status.QUEUED
    run.save(update_fields=["options", "status"])
    run.preview_items.all().delete()
    ingest_run.defer(run_id=run.pk)
    messages.success(request, "بدأ الإدخال. تتابع هذه الصفحة تقدمه، ولك أن تغادرها: يستمر العمل في الخلفية.")
    return redirect("admin:articles_ingestrun_change", run.pk)


def _shown(item: PreviewItem) -> dict:
    data = item.data or {}
    return {
        "item": item,
        "data": data,
        "highlighted": highlighted(data.get("source_text", ""), data.get("attributions", [])),
    }


def highlighted(source_text: str, attributions: list[dict]) -> str:
    """The text the parser read, HTML-escaped, with each attribution's evidence in <mark>."""
    spans = sorted(
        (a["start"], a["end"], a.get("kind_label") or a["kind"]) for a in attributions if a["end"] > a["start"]
    )
    parts, position = [], 0
    for start, end, kind in spans:
        if start < position:
            continue
        parts += [
            escape(source_text[position:start]),
            f'<mark title="{escape(kind)}">',
            escape(source_text[start:end]),
            "</mark>",
        ]
        position = end
    parts.append(escape(source_text[position:]))
    return mark_safe("".join(parts))


def status_view(request, pk: int):
    """A run's progress as JSON, for its page to show live."""
    run = get_object_or_404(IngestRun, pk=pk)
    elapsed = max(1.0, ((run.finished_at or run.updated_at) - run.started_at).total_seconds())
    rate = run.processed / elapsed if run.processed else 0
    left = (run.total - run.processed) / rate if rate and run.total and run.total > run.processed else None
    return JsonResponse(
        {
            "status": run.status,
            "status_label": run.get_status_display(),
            "finished": run.is_finished,
            "traced": run.is_traced,
            "preview_ready": bool((run.options or {}).get("preview")),
            "processed": run.processed,
            "total": run.total,
            "rate": round(rate, 1),
            "seconds_left": round(left) if left is not None else None,
            "created": run.created,
            "updated": run.updated,
            "unchanged": run.unchanged,
            "failed": run.failed,
            "batches": run.batches,
            "traced_batches": run.traced,
            "failures": [_shown_failure(failure) for failure in run.failures[-20:]],
            "error": run.error,
        }
    )


def cancel_view(request, pk: int):
    if request.method != "POST":
        raise Http404
    run = get_object_or_404(IngestRun, pk=pk)
    if not run.is_finished:
        IngestRun.objects.filter(pk=run.pk).update(cancel_requested=True)
        messages.warning(request, "طُلب إلغاء الإدخال: يتوقف بعد الدفعة الجارية، ويبقى ما حُفظ قبلها.")
    return redirect("admin:articles_ingestrun_change", run.pk)


def created_articles(run: IngestRun, limit: int = 50):
    return Article.objects.filter(ingest_run=run).order_by("pk").select_related("publisher")[:limit]


def _shown_failure(failure: dict) -> dict:
    """A failure as the run page lists it: the reason in Arabic, the machine's words apart."""
    from articles.ingest.reasons import in_arabic

    reason = in_arabic(failure.get("reason") or "")
    return {**failure, "reason_text": reason.text, "reason_detail": reason.detail}

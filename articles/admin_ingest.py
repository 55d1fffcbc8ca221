"""The admin's Ingest page: upload or paste, preview what was extracted, confirm to save.

Uploads wait in a private folder between preview and confirmation, named by a random token;
confirmation ingests them through the same service as `manage.py ingest`, then removes them.
"""

from __future__ import annotations

import secrets
import shutil
from pathlib import Path

from django import forms
from django.conf import settings
from django.contrib import admin
from django.shortcuts import render
from django.utils.html import escape
from django.utils.safestring import mark_safe

from articles.ingest import Overrides, ingest
from articles.ingest.dates import parse_timestamp
from articles.ingest.preview import draft_json
from articles.models import IngestRun
from sources.models import Outlet

UPLOADS = Path(settings.BASE_DIR) / ".uploads"
TOKEN_BYTES = 16


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, list | tuple):
            return [super(MultipleFileField, self).clean(item, initial) for item in data]
        return [super().clean(data, initial)] if data else []


class IngestForm(forms.Form):
    files = MultipleFileField(label="ملفات (txt أو html أو jsonl أو zip)", required=False)
    text = forms.CharField(label="أو الصق نص الصفحة", widget=forms.Textarea(attrs={"rows": 10}), required=False)
    publisher = forms.ModelChoiceField(Outlet.objects.all(), label="الناشر (اختياري)", required=False)
    url = forms.URLField(label="الرابط (اختياري)", required=False, max_length=2000, assume_scheme="https")
    published = forms.CharField(label="تاريخ النشر (اختياري، YYYY-MM-DD)", required=False)

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
        if not data.get("files") and not (data.get("text") or "").strip():
            raise forms.ValidationError("ارفع ملفاً واحداً على الأقل أو الصق نصاً.")
        return data


def save_uploads(form: IngestForm) -> str:
    token = secrets.token_hex(TOKEN_BYTES)
    folder = UPLOADS / token
    folder.mkdir(parents=True)
    for index, upload in enumerate(form.cleaned_data["files"]):
        name = Path(upload.name).name or f"upload-{index}"
        with (folder / f"{index:03d}-{name}").open("wb") as out:
            for chunk in upload.chunks():
                out.write(chunk)
    if form.cleaned_data["text"].strip():
        (folder / "pasted.txt").write_text(form.cleaned_data["text"], encoding="utf-8")
    return token


def upload_folder(token: str) -> Path | None:
    if len(token) != TOKEN_BYTES * 2 or not all(c in "0123456789abcdef" for c in token):
        return None
    folder = UPLOADS / token
    return folder if folder.is_dir() else None


def highlighted(source_text: str, attributions: list[dict]) -> str:
    """The text the parser read, HTML-escaped, with each attribution's evidence in <mark>."""
    spans = sorted((a["start"], a["end"], a["kind"]) for a in attributions if a["end"] > a["start"])
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


def ingest_view(request):
    """GET: the form. POST: preview (dry run). POST with a token: confirm and save."""
    context = {**admin.site.each_context(request), "title": "إدخال مقالات"}
    if request.method == "POST" and request.POST.get("token"):
        return _confirm(request, context)
    form = IngestForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        token = save_uploads(form)
        report = ingest([str(UPLOADS / token)], overrides=_overrides(form.cleaned_data), dry_run=True)
        previews = []
        for draft in report.drafts:
            item = draft_json(draft)
            item["highlighted"] = highlighted(draft.source_text, item["attributions"])
            previews.append(item)
        context.update(form=form, token=token, previews=previews, failures=report.failures)
        return render(request, "admin/articles/ingest_preview.html", context)
    context["form"] = form
    return render(request, "admin/articles/ingest.html", context)


def _confirm(request, context):
    folder = upload_folder(request.POST["token"])
    if folder is None:
        context["error"] = "انتهت صلاحية المعاينة أو سبق تأكيدها. أعد رفع الملفات."
        context["form"] = IngestForm()
        return render(request, "admin/articles/ingest.html", context)
    form = IngestForm(request.POST)
    form.is_valid()  # only the optional fields matter now
    overrides = _overrides({k: form.cleaned_data.get(k) for k in ("publisher", "url", "published")})
    report = ingest([str(folder)], overrides=overrides, origin=IngestRun.Origin.ADMIN, user=request.user)
    shutil.rmtree(folder, ignore_errors=True)
    context.update(report=report)
    return render(request, "admin/articles/ingest_result.html", context)


def _overrides(data: dict) -> Overrides:
    return Overrides(
        publisher=data.get("publisher"), url=data.get("url") or None, published=data.get("published") or None
    )

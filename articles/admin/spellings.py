from django import forms
from django.contrib import admin, messages
from django.db.models import OuterRef, Subquery
from django.urls import reverse
from django.utils.html import format_html_join
from django.utils.http import urlencode
from django.utils.safestring import mark_safe

from articles.models import SearchTerm, SpellingPair, SpellingStatus
from articles.models.spelling import EDITOR_STATUSES, MERGED, ordered
from articles.search import vocabulary
from articles.search.analysis import TOKEN, analyse
from articles.search.compile import as_written, finds

EDITOR_REASON = "قرار محرر"


class SpellingPairForm(forms.ModelForm):
    """An editor's pair: two spellings typed as written (with or without the article), and a decision."""

    status = forms.ChoiceField(label="الحكم", choices=[(s.value, s.label) for s in EDITOR_STATUSES])

    class Meta:
        model = SpellingPair
        fields = ["form", "other", "status"]
        help_texts = {
            "form": "تُكتب الكلمة كما ترد، بأل التعريف أو من دونها.",
            "other": "التهجئة الأخرى للكلمة نفسها، أو كلمة لا يجوز أن يجمعها البحث بالأولى.",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        current = self.instance.status
        if current and current not in EDITOR_STATUSES:  # a machine's decision, kept if saved unchanged
            self.fields["status"].choices = [(current, SpellingStatus(current).label), *self.fields["status"].choices]

    def clean(self):
        cleaned = super().clean()
        typed = [cleaned.get("form", "").strip(), cleaned.get("other", "").strip()]
        if not all(typed):
            return cleaned
        if not all(TOKEN.fullmatch(word) for word in typed):
            raise forms.ValidationError("تُكتب في كل خانة كلمة واحدة، دون مسافات أو علامات.")
        forms_ = [_searched_form(word) for word in typed]
        if not all(form and form.isalpha() and not form.isascii() for form in forms_):
            raise forms.ValidationError("التهجئات البديلة لكلمات عربية؛ الكلمات اللاتينية يجدها البحث كما تُكتب.")
        if any(len(form) < vocabulary.MIN_FORM for form in forms_):
            raise forms.ValidationError("لا تُبحث التهجئات البديلة إلا لكلمات من أربعة أحرف أو أكثر.")
        if forms_[0] == forms_[1]:
            raise forms.ValidationError("الصيغتان واحدة كما يقرؤها البحث.")
        cleaned["form"], cleaned["other"] = ordered(*forms_)
        pair = SpellingPair.objects.filter(form=cleaned["form"], other=cleaned["other"]).exclude(pk=self.instance.pk)
        if pair.exists():
            raise forms.ValidationError("الزوج موجود في الجدول؛ افتحه من القائمة لتغيير الحكم فيه.")
        self.instance.form, self.instance.other = cleaned["form"], cleaned["other"]
        return cleaned


def _searched_form(word: str) -> str:
    """A typed word as search indexes it (folded, without the article); empty if it is no word."""
    readings = analyse(word)
    return as_written(readings).form if readings else ""


def _articles(field: str):
    return Subquery(SearchTerm.objects.filter(form=OuterRef(field)).values("article_count")[:1])


def search_lines(pair: SpellingPair) -> list[str]:
    lines = []
    for word, other in ((pair.form, pair.other), (pair.other, pair.form)):
        if finds(word, other):
            lines.append(f"البحث عن «{word}» يجد «{other}».")
            continue
        why = ""
        if pair.status in MERGED:
            target = analyse(other)[0]
            if target.lexeme != target.form:
                why = (
                    f" تُفهرس «{other}» تحت «{target.lexeme}»، وهي كلمة أخرى أشيع منها، فلا يجمعها البحث بها وحدها؛"
                    " ولا يفهرسها كما تُكتب لأنها ليست في قوائم الأسماء."
                )
            elif not SearchTerm.objects.filter(form=other, article_count__gt=0).exists():
                why = f" لا مقالات منشورة مكتوبة بـ«{other}»."
        lines.append(f"البحث عن «{word}» لا يجد «{other}».{why}")
    return lines


@admin.register(SpellingPair)
class SpellingPairAdmin(admin.ModelAdmin):
    """The variants table: what the archive learned, with its evidence, and the editors' decisions.
    `manage.py learn_spellings` decides the learned pairs again; an editor's decision stays."""

    form = SpellingPairForm
    list_display = ["form", "form_articles", "other", "other_articles", "status", "copies", "usage", "listed"]
    list_filter = ["status", "listed"]
    search_fields = ["form", "other"]
    readonly_fields = ["copies", "usage", "beside", "listed", "reason", "decided_at", "in_the_archive", "in_search"]
    actions = ["accept", "reject"]
    show_full_result_count = False

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(form_count=_articles("form"), other_count=_articles("other"))

    @admin.display(description="مقالات الصيغة", ordering="form_count")
    def form_articles(self, pair):
        return pair.form_count or 0

    @admin.display(description="مقالات الأخرى", ordering="other_count")
    def other_articles(self, pair):
        return pair.other_count or 0

    @admin.display(description="في الأرشيف")
    def in_the_archive(self, pair):
        """Each form searched on the public site, to read where the archive uses it."""
        return format_html_join(
            "، ",
            '<a href="{}?{}" target="_blank" rel="noopener">{}</a>',
            ((reverse("search"), urlencode({"q": f'"{form}"'}), form) for form in (pair.form, pair.other)),
        )

    @admin.display(description="في البحث")
    def in_search(self, pair):
        """What search does with the pair today, each way: a learned pair it cannot use is said so,
        not left for an editor to believe (كيفين is indexed under كيف, a commoner word)."""
        return format_html_join(mark_safe("<br>"), "{}", ((line,) for line in search_lines(pair)))

    def get_fields(self, request, obj=None):
        return ["form", "other", "status", *(self.readonly_fields if obj else [])]

    def save_model(self, request, obj, form, change):
        if obj.status in EDITOR_STATUSES:  # the machine's reason no longer explains the pair
            obj.reason = EDITOR_REASON
        super().save_model(request, obj, form, change)
        vocabulary.forget_spellings()

    @admin.action(description="إقرار: يجد البحث كل صيغة بالأخرى", permissions=["change"])
    def accept(self, request, queryset):
        self._decide(request, queryset, SpellingStatus.ACCEPTED)

    @admin.action(description="رفض: لا يجمع البحث الصيغتين", permissions=["change"])
    def reject(self, request, queryset):
        self._decide(request, queryset, SpellingStatus.REJECTED)

    def _decide(self, request, queryset, status):
        """Each pair saved (its date of decision too) and written to its history, as a form would."""
        pairs = list(queryset)
        for pair in pairs:
            pair.status, pair.reason = status, EDITOR_REASON
            pair.save(update_fields=["status", "reason", "decided_at"])
            self.log_change(request, pair, SpellingStatus(status).label)
        vocabulary.forget_spellings()
        self.message_user(request, f"{SpellingStatus(status).label} ({len(pairs)})", messages.SUCCESS)

"""Editors' workflows in the admin, as an editor runs them: ingest with a preview that says what
will happen, review of attributions, events split and moved, outlets merged and unmerged; and
what accounts without the permission cannot do."""

import io

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client

from articles.ingest import previews
from articles.ingest.runs import InlineTracing, process
from articles.models import Article, Attribution, Event, IngestRun
from sources.models import Outlet, OutletMerge

pytestmark = pytest.mark.django_db
INGEST = "/admin/articles/ingestrun/ingest/"
PAGE = (
    "مطار جديد في المنطقة الشمالية\n\nعرعر - واس\n\n"
    "أعلنت الهيئة العامة للطيران المدني اليوم بدء تشغيل مطار جديد في المنطقة الشمالية، "
    "يستقبل رحلات داخلية يومية اعتباراً من الشهر المقبل.\n"
)


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=io.StringIO())
    return Article.objects.all()


def staff(django_user_model, name: str, *permissions: str) -> Client:
    user = django_user_model.objects.create_user(name, f"{name}@example.invalid", "pw-for-tests-123", is_staff=True)
    for codename in permissions:
        app, code = codename.split(".")
        user.user_permissions.add(Permission.objects.get(content_type__app_label=app, codename=code))
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def editor(db, django_user_model):
    user = django_user_model.objects.create_superuser("chief-editor", "e@example.invalid", "pw-for-tests-123")
    client = Client()
    client.force_login(user)
    client.user = user
    return client


def worker_reads_preview() -> IngestRun:
    """What a worker does with the job the page deferred: read the run without saving it."""
    run = IngestRun.objects.get(status="preview")
    return previews.build(run.pk)


def worker_saves(run: IngestRun) -> IngestRun:
    return process(run.pk, InlineTracing())


# --- ingest -------------------------------------------------------------------------------------


def test_the_preview_says_what_each_article_will_do_and_nothing_is_written(editor, demo):
    agency = Article.objects.get(source_name__endswith="01_spa_palm_festival.txt")
    changed = agency.raw.replace("اليوم", "أمس", 1)
    files = [
        SimpleUploadedFile("new.txt", PAGE.encode()),
        SimpleUploadedFile("same.txt", agency.raw.encode()),
        SimpleUploadedFile("changed.txt", changed.encode()),
        SimpleUploadedFile("empty.txt", b""),
    ]
    response = editor.post(INGEST, {"files": files})
    run = IngestRun.objects.get(status="preview")
    assert response.status_code == 302 and response["Location"].endswith(f"/{run.pk}/preview/")
    waiting = editor.get(response["Location"]).content.decode()
    assert "يقرأ العامل الملفات" in waiting and "ingest-run.js" in waiting
    worker_reads_preview()
    html = editor.get(response["Location"]).content.decode()
    assert "جديد</span> مقالان" in html  # new.txt and changed.txt (a page's identity is its text)
    assert "موجود بلا تغيير</span> مقال واحد" in html and "لا يمكن إدخاله</span> خطأ واحد" in html
    assert "empty.txt" in html and "الملف فارغ" in html
    assert '<mark title="وكالة أنباء">عرعر - واس</mark>' in html
    assert Article.objects.count() == 5  # the demo's, nothing more


def test_an_editor_deselects_an_item_and_confirms_the_rest(editor, demo):
    pages = [SimpleUploadedFile(f"p{n}.txt", PAGE.replace("الشمالية", f"الشمالية رقم {n}").encode()) for n in range(3)]
    editor.post(INGEST, {"files": pages})
    run = worker_reads_preview()
    items = list(run.preview_items.order_by("pk"))
    keep = [str(items[0].pk), str(items[2].pk)]
    response = editor.post(f"/admin/articles/ingestrun/{run.pk}/preview/", {"selected": keep, "confirm": "1"})
    assert response.status_code == 302 and response["Location"].endswith(f"/articles/ingestrun/{run.pk}/change/")
    run.refresh_from_db()
    assert run.status == "queued" and run.options["skip"] == [items[1].position]
    run = worker_saves(run)
    assert (run.created, run.processed) == (2, 3)
    titles = set(Article.objects.filter(ingest_run=run).values_list("title", flat=True))
    assert titles == {"مطار جديد في المنطقة الشمالية رقم 0", "مطار جديد في المنطقة الشمالية رقم 2"}
    page = editor.get(f"/admin/articles/ingestrun/{run.pk}/change/").content.decode()
    assert "المقالات التي حفظها" in page and "رقم 2" in page and "ingest-run.js" not in page


def test_a_large_preview_is_paged_and_keeps_the_selection_across_pages(editor, monkeypatch):
    import json

    from articles.admin import ingest_views

    monkeypatch.setattr(ingest_views, "PREVIEW_PAGE", 5)
    lines = [json.dumps({"id": f"r{n}", "title": f"خبر رقم {n}", "text": PAGE}, ensure_ascii=False) for n in range(12)]
    editor.post(INGEST, {"files": [SimpleUploadedFile("r.jsonl", "\n".join(lines).encode())]})
    run = worker_reads_preview()
    url = f"/admin/articles/ingestrun/{run.pk}/preview/"
    first = list(run.preview_items.order_by("pk")[:5])
    html = editor.get(url).content.decode()
    assert "صفحة 1 من 3" in html and html.count('name="confirm"') == 2  # confirm at the top and the bottom
    editor.post(url, {"page": "1", "selected": [str(i.pk) for i in first[:4]], "goto": "2"})
    assert run.preview_items.filter(selected=False).count() == 1
    assert "أدخل المحدد (11 مقالاً)" in editor.get(url + "?page=2").content.decode()


def test_the_url_field_is_refused_for_several_inputs(editor):
    files = [SimpleUploadedFile("a.txt", PAGE.encode()), SimpleUploadedFile("b.txt", PAGE.encode())]
    html = editor.post(INGEST, {"files": files, "url": "https://example.org/news/1"}).content.decode()
    assert "الرابط لصفحة واحدة" in html and not IngestRun.objects.exists()
    one = SimpleUploadedFile("records.jsonl", b'{"title": "x", "text": "y"}\n')
    html = editor.post(INGEST, {"files": [one], "url": "https://example.org/news/1"}).content.decode()
    assert "الرابط لصفحة واحدة" in html


def test_a_run_page_reports_progress_as_json_and_can_be_cancelled(editor, demo):
    editor.post(INGEST, {"text": PAGE})
    run = worker_reads_preview()
    editor.post(f"/admin/articles/ingestrun/{run.pk}/preview/", {"confirm": "1", "selected": []})
    status = editor.get(f"/admin/articles/ingestrun/{run.pk}/status/").json()
    assert status["status"] == "queued" and status["processed"] == 0 and status["total"] == 1
    editor.post(f"/admin/articles/ingestrun/{run.pk}/cancel/")
    run = worker_saves(run)
    assert run.status == "cancelled" and Article.objects.count() == 5


def test_previews_never_confirmed_are_cleaned_after_a_day(editor):
    from django.utils import timezone

    from articles.tasks import clean_previews

    editor.post(INGEST, {"text": PAGE})
    IngestRun.objects.update(started_at=timezone.now() - timezone.timedelta(days=2))
    clean_previews(timestamp=0)
    assert not IngestRun.objects.exists()


# --- permissions ------------------------------------------------------------------------------


def test_a_staff_account_without_permissions_cannot_ingest(django_user_model, demo):
    nobody = staff(django_user_model, "nobody")
    assert nobody.get(INGEST).status_code == 403
    assert nobody.post(INGEST, {"text": PAGE}).status_code == 403
    viewer = staff(django_user_model, "viewer", "articles.view_article", "articles.view_ingestrun")
    assert viewer.post(INGEST, {"text": PAGE}).status_code == 403
    assert not IngestRun.objects.filter(origin="admin").exists()
    adder = staff(django_user_model, "adder", "articles.add_article")  # creating is not replacing
    assert adder.get(INGEST).status_code == 403


ACTIONS = [
    ("/admin/articles/article/", "hide", Article, "articles"),
    ("/admin/articles/article/", "publish", Article, "articles"),
    ("/admin/articles/article/", "split_into_new_event", Article, "articles"),
    ("/admin/articles/article/", "move_to_event", Article, "articles"),
    ("/admin/articles/event/", "merge", Event, "articles"),
    ("/admin/articles/event/", "lock", Event, "articles"),
    ("/admin/articles/event/", "unlock", Event, "articles"),
    ("/admin/articles/attribution/", "confirm", Attribution, "articles"),
    ("/admin/articles/attribution/", "reject", Attribution, "articles"),
    ("/admin/sources/outlet/", "merge", Outlet, "sources"),
    ("/admin/sources/outlet/", "mark_reviewed", Outlet, "sources"),
]


def _state(model):
    fields = {"Article": ("visibility", "event_id"), "Event": ("is_locked", "article_count"),
              "Attribution": ("review",), "Outlet": ("is_placeholder", "name_ar")}[model.__name__]  # fmt: skip
    return sorted(model.objects.values_list("pk", *fields))


@pytest.mark.parametrize("account", ["no permission", "view only"])
@pytest.mark.parametrize(("url", "action", "model", "app"), ACTIONS, ids=[f"{a[2].__name__}.{a[1]}" for a in ACTIONS])
def test_an_action_needs_its_permission(django_user_model, demo, account, url, action, model, app):
    name = model._meta.model_name
    permissions = [] if account == "no permission" else [f"{app}.view_{name}"]
    client = staff(django_user_model, account.replace(" ", "-"), *permissions)
    Article.objects.filter(source_name__endswith="02_sabq_rewrite.txt").update(visibility="hidden")
    before = _state(model), Event.objects.count(), Outlet.objects.count()
    selected = [str(pk) for pk in model.objects.values_list("pk", flat=True)[:3]]
    response = client.post(url, {"action": action, "_selected_action": selected, "apply": "1", "kept": selected[0]})
    assert response.status_code in (302, 403) or "لم يُتخذ" in response.content.decode() or response.status_code == 200
    assert (_state(model), Event.objects.count(), Outlet.objects.count()) == before


def test_an_editor_with_the_permissions_can_act(django_user_model, demo):
    client = staff(django_user_model, "desk", "articles.view_article", "articles.change_article")
    hidden = Article.objects.first()
    response = client.post("/admin/articles/article/", {"action": "hide", "_selected_action": [hidden.pk]}, follow=True)
    assert "أُخفي مقال واحد عن العموم" in response.content.decode()
    hidden.refresh_from_db()
    assert hidden.visibility == "hidden"


# --- events -----------------------------------------------------------------------------------


def test_a_split_names_its_event_at_once_and_leaves_no_empty_event(editor, demo):
    story = Article.objects.filter(source_name__regex=r"0[23]_[a-z_]+\.txt$")
    old = story[0].event
    response = editor.post(
        "/admin/articles/article/", {"action": "split_into_new_event", "_selected_action": [a.pk for a in story]},
        follow=True,
    )  # fmt: skip
    event = Article.objects.get(pk=story[0].pk).event
    assert event != old and event.title != "…" and not event.slug.startswith(("-", "e-"))
    assert event.is_locked and event.article_count == 2
    assert "أُنشئ حدث جديد من مقالين" not in response.content.decode()  # two, said in its dual form
    assert "أُنشئ حدث جديد من مقالان" in response.content.decode()
    assert editor.get(event.get_absolute_url()).status_code == 200
    old.refresh_from_db()
    assert old.article_count == 1  # the agency item stayed


def test_articles_move_to_an_event_chosen_by_its_title(editor, demo):
    records = list(Article.objects.filter(source_name__contains="04_records.jsonl").order_by("pk"))
    target, moved = records[0].event, records[1]
    source = moved.event
    response = editor.post(
        "/admin/articles/article/", {"action": "move_to_event", "_selected_action": [moved.pk], "event": target.pk},
        follow=True,
    )  # fmt: skip
    assert f"نُقل مقال واحد إلى «{target.title}»" in response.content.decode()
    moved.refresh_from_db()
    assert moved.event == target
    assert not Event.objects.filter(pk=source.pk).exists()  # emptied by the move: gone, not a stale public page
    found = editor.get(
        "/admin/autocomplete/", {"app_label": "articles", "model_name": "article", "field_name": "event",
                                 "term": target.title.split()[0]},
    ).json()  # fmt: skip
    assert any(item["id"] == str(target.pk) for item in found["results"])


def test_moving_without_choosing_an_event_says_so(editor, demo):
    article = Article.objects.first()
    response = editor.post(
        "/admin/articles/article/", {"action": "move_to_event", "_selected_action": [article.pk]}, follow=True
    )
    assert "اختر في خانة «الحدث»" in response.content.decode()


# --- attributions and outlets -----------------------------------------------------------------


def test_reviewing_the_second_attribution_records_who_and_when(editor, demo):
    copy = Article.objects.get(source_name__endswith="03_aggregator_copy.txt")
    attributions = list(copy.attributions.order_by("evidence_start", "pk"))
    assert len(attributions) >= 2
    url = f"/admin/articles/article/{copy.pk}/change/"
    form = editor.get(url).context["adminform"].form
    data = {name: form.initial.get(name, "") or "" for name in form.fields}
    data.update({"publisher": copy.publisher_id or "", "event": copy.event_id or "", "captions": ""})
    inline = editor.get(url).context["inline_admin_formsets"][0].formset
    data.update({f"{inline.prefix}-TOTAL_FORMS": len(attributions), f"{inline.prefix}-INITIAL_FORMS": len(attributions),
                 f"{inline.prefix}-MIN_NUM_FORMS": 0, f"{inline.prefix}-MAX_NUM_FORMS": 1000})  # fmt: skip
    for index, attribution in enumerate(attributions):
        for name in ("id", "kind", "review", "name_as_written", "outlet", "evidence", "evidence_start", "evidence_end",
                     "confidence", "upstream"):  # fmt: skip
            value = getattr(attribution, f"{name}_id" if name in ("outlet", "upstream") else name)
            data[f"{inline.prefix}-{index}-{name}"] = "" if value is None else value
        data[f"{inline.prefix}-{index}-article"] = copy.pk
    data[f"{inline.prefix}-1-review"] = "rejected"
    versions = editor.get(url).context["inline_admin_formsets"][1].formset
    data.update({f"{versions.prefix}-TOTAL_FORMS": 0, f"{versions.prefix}-INITIAL_FORMS": 0})
    response = editor.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    second = Attribution.objects.get(pk=attributions[1].pk)
    assert second.review == "rejected" and second.reviewed_by == editor.user and second.reviewed_at is not None
    assert Attribution.objects.get(pk=attributions[0].pk).reviewed_by is None


def test_an_outlet_merge_is_in_the_history_and_can_be_undone(editor, demo):
    from django.contrib.admin.models import LogEntry

    placeholder = Outlet.objects.get(name_ar="مرآة الأخبار")
    sabq = Outlet.objects.get(slug="sabq")
    articles = set(Article.objects.filter(publisher=placeholder).values_list("pk", flat=True))
    response = editor.post(
        "/admin/sources/outlet/",
        {"action": "merge", "_selected_action": [placeholder.pk, sabq.pk], "apply": "1", "kept": sabq.pk},
        follow=True,
    )
    assert "دُمج منفذ واحد في «سبق»" in response.content.decode()
    assert not Outlet.objects.filter(name_ar="مرآة الأخبار").exists()
    assert LogEntry.objects.filter(object_id=str(sabq.pk), change_message__contains="مرآة الأخبار").exists()
    merge = OutletMerge.objects.get()
    editor.post("/admin/sources/outletmerge/", {"action": "undo", "_selected_action": [merge.pk]})
    restored = Outlet.objects.get(name_ar="مرآة الأخبار")
    assert set(Article.objects.filter(publisher=restored).values_list("pk", flat=True)) == articles
    sabq.refresh_from_db()
    assert "مرآة الأخبار" not in sabq.aliases
    merge.refresh_from_db()
    assert merge.undone_at is not None


def test_an_article_is_found_in_the_admin_by_its_number(editor, demo):
    article = Article.objects.order_by("pk").last()
    html = editor.get("/admin/articles/article/", {"q": str(article.pk)}).content.decode()
    assert f"/admin/articles/article/{article.pk}/change/" in html


def test_public_pages_link_an_editor_to_the_admin(editor, demo):
    article = Article.objects.exclude(event=None).select_related("event", "publisher").first()
    assert f"/admin/articles/article/{article.pk}/change/" in editor.get(article.get_absolute_url()).content.decode()
    assert (
        f"/admin/articles/event/{article.event.pk}/change/"
        in editor.get(article.event.get_absolute_url()).content.decode()
    )
    assert "/admin/" not in Client().get(article.get_absolute_url()).content.decode()

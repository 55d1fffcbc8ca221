"""Arabic names for what other packages add to the admin and to the permissions editors are given.

- Axes (login lockouts) and Procrastinate (the ingest queue) are renamed; their models are given
  Arabic names when the project starts (`name_models`), since their own catalogues leave them in
  English.
- Django stores each model's default permissions as English sentences («Can add article»), written
  once by a migration: `name_permissions` rewrites them in Arabic after every migrate.
"""

from axes.apps import AppConfig as AxesAppConfig
from procrastinate.contrib.django.apps import ProcrastinateConfig

# Model (app label, model name) -> (singular, plural).
MODEL_NAMES = {
    ("procrastinate", "procrastinatejob"): ("مهمة في طابور الإدخال", "مهام طابور الإدخال"),
    ("procrastinate", "procrastinateworker"): ("عامل إدخال", "عمال الإدخال"),
    ("procrastinate", "procrastinateevent"): ("حدث في طابور الإدخال", "أحداث طابور الإدخال"),
    ("procrastinate", "procrastinateperiodicdefer"): ("مهمة دورية", "مهام دورية"),
    ("axes", "accessattempt"): ("محاولة دخول فاشلة", "محاولات الدخول الفاشلة"),
    ("axes", "accessattemptexpiration"): ("انتهاء حظر الدخول", "انتهاء حظر الدخول"),
}
ACTIONS = {"add": "إضافة", "change": "تعديل", "delete": "حذف", "view": "عرض"}


class LockoutsConfig(AxesAppConfig):
    verbose_name = "محاولات الدخول"


class IngestQueueConfig(ProcrastinateConfig):
    verbose_name = "طابور الإدخال"


def name_models() -> None:
    from django.apps import apps

    for (app_label, model_name), (singular, plural) in MODEL_NAMES.items():
        meta = apps.get_model(app_label, model_name)._meta
        meta.verbose_name, meta.verbose_name_plural = singular, plural


def name_permissions(**_kwargs) -> None:
    """«يمكنه إضافة مقال» for «Can add مقال»: the default permissions of every model, in Arabic."""
    from django.apps import apps
    from django.conf import settings
    from django.contrib.auth.models import Permission
    from django.contrib.contenttypes.models import ContentType
    from django.utils import translation

    types = ContentType.objects.get_for_models(*apps.get_models(), for_concrete_models=False)
    with translation.override(settings.LANGUAGE_CODE):  # migrate runs with translation off
        by_key = {
            (content_type.pk, f"{action}_{model._meta.model_name}"): f"يمكنه {verb} {model._meta.verbose_name}"[:255]
            for model, content_type in types.items()
            for action, verb in ACTIONS.items()
        }
    changed = []
    for permission in Permission.objects.filter(codename__regex=r"^(add|change|delete|view)_"):
        name = by_key.get((permission.content_type_id, permission.codename))
        if name and permission.name != name:
            permission.name = name
            changed.append(permission)
    Permission.objects.bulk_update(changed, ["name"], batch_size=500)

from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.db.models.signals import post_migrate


class NewsroomConfig(AppConfig):
    name = "newsroom"
    verbose_name = "غرفة الأخبار"

    def ready(self):
        from newsroom import (
            checks,  # noqa: F401 - registers the deploy checks
            third_party,
        )
        from newsroom.dbcheck import check_server

        connection_created.connect(check_server, dispatch_uid="isnad-check-server")
        third_party.name_models()
        # After auth's own handler has created the permissions (newsroom is installed after it).
        post_migrate.connect(third_party.name_permissions, dispatch_uid="isnad-name-permissions")

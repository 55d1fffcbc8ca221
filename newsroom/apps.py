from django.apps import AppConfig
from django.db.backends.signals import connection_created


class NewsroomConfig(AppConfig):
    name = "newsroom"
    verbose_name = "غرفة الأخبار"

    def ready(self):
        from newsroom import checks  # noqa: F401 - registers the deploy checks
        from newsroom.dbcheck import check_server

        connection_created.connect(check_server, dispatch_uid="isnad-check-server")

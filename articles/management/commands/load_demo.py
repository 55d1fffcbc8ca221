from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from articles.ingest import Overrides, ingest
from articles.models import IngestRun
from sources.models import Outlet

DEMO_DIR = Path(settings.BASE_DIR) / "demo"
DEMO_EDITOR = ("editor", "isnad-demo")
# Page text that does not name its publisher, given as an editor would: `ingest FILE --outlet واس`.
PUBLISHERS = {"01_spa_palm_festival.txt": "spa"}


class Command(BaseCommand):
    help = "Load the demo archive (demo/); with --demo-editor, in debug mode only, a demo editor account."

    def add_arguments(self, parser):
        parser.add_argument(
            "--demo-editor",
            action="store_true",
            help=f"create the admin account {DEMO_EDITOR[0]!r} with a published password (debug mode only; `make run`)",
        )

    def handle(self, *args, **options):
        if options["demo_editor"] and not settings.DEBUG:
            raise CommandError(
                "--demo-editor: a known password is for a local demo, never in production (DJANGO_DEBUG=0)"
            )
        given = [
            ingest([str(DEMO_DIR / name)], overrides=Overrides(publisher=Outlet.objects.get(slug=slug)),
                   origin=IngestRun.Origin.DEMO)
            for name, slug in PUBLISHERS.items()
        ]  # fmt: skip
        report = ingest([str(DEMO_DIR)], origin=IngestRun.Origin.DEMO)
        created = report.created + sum(r.created for r in given)
        unchanged = report.unchanged - sum(r.created for r in given)  # those the first pass just made
        self.stdout.write(
            f"demo archive: created {created}, updated {report.updated}, "
            f"unchanged {unchanged}, failed {report.failed + sum(r.failed for r in given)}"
        )
        for failure in report.failures:
            self.stderr.write(f"  failed: {failure}")
        if options["demo_editor"]:
            self._demo_editor()

    def _demo_editor(self):
        username, password = DEMO_EDITOR
        User = get_user_model()
        if not User.objects.filter(username=username).exists():
            User.objects.create_superuser(username, f"{username}@example.invalid", password)
        self.stdout.write(f"admin login (debug only): user {username!r}, password {password!r}")

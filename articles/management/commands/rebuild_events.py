import sys
import time

from django.core.management.base import BaseCommand

from articles.events.grouping import rebuild_events
from articles.management.archive import require_archive
from articles.management.progress import Steps


class Command(BaseCommand):
    help = "Group the whole archive into events again; locked events (editors' work) are left as they are."

    def handle(self, *args, **options):
        require_archive()
        self.stderr.style_func = None  # progress and figures, not errors
        started = time.perf_counter()
        steps = Steps("events", sys.stderr)
        articles, events = rebuild_events(steps)
        steps.close()
        self.stderr.write(
            f"events: {articles} articles grouped, {events} events, {time.perf_counter() - started:.1f} s"
        )

import time

from django.core.management.base import BaseCommand

from articles.events.grouping import rebuild_events


class Command(BaseCommand):
    help = "Group the whole archive into events again; locked events (editors' work) are left as they are."

    def handle(self, *args, **options):
        started = time.perf_counter()
        articles, events = rebuild_events()
        self.stderr.write(
            f"events: {articles} articles grouped, {events} events, {time.perf_counter() - started:.1f} s"
        )

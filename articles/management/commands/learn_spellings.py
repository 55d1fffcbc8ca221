import sys
import time

from django.core.management.base import BaseCommand

from articles.management.archive import require_archive
from articles.management.progress import Steps
from articles.models import SpellingStatus
from articles.spellings.learning import learn_from_archive


class Command(BaseCommand):
    help = (
        "Learn the archive's spelling variants again from its copies and its usage (a few minutes); "
        "editors' decisions are kept."
    )

    def handle(self, *args, **options):
        require_archive()
        self.stderr.style_func = None  # progress and figures, not errors
        started = time.perf_counter()
        steps = Steps("spellings", sys.stderr)
        decided = learn_from_archive(steps)
        steps.close()
        figures = ", ".join(f"{decided[status]} {status}" for status in SpellingStatus if status in decided)
        self.stderr.write(f"spellings: {figures or 'nothing learned'}; {time.perf_counter() - started:.1f} s")

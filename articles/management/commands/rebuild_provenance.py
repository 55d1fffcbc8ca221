import sys
import time

from django.core.management.base import BaseCommand

from articles.management.archive import require_archive
from articles.management.progress import Steps
from articles.models import Article
from articles.provenance.linking import link_upstreams
from articles.provenance.reuse import rebuild_shared_text


class Command(BaseCommand):
    help = "Find the text shared across the whole archive again and re-link every article to its upstream."

    def add_arguments(self, parser):
        parser.add_argument("--links-only", action="store_true", help="keep the shared text found; only re-link")

    def handle(self, *args, **options):
        require_archive()
        self.stderr.style_func = None  # progress and figures, not errors
        started = time.perf_counter()
        steps = Steps("provenance", sys.stderr)
        if not options["links_only"]:
            articles, pairs = rebuild_shared_text(steps)
            steps.close()
            self.stderr.write(
                f"shared text: {articles} articles fingerprinted, {pairs} pairs, {time.perf_counter() - started:.1f} s"
            )
        linked = time.perf_counter()
        ids = Article.objects.values_list("pk", flat=True)
        links = link_upstreams(ids.iterator(chunk_size=5000), steps.step("articles linked", ids.count()))
        steps.close()
        self.stderr.write(f"upstream links: {links} made, {time.perf_counter() - linked:.1f} s")

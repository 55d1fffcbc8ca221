import time

from django.core.management.base import BaseCommand

from articles.models import Article
from articles.provenance.linking import link_upstreams
from articles.provenance.reuse import rebuild_shared_text


class Command(BaseCommand):
    help = "Find the text shared across the whole archive again and re-link every article to its upstream."

    def add_arguments(self, parser):
        parser.add_argument("--links-only", action="store_true", help="keep the shared text found; only re-link")

    def handle(self, *args, **options):
        started = time.perf_counter()
        if not options["links_only"]:
            articles, pairs = rebuild_shared_text()
            self.stderr.write(
                f"shared text: {articles} articles fingerprinted, {pairs} pairs, {time.perf_counter() - started:.1f} s"
            )
        linked = time.perf_counter()
        links = link_upstreams(Article.objects.values_list("pk", flat=True).iterator(chunk_size=5000))
        self.stderr.write(f"upstream links: {links} made, {time.perf_counter() - linked:.1f} s")

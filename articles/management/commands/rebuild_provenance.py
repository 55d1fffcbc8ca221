import time

from django.core.management.base import BaseCommand

from articles.models import Article
from articles.provenance.linking import link_upstreams
from articles.provenance.reuse import rebuild_shared_text


class Command(BaseCommand):
    help = "Find the text shared across the whole archive again and re-link every article to its upstream."

    def handle(self, *args, **options):
        started = time.perf_counter()
        articles, pairs = rebuild_shared_text()
        found = time.perf_counter()
        self.stderr.write(f"shared text: {articles} articles fingerprinted, {pairs} pairs, {found - started:.1f} s")
        links = link_upstreams(Article.objects.values_list("pk", flat=True).iterator(chunk_size=5000))
        self.stderr.write(f"upstream links: {links} made, {time.perf_counter() - found:.1f} s")

import sys

from django.core.management.base import BaseCommand
from django.db import connection

from articles.management.archive import require_archive
from articles.management.progress import Steps
from articles.models import Article, SearchTerm
from articles.search import analysis
from articles.search.indexing import index_articles, recount

BATCH = 2000


class Command(BaseCommand):
    help = (
        "Index for search the articles an older analyzer indexed (or none did), then count the "
        "vocabulary's articles again. --rebuild re-indexes everything; --recount only counts again "
        "(ingest counts a new word form only in the batch that brought it): each reads the whole "
        "archive, a job for quiet hours."
    )

    def add_arguments(self, parser):
        parser.add_argument("--rebuild", action="store_true", help="re-index every article from scratch")
        parser.add_argument("--recount", action="store_true", help="recount the vocabulary (implied by --rebuild)")

    def handle(self, *args, rebuild=False, **options):
        require_archive()
        articles = Article.objects.all()
        if rebuild:
            with connection.cursor() as cursor:
                cursor.execute(f"TRUNCATE {SearchTerm._meta.db_table}")
        else:
            articles = articles.exclude(indexed_with=analysis.index_version())
        ids = list(articles.order_by("pk").values_list("pk", flat=True))
        steps = Steps("search index", sys.stderr)
        advance, done = steps.step("articles indexed", len(ids)), 0
        for start in range(0, len(ids), BATCH):
            indexed = index_articles(ids[start : start + BATCH])
            advance(indexed)
            done += indexed
        if rebuild or options["recount"] or done:
            # after a new analyzer, forms it reads otherwise are counted afresh
            recount(progress=steps.step("articles counted into the vocabulary", Article.objects.public().count()))
        steps.close()
        self.stdout.write(f"Indexed {done} articles; vocabulary holds {SearchTerm.objects.count()} word forms.")

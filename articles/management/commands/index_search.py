from django.core.management.base import BaseCommand
from django.db import connection

from articles.models import Article, SearchTerm
from articles.search import analysis
from articles.search.indexing import index_articles, recount

BATCH = 2000


class Command(BaseCommand):
    help = (
        "Index articles for search. By default only those never indexed or indexed by an older "
        "analyzer; --rebuild re-indexes everything. The vocabulary's article counts are refreshed "
        "either way."
    )

    def add_arguments(self, parser):
        parser.add_argument("--rebuild", action="store_true", help="re-index every article from scratch")

    def handle(self, *args, rebuild=False, **options):
        articles = Article.objects.all()
        if rebuild:
            with connection.cursor() as cursor:
                cursor.execute(f"TRUNCATE {SearchTerm._meta.db_table}")
        else:
            articles = articles.exclude(indexed_with=analysis.VERSION)
        ids = list(articles.order_by("pk").values_list("pk", flat=True))
        done = 0
        for start in range(0, len(ids), BATCH):
            done += index_articles(ids[start : start + BATCH])
            if options["verbosity"] > 1:
                self.stdout.write(f"{done}/{len(ids)}")
        recount()
        self.stdout.write(f"Indexed {done} articles; vocabulary holds {SearchTerm.objects.count()} word forms.")

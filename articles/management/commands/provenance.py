import json

from django.core.management.base import BaseCommand, CommandError

from articles.management.archive import require_archive
from articles.models import Article
from articles.provenance.graph import provenance_of, summary


class Command(BaseCommand):
    help = "Show where an article came from: the chain to its origin, its copies and its copiers."

    def add_arguments(self, parser):
        parser.add_argument("article", help="the article's id or URL")
        parser.add_argument(
            "--json", action="store_true", help="the graph as JSON, as GET /api/articles/<id>/provenance"
        )

    def handle(self, *args, **options):
        require_archive()
        key = options["article"]
        found = Article.objects.select_related("publisher").filter(**{"pk" if key.isdigit() else "url": key}).first()
        if found is None:
            raise CommandError(f"no article with id or URL {key!r}")
        result = provenance_of(found)
        if options["json"]:
            self.stdout.write(json.dumps(result.as_json(), ensure_ascii=False, indent=2))
            return
        self.stdout.write(f"{found.pk}: {found.title}\n{summary(result)}")
        for hop, node in zip(result.hops, result.chain[1:], strict=True):
            where = f"article {node.article.pk}" if node.article else "not in the archive"
            self.stdout.write(f"  ← {hop.label}: {node.label} ({where}) [{hop.confidence:.2f}] {hop.evidence[:120]}")
        for copy in result.copies:
            self.stdout.write(
                f"  = {copy.relation}: article {copy.article.pk} ({copy.article.publisher or '?'}), "
                f"{copy.containment:.0%} of this text, {copy.reason_text}"
            )
        for warning in result.warnings:
            self.stdout.write(f"  ! {warning}")

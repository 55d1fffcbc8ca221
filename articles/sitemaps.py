"""sitemap.xml: public articles, events and outlets."""

from django.contrib.sitemaps import Sitemap

from articles.models import Article, Event
from sources.models import Outlet


class ArticleSitemap(Sitemap):
    limit = 5000

    def items(self):
        return Article.objects.public().order_by("pk").only("pk", "updated_at")

    def lastmod(self, article):
        return article.updated_at


class EventSitemap(Sitemap):
    limit = 5000

    def items(self):
        return Event.objects.public().order_by("pk").only("pk", "slug", "updated_at")

    def lastmod(self, event):
        return event.updated_at


class OutletSitemap(Sitemap):
    def items(self):
        return Outlet.objects.filter(articles__visibility="public").distinct().order_by("slug").only("slug")


SITEMAPS = {"articles": ArticleSitemap, "events": EventSitemap, "outlets": OutletSitemap}

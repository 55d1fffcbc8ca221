"""RSS feeds: the latest articles, an outlet's, an event's."""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.utils.html import strip_tags

from articles.models import Article, Event
from sources.models import Outlet

ITEMS = 30


class _ArticleFeed(Feed):
    def item_title(self, item):
        return item.title

    def item_description(self, item):
        # Plain words: a scraped body can hold markup, which a feed reader would render.
        return " ".join(strip_tags(item.body).split()[:60])

    def item_pubdate(self, item):
        return item.published_at

    def item_author_name(self, item):
        return str(item.publisher) if item.publisher else None


class LatestArticles(_ArticleFeed):
    title = "إسناد — آخر المقالات"
    link = "/"
    description = "آخر ما دخل أرشيف إسناد، مع مصدر كل خبر."

    def items(self):
        return Article.objects.public().latest_first().select_related("publisher")[:ITEMS]


class OutletArticles(_ArticleFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Outlet, slug=slug)

    def title(self, outlet):
        return f"إسناد — {outlet}"

    def link(self, outlet):
        return outlet.get_absolute_url()

    def description(self, outlet):
        return f"آخر مقالات {outlet} في أرشيف إسناد."

    def items(self, outlet):
        return Article.objects.public().filter(publisher=outlet).latest_first().select_related("publisher")[:ITEMS]


class EventArticles(_ArticleFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Event.objects.public(), slug=slug)

    def title(self, event):
        return f"إسناد — {event.title}"

    def link(self, event):
        return event.get_absolute_url()

    def description(self, event):
        return f"تغطية الحدث «{event.title}» في أرشيف إسناد."

    def items(self, event):
        return event.articles.public().latest_first().select_related("publisher")[:ITEMS]

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from articles.events.coverage import coverage_of
from articles.filters import EventFilter
from articles.models import Article, Event
from articles.paging import Window
from articles.provenance.graph import provenance_of, summary
from articles.structured import news_article

PAGE_SIZE = 20


def home(request):
    """The latest public articles, the events several outlets covered, the outlets that originate most."""
    articles = Article.objects.public().latest_first().select_related("publisher")
    page = Window.of(articles, request.GET.get("page"), PAGE_SIZE)
    events = Event.objects.public().filter(outlet_count__gt=1).latest_first()[:6]
    context = {"page": page, "events": events, "originators": originators()}
    return render(request, "articles/home.html", context)


def originators(limit: int = 6) -> list[tuple[object, int]]:
    """Outlets with the most original articles (crediting no one); counted every 10 minutes."""
    from django.core.cache import cache
    from django.db.models import Count

    from sources.models import Outlet

    rows = cache.get("home-originators")
    if rows is None:
        counts = Article.objects.public().originals().exclude(publisher=None).values("publisher")
        rows = list(counts.annotate(n=Count("pk")).order_by("-n").values_list("publisher", "n")[:limit])
        cache.set("home-originators", rows, 600)
    outlets = Outlet.objects.in_bulk([pk for pk, _ in rows])
    return [(outlets[pk], n) for pk, n in rows if pk in outlets]


def methodology(request):
    return render(request, "methodology.html")


def article_detail(request, pk):
    article = get_object_or_404(Article.objects.public().select_related("publisher", "event"), pk=pk)
    attributions = article.attributions.select_related("outlet").exclude(review="rejected")
    provenance = provenance_of(article)
    context = {
        "article": article,
        "attributions": attributions,
        "provenance": provenance,
        "summary": summary(provenance),
        "json_ld": news_article(request, article, provenance),
    }
    return render(request, "articles/article_detail.html", context)


def event_list(request):
    """Events, newest first; by default those more than one outlet covered."""
    params = request.GET.copy()
    params.setdefault("covered", "true")
    events = EventFilter(params, queryset=Event.objects.public().latest_first())
    page = Paginator(events.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "articles/event_list.html", {"filter": events, "page": page})


def event_detail(request, slug):
    event = Event.objects.public().filter(slug=slug).first()
    if event is None:  # an older slug: the event's id ends it, and the title may have changed since
        number = slug.rsplit("-", 1)[-1]
        event = Event.objects.public().filter(pk=int(number)).first() if number.isdigit() and len(number) < 19 else None
        if event is None:
            raise Http404("no such event")
        return redirect(event, permanent=True)
    return render(request, "articles/event_detail.html", {"event": event, "coverage": coverage_of(event)})

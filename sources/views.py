from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render

from articles.models import Article
from sources.models import Outlet
from sources.statistics import originality


def outlet_list(request):
    """Outlets with public articles in the archive, most articles first."""
    from django.db.models import Count, Q

    outlets = (
        Outlet.objects.annotate(n=Count("articles", filter=Q(articles__visibility="public")))
        .filter(n__gt=0)
        .order_by("-n", "name_ar")
    )
    page = Paginator(outlets, 50).get_page(request.GET.get("page"))
    return render(request, "sources/outlet_list.html", {"page": page})


def outlet_detail(request, slug):
    outlet = get_object_or_404(Outlet.objects.prefetch_related("domains"), slug=slug)
    articles = Article.objects.public().filter(publisher=outlet).latest_first().select_related("publisher")
    page = Paginator(articles, 20).get_page(request.GET.get("page"))
    context = {"outlet": outlet, "page": page, "originality": originality(outlet)}
    return render(request, "sources/outlet_detail.html", context)

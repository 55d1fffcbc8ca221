from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render

from articles.models import Article
from sources.models import Outlet
from sources.statistics import originality


def outlet_detail(request, slug):
    outlet = get_object_or_404(Outlet.objects.prefetch_related("domains"), slug=slug)
    articles = Article.objects.public().filter(publisher=outlet).latest_first()
    page = Paginator(articles, 20).get_page(request.GET.get("page"))
    context = {"outlet": outlet, "page": page, "originality": originality(outlet)}
    return render(request, "sources/outlet_detail.html", context)

from django.urls import path

from articles.feeds import OutletArticles
from sources import views

urlpatterns = [
    path("", views.outlet_list, name="outlet-list"),
    path("<str:slug>/", views.outlet_detail, name="outlet-detail"),
    path("<str:slug>/feed/", OutletArticles(), name="feed-outlet"),
]

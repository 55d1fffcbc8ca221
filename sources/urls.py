from django.urls import path

from articles.feeds import OutletArticles
from sources import views

urlpatterns = [
    path("<str:slug>/", views.outlet_detail, name="outlet-detail"),
    path("<str:slug>/feed/", OutletArticles(), name="feed-outlet"),
]

"""The read-only JSON API under /api/. Ids are read by the views, not the URL patterns, so that a
malformed one gets the API's JSON 404 rather than the site's HTML page."""

from django.urls import path

from articles import api as articles_api
from articles import api_search
from sources import api as sources_api

urlpatterns = [
    path("articles/<str:pk>", articles_api.ArticleDetail.as_view(), name="api-article"),
    path("articles/<str:pk>/provenance", articles_api.ArticleProvenance.as_view(), name="api-provenance"),
    path("events", articles_api.EventList.as_view(), name="api-events"),
    path("events/<str:pk>", articles_api.EventDetail.as_view(), name="api-event"),
    path("search", api_search.Search.as_view(), name="api-search"),
    path("outlets", sources_api.OutletList.as_view(), name="api-outlets"),
    path("outlets/<str:slug>", sources_api.OutletDetail.as_view(), name="api-outlet"),
]

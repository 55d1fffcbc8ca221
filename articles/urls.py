from django.urls import path

from articles import feeds, views, views_provenance, views_search

urlpatterns = [
    path("", views.home, name="home"),
    path("search/", views_search.search, name="search"),
    path("methodology/", views.methodology, name="methodology"),
    path("feeds/latest/", feeds.LatestArticles(), name="feed-latest"),
    path("events/<str:slug>/feed/", feeds.EventArticles(), name="feed-event"),
    path("articles/<int:pk>/", views.article_detail, name="article-detail"),
    path("articles/<int:pk>/provenance/", views_provenance.provenance, name="article-provenance"),
    path("articles/<int:pk>/compare/<int:upstream_pk>/", views_provenance.compare, name="article-compare"),
    path("events/", views.event_list, name="event-list"),
    path("events/<str:slug>/", views.event_detail, name="event-detail"),
]

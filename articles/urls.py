from django.urls import path

from articles import feeds, views, views_archive, views_provenance, views_search

urlpatterns = [
    path("", views.home, name="home"),
    path("search/", views_search.search, name="search"),
    path("methodology/", views.methodology, name="methodology"),
    path("archive/<int:year>/", views_archive.YearArchive.as_view(), name="archive-year"),
    path("archive/<int:year>/<int:month>/", views_archive.MonthArchive.as_view(), name="archive-month"),
    path("archive/<int:year>/<int:month>/<int:day>/", views_archive.DayArchive.as_view(), name="archive-day"),
    path("feeds/latest/", feeds.LatestArticles(), name="feed-latest"),
    path("events/<str:slug>/feed/", feeds.EventArticles(), name="feed-event"),
    path("articles/<int:pk>/", views.article_detail, name="article-detail"),
    path("articles/<int:pk>/provenance/", views_provenance.provenance, name="article-provenance"),
    path("articles/<int:pk>/compare/<int:upstream_pk>/", views_provenance.compare, name="article-compare"),
    path("events/", views.event_list, name="event-list"),
    path("events/<str:slug>/", views.event_detail, name="event-detail"),
]

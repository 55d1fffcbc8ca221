from django.urls import path

from articles import views, views_search

urlpatterns = [
    path("", views.home, name="home"),
    path("search/", views_search.search, name="search"),
    path("articles/<int:pk>/", views.article_detail, name="article-detail"),
    path("events/<str:slug>/", views.event_detail, name="event-detail"),
]

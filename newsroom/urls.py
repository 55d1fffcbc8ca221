from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", include("newsroom.api_urls")),
    path("api/schema", SpectacularAPIView.as_view(), name="api-schema"),
    path("outlets/", include("sources.urls")),
    path("", include("articles.urls")),
]

from django.urls import path

from sources import views

urlpatterns = [
    path("<str:slug>/", views.outlet_detail, name="outlet-detail"),
]

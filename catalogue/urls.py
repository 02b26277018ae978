from django.urls import path

from . import views

app_name = "catalogue"

urlpatterns = [
    path("data/katalog.json", views.catalogue_json, name="catalogue_json"),
]

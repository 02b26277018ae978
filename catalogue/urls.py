from django.urls import path

from . import views
from .search.views import api_search

app_name = "catalogue"

urlpatterns = [
    path("data/katalog.json", views.catalogue_json, name="catalogue_json"),
    path("api/soeg", api_search, name="api_search"),
]

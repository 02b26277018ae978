from django.urls import path

from . import views
from .search.views import api_search

app_name = "catalogue"

urlpatterns = [
    path("data/katalog.json", views.catalogue_json, name="catalogue_json"),
    path("data/katalog.schema.json", views.catalogue_schema, name="catalogue_schema"),
    path("data/indsatser.csv", views.initiatives_csv, name="initiatives_csv"),
    path("data/metoder.csv", views.methods_csv, name="methods_csv"),
    path("api/soeg", api_search, name="api_search"),
    path("", views.home, name="home"),
    path("indsatser/", views.initiative_list, name="initiative_list"),
    path("indsatser/<slug:slug>/", views.initiative_detail, name="initiative"),
    path("metoder/", views.method_list, name="method_list"),
    path("metoder/<slug:slug>/", views.method_detail, name="method"),
    path("organisationer/", views.organisation_list, name="organisation_list"),
    path("organisationer/<slug:slug>/", views.organisation_detail, name="organisation"),
    path("erfaringsoverblik/", views.experience_matrix, name="matrix"),
    path("om/", views.about, name="about"),
    path("soeg/", views.search, name="search"),
]

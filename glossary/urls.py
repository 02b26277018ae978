from django.urls import path

from . import views

app_name = "glossary"

urlpatterns = [
    path("ordliste/", views.index, name="index"),
    path("raadgivning/", views.help_page, name="help"),
]

from django.urls import path

from . import views

app_name = "feedback"

urlpatterns = [
    path(
        "indsatser/<slug:slug>/erfaring/", views.initiative_experience, name="initiative_experience"
    ),
    path(
        "indsatser/<slug:slug>/rettelse/", views.initiative_correction, name="initiative_correction"
    ),
    path("metoder/<slug:slug>/erfaring/", views.method_experience, name="method_experience"),
    path("metoder/<slug:slug>/rettelse/", views.method_correction, name="method_correction"),
    path(
        "organisationer/<slug:slug>/erfaring/",
        views.organisation_experience,
        name="organisation_experience",
    ),
    path(
        "organisationer/<slug:slug>/rettelse/",
        views.organisation_correction,
        name="organisation_correction",
    ),
    path("tak/", views.thanks, name="thanks"),
    path("kontakt/<str:token>/", views.confirm, name="confirm"),
    path("kontakt/<str:token>/aendret/", views.contact_change, name="contact_change"),
]

from django.contrib import admin
from django.urls import include, path

from . import views

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("kontakter/", include("contacts.urls")),
    path("", include("plans.urls")),
    path("bidrag/", include("feedback.urls")),
    path("", include("sitepages.urls")),
    path("", include("glossary.urls")),
    path("", include("catalogue.urls")),
]

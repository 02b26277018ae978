from django.urls import path

from . import views

app_name = "sitepages"

urlpatterns = [
    path("tilgaengelighedserklaering/", views.accessibility, name="accessibility"),
    path("was", views.was, name="was"),
    path("privatlivspolitik/", views.privacy, name="privacy"),
    path("aabne-data/", views.open_data, name="open_data"),
]

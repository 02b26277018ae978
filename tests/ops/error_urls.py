"""The site's URLs plus views that fail on purpose, for the error-page tests."""

from django.core.exceptions import BadRequest, PermissionDenied
from django.urls import path

from config.urls import urlpatterns as site_urlpatterns


def crashes(request):
    raise RuntimeError("the database said no")


def forbidden(request):
    raise PermissionDenied("editors only")


def bad_request(request):
    raise BadRequest("unreadable form")


urlpatterns = [
    path("test-fejl/500/", crashes),
    path("test-fejl/403/", forbidden),
    path("test-fejl/400/", bad_request),
    *site_urlpatterns,
]

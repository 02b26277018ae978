"""The pages a Danish public website must have: accessibility statement, privacy policy, and
the open-data page that describes katalog.json, its schema, the CSV files and the terms."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from .settings_view import site_settings

DIGST_COMPLAINTS_URL = (
    "https://digst.dk/digital-inklusion/webtilgaengelighed/oplever-du-ikke-tilgaengeligt-indhold/"
)
DATATILSYNET_URL = "https://www.datatilsynet.dk/"


@require_safe
def accessibility(request: HttpRequest) -> HttpResponse:
    context = {"site": site_settings(), "complaints_url": DIGST_COMPLAINTS_URL}
    return render(request, "sitepages/accessibility.html", context)


@require_safe
def was(request: HttpRequest) -> HttpResponseRedirect:
    """The short address /was that Digitaliseringsstyrelsen asks for: to the statement in its
    WAS-Tool when ACCESSIBILITY_WAS_URL is set, otherwise to the site's own statement."""
    return HttpResponseRedirect(
        settings.ACCESSIBILITY_WAS_URL or reverse("sitepages:accessibility")
    )


@require_safe
def privacy(request: HttpRequest) -> HttpResponse:
    context = {
        "site": site_settings(),
        "session_cookie": settings.SESSION_COOKIE_NAME,
        "csrf_cookie": settings.CSRF_COOKIE_NAME,
        "session_hours": settings.SESSION_COOKIE_AGE // 3600,
        "csrf_days": settings.CSRF_COOKIE_AGE // 86400,
        "axes_failure_limit": settings.AXES_FAILURE_LIMIT,
        "axes_cooloff_minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
        "datatilsynet_url": DATATILSYNET_URL,
    }
    return render(request, "sitepages/privacy.html", context)


@require_safe
def open_data(request: HttpRequest) -> HttpResponse:
    return render(request, "sitepages/open_data.html", {"site": site_settings()})

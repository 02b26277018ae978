"""Pages for anonymous readers, served from the cache under (URL, catalogue revision).

A public page is a pure function of its URL and the catalogue revision (catalogue/revision.py),
which every committed public change moves (and of the date, since pages mark what has not been
reviewed for a year, and of the release, for caches shared across deploys). So a cached page is
never stale and no server has to be told to forget one: per-process caches on several app
servers stay correct.

- Only anonymous GET/HEAD requests are served from or stored in the cache. A request carrying the
  session cookie (an editor, who may see drafts and previews) is never served a cached page, and
  its response is marked ``private``.
- A response is stored only when it is a plain 200 that sets no cookie, varies on nothing but
  ``Accept-Encoding`` or ``Cookie`` and doesn't forbid caching (``never_cache`` pages, forms with
  a CSRF token and streamed exports are never stored; a streamed one gets the ETag, though),
  nor is a body over ``PAGE_CACHE_MAX_BYTES`` (katalog.json keeps its own, smaller cache).
- ``ETag`` from the revision and URL; a matching ``If-None-Match`` gets ``304`` before any work;
  ``Cache-Control: max-age=0, must-revalidate`` lets browsers keep the page but ask every time.
- When the database can't be reached, an anonymous reader gets the last stored copy of the page
  (stale-if-error) instead of an error page; everyone else gets a Danish 503 page.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable

from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.cache import patch_cache_control

from catalogue.revision import catalogue_revision

logger = logging.getLogger(__name__)

CACHE_CONTROL = "max-age=0, must-revalidate"
STATUS_HEADER = "X-Cache"
# Headers that describe the stored page (everything else is added per request by middleware
# outside this one: security headers, CSP, ...).
KEPT_HEADERS = (
    "Content-Type",
    "Content-Language",
    "Content-Disposition",
    "X-Frame-Options",
    "Vary",
)
# A page that read request.user varies on the session cookie; requests with one never reach the
# cache, so such a page is the same for every request that does.
STORABLE_VARY = {"accept-encoding", "cookie"}
UNAVAILABLE = (OperationalError, InterfaceError)


def _release() -> str:
    """The release and the settings pages show (PAGE_CACHE_SETTINGS): a change of either is a
    new key, even in a cache shared between deploys."""
    shown = repr([getattr(settings, name, None) for name in settings.PAGE_CACHE_SETTINGS])
    return f"{settings.RELEASE}-{hashlib.sha256(shown.encode()).hexdigest()[:12]}"


def _url_hash(request: HttpRequest) -> str:
    return hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()


def _cacheable_request(request: HttpRequest) -> bool:
    if request.method not in ("GET", "HEAD"):
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return False
    return not request.path.startswith(settings.PAGE_CACHE_EXCLUDE)


def _revalidatable(response: HttpResponse) -> bool:
    """A public 200 the same for every anonymous reader: it may carry the page's ETag."""
    if response.status_code != 200 or response.cookies:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in ("private", "no-store", "no-cache")):
        return False
    vary = {v.strip().lower() for v in response.get("Vary", "").split(",") if v.strip()}
    return vary <= STORABLE_VARY


def _storable(response: HttpResponse) -> bool:
    # The cache counts entries, not bytes: one 19 MB katalog.json per revision would fill a
    # worker, so a larger body keeps its own cache (katalog.json: two entries) instead.
    return (
        _revalidatable(response)
        and not response.streaming
        and len(response.content) <= settings.PAGE_CACHE_MAX_BYTES
    )


def _unavailable(request: HttpRequest) -> HttpResponse:
    body = render_to_string("503.html", request=None)
    response = HttpResponse(body, status=503)
    response["Retry-After"] = "30"
    patch_cache_control(response, no_store=True)
    return response


class PageCacheMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    @property
    def cache(self):
        return caches[settings.PAGE_CACHE_ALIAS]

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not _cacheable_request(request):
            response = self.get_response(request)
            if settings.SESSION_COOKIE_NAME in request.COOKIES:
                patch_cache_control(response, private=True)
            return response
        url = _url_hash(request)
        try:
            revision = catalogue_revision()
        except UNAVAILABLE:
            logger.exception("page cache: the catalogue revision can't be read")
            return self._stale(request, url)
        request.catalogue_revision = revision  # views that need it read it once, here
        # Pages mark entries not reviewed for 12 months: the date is part of what a page shows.
        # The release keeps a shared cache (Redis) from serving pages of the previous deploy.
        state = f"{_release()}:{timezone.localdate().isoformat()}:{revision}"
        etag = f'"{hashlib.sha256(f"{state}:{url}".encode()).hexdigest()[:32]}"'
        if etag in _etags(request.headers.get("If-None-Match", "")):
            response = HttpResponseNotModified()
            response["ETag"] = etag
            response["Cache-Control"] = CACHE_CONTROL
            return response
        key = f"page:{state}:{url}"
        stored = self.cache.get(key)
        if stored is not None:
            response = _rebuild(stored, head=request.method == "HEAD")
            response[STATUS_HEADER] = "hit"
        else:
            response = self.get_response(request)
            if not _storable(response):
                if _revalidatable(response):
                    # Streamed (an export, katalog.json built after an edit) or too large to
                    # store: not stored, but the same ETag as every other response for this
                    # URL and revision, so a reader who has it is answered 304 from then on.
                    response["ETag"] = etag
                    response["Cache-Control"] = CACHE_CONTROL
                    response[STATUS_HEADER] = "miss"
                return response
            stored = _freeze(response)
            self.cache.set_many({key: stored, f"page:last:{url}": stored})
            response[STATUS_HEADER] = "miss"
        response["ETag"] = etag
        response["Cache-Control"] = CACHE_CONTROL
        return response

    def _stale(self, request: HttpRequest, url: str) -> HttpResponse:
        stored = self.cache.get(f"page:last:{url}")
        if stored is None:
            return _unavailable(request)
        response = _rebuild(stored, head=request.method == "HEAD")
        response[STATUS_HEADER] = "stale"
        patch_cache_control(response, no_cache=True)
        return response

    def process_exception(self, request: HttpRequest, exception: Exception):
        """The database went away mid-request: a Danish 503 page instead of the 500 page."""
        if isinstance(exception, UNAVAILABLE) or (
            isinstance(exception, DatabaseError) and "connection" in str(exception).lower()
        ):
            logger.exception("database unavailable", exc_info=exception)
            return _unavailable(request)
        return None


def _etags(header: str) -> set[str]:
    return {tag.strip().removeprefix("W/") for tag in header.split(",") if tag.strip()}


def _freeze(response: HttpResponse) -> tuple[bytes, dict[str, str]]:
    headers = {name: response[name] for name in KEPT_HEADERS if name in response}
    return response.content, headers


def _rebuild(stored: tuple[bytes, dict[str, str]], *, head: bool) -> HttpResponse:
    content, headers = stored
    response = HttpResponse(b"" if head else content)
    for name, value in headers.items():
        response[name] = value
    if head:
        response["Content-Length"] = str(len(content))
    return response

"""Malformed and hostile requests at every public URL: never a server error, never a data change.

The catalogue is loaded once for the module (inside a transaction rolled back at the end); each
request runs in a savepoint, so one database error cannot hide the next.
"""

from __future__ import annotations

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.urls import Resolver404, resolve

from .hostile import (
    DATA_APPS,
    INVALID_SLUGS,
    REFLECTION_PROBES,
    Route,
    data_fingerprint,
    filter_parameters,
    public_routes,
    query_strings,
)

pytestmark = pytest.mark.django_db

ROUTES = public_routes()
PARAMETERISED = [route for route in ROUTES if route.has_parameters]
WRONG_METHODS = ("post", "put", "patch", "delete")

# Public forms that take POST by design: csrf_exempt (anonymous visitors get no cookie) and
# protected by feedback/protection.py; their own tests are in tests/feedback/. Here they must
# still refuse PUT/PATCH/DELETE, never fail, and a POST without a valid form token stores nothing.
POST_ROUTES = {
    "feedback:initiative_experience",
    "feedback:initiative_correction",
    "feedback:method_experience",
    "feedback:method_correction",
    "feedback:organisation_experience",
    "feedback:organisation_correction",
    "feedback:contact_change",
    "feedback:confirm",
}
# A POST here changes data on purpose (a contact point confirms itself): not fired here.
STATE_CHANGING_POST = {"feedback:confirm"}


def confirmation_link(route: Route) -> str:
    """A real yearly confirmation link (feedback app) for the first contact with an e-mail."""
    from django.utils import timezone

    from contacts.models import ContactPoint
    from feedback.models import ConfirmationRequest
    from feedback.tokens import make_token

    contact = ContactPoint.objects.filter(emails__isnull=False).order_by("pk").first()
    request = ConfirmationRequest.objects.create(
        contact=contact, email=contact.emails.first().address, sent_at=timezone.now()
    )
    return route.path(make_token(request))


# Routes whose parameter is a signed token, not a slug: how to make a real one.
TOKEN_PATHS = {"feedback:confirm": confirmation_link, "feedback:contact_change": confirmation_link}


def methods_to_fire(route: Route, methods: tuple[str, ...]) -> tuple[str, ...]:
    if route.name in STATE_CHANGING_POST:
        return tuple(m for m in methods if m != "post")
    return methods


def refused(route: Route, method: str, status) -> bool:
    if route.name in POST_ROUTES and method == "post":
        return status in (400, 403)  # no valid form token: the form is shown again, or refused
    return status in (403, 405)


@pytest.fixture(scope="module")
def catalogue(django_db_setup, django_db_blocker):
    """The real catalogue, loaded once; yields {route: a path with a real slug}."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_catalogue", verbosity=0)
        yield {"paths": real_paths(), "before": data_fingerprint()}
        transaction.set_rollback(True)


def _first_slugs() -> list[tuple[object, str]]:
    """One object (published where there is a status) of every model with a slug."""
    found = []
    for app in DATA_APPS:
        for model in apps.get_app_config(app).get_models():
            names = {f.name for f in model._meta.concrete_fields}
            if "slug" not in names:
                continue
            objects = model._default_manager.order_by("pk")
            if "status" in names:
                objects = objects.filter(status="published")
            obj = objects.first()
            if obj is not None:
                found.append((obj, obj.slug))
    return found


def real_paths() -> dict[str, str]:
    paths: dict[str, str] = {}
    candidates = _first_slugs()
    for obj, _slug in candidates:
        if hasattr(obj, "get_absolute_url"):
            url = obj.get_absolute_url()
            try:
                paths.setdefault(resolve(url).route, url)
            except Resolver404:
                pass
    for route in PARAMETERISED:
        if route.name in TOKEN_PATHS:
            paths[route.route] = TOKEN_PATHS[route.name](route)
    client = Client()
    for route in PARAMETERISED:
        if route.route in paths:
            continue
        for _obj, slug in candidates:
            if client.get(route.path(slug)).status_code == 200:
                paths[route.route] = route.path(slug)
                break
    return paths


def path_for(route: Route, catalogue) -> str:
    if not route.has_parameters:
        return route.path("")
    return catalogue["paths"][route.route]


def fire(client: Client, method: str, url: str) -> tuple[int | str, bytes]:
    """Status and body (HTML only), or the exception; the request can't spoil the next one."""
    try:
        with transaction.atomic():
            response = getattr(client, method)(url)
            if response.streaming:
                body = b"".join(response.streaming_content)
            else:
                body = response.content
    except Exception as exc:  # what escaped the view is the finding
        return f"{type(exc).__name__}: {str(exc)[:200]}", b""
    is_html = response.get("Content-Type", "").startswith("text/html")
    return response.status_code, body if is_html else b""


def short(url: str) -> str:
    return url if len(url) < 160 else f"{url[:150]}…({len(url)} tegn)"


# Public URLs added since the resolver walk was written; listed so that losing one is noticed.
REGISTERED = {
    "/tilgaengelighedserklaering/",
    "/was",
    "/privatlivspolitik/",
    "/aabne-data/",
    "/data/katalog.schema.json",
    "/data/indsatser.csv",
    "/data/metoder.csv",
}


def test_the_registered_public_urls_are_among_the_routes_fired_at():
    assert REGISTERED <= {route.path("") for route in ROUTES if not route.has_parameters}


def test_every_route_with_a_slug_is_tested_with_a_real_one(catalogue):
    missing = [route.route for route in PARAMETERISED if route.route not in catalogue["paths"]]
    assert missing == []


@pytest.mark.parametrize("route", ROUTES, ids=lambda r: r.name)
def test_hostile_query_strings_never_cause_a_server_error(route, catalogue):
    base = path_for(route, catalogue)
    client = Client()
    failures = []
    for query in query_strings(filter_parameters(), sample=1):
        url = f"{base}?{query}"
        status, body = fire(client, "get", url)
        if not isinstance(status, int) or status >= 500:
            failures.append((short(url), status))
        elif any(probe.encode() in body for probe in REFLECTION_PROBES):
            failures.append((short(url), "payload reflected unescaped"))
    assert failures == []
    assert data_fingerprint() == catalogue["before"]


@pytest.mark.parametrize("route", PARAMETERISED, ids=lambda r: r.name)
def test_invalid_slugs_are_not_found(route, catalogue):
    client = Client()
    results = {
        short(route.path(slug)): fire(client, "get", route.path(slug))[0] for slug in INVALID_SLUGS
    }
    assert {url: status for url, status in results.items() if status != 404} == {}


@pytest.mark.parametrize("route", ROUTES, ids=lambda r: r.name)
def test_wrong_methods_are_refused_without_a_valid_csrf_token(route, catalogue):
    client = Client(enforce_csrf_checks=True)
    url = f"{path_for(route, catalogue)}?q=%27%20OR%201%3D1%20--"
    methods = methods_to_fire(route, WRONG_METHODS)
    results = {method: fire(client, method, url)[0] for method in methods}
    assert {m: s for m, s in results.items() if not refused(route, m, s)} == {}
    assert data_fingerprint() == catalogue["before"]


@pytest.mark.parametrize("route", ROUTES, ids=lambda r: r.name)
def test_wrong_methods_with_a_csrf_token_change_nothing(route, catalogue):
    """Even past the CSRF check (a forged or leaked token), a GET page writes nothing."""
    client = Client()  # the test client skips the CSRF check: the view itself must hold
    url = f"{path_for(route, catalogue)}?q=x"
    methods = methods_to_fire(route, (*WRONG_METHODS, "options", "head"))
    results = {method: fire(client, method, url)[0] for method in methods}
    assert {m: s for m, s in results.items() if not isinstance(s, int) or s >= 500} == {}
    # Pages are GET/HEAD only (require_safe): any other method is refused outright; the public
    # forms (POST_ROUTES) answer a POST without a valid form token with the form again (400).
    wrong = {m: s for m, s in results.items() if m in WRONG_METHODS}
    assert {m: s for m, s in wrong.items() if s != 405 and not refused(route, m, s)} == {}
    assert data_fingerprint() == catalogue["before"]


def test_hostile_paths_are_not_found(catalogue):
    client = Client()
    paths = [
        "/%00",
        "/%ED%A0%80/",
        "/%F0%9F%92%A5/",
        "/" + "a" * 5000 + "/",
        "/indsatser/%27%20OR%201%3D1%20--/",
        "/..%2F..%2Fetc%2Fpasswd",
        "/static/..%2F..%2Fconfig%2Fsettings.py",
        "/%7B%7B7%7D%7D/",
    ]
    results = {short(path): fire(client, "get", path)[0] for path in paths}
    assert {p: s for p, s in results.items() if s != 404} == {}


PLANS_URLS = [
    "/sammenlign/",
    "/handleplan/",
    "/handleplan/handleplan.docx",
    "/handleplan/handleplan.xlsx",
]


@pytest.mark.parametrize("url", PLANS_URLS)
def test_unknown_or_hostile_choices_get_a_danish_message_and_400(url, catalogue):
    """The selection (``valgt``) in a compare or plan URL: named in Danish, never a 500."""
    client = Client()
    results = {}
    for value in INVALID_SLUGS:
        for prefix in ("metode:", "indsats:", ""):
            status, body = fire(client, "get", f"{url}?valgt={prefix}{value}")
            danish = "kunne ikke bruges" in body.decode() or "Filen kan ikke laves" in body.decode()
            if status != 400 or not danish:
                results[short(f"{url}?valgt={prefix}{value}")] = status
    assert results == {}

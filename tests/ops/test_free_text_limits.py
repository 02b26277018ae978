"""Free text never reaches the database unbounded: one limit for every page, export and API.

Each free-text URL parameter gets 100,000 characters, a NUL byte and 5,000 "ø" on every public
route (the real catalogue loaded); no answer is a server error, and the pages say why in Danish.
"""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import Client

from catalogue.inputs import MAX_TEXT_LENGTH

from .hostile import public_routes

pytestmark = pytest.mark.django_db

# The free-text parameters the public pages read.
TEXT_PARAMETERS = ["q"]
VALUES = {
    "100000 tegn": "x" * 100_000,
    "100000 tegn med mellemrum": "ab " * 33_334,
    "NUL-tegn": "a\x00b",
    "5000 ø": "ø" * 5_000,
}
ROUTES = [route for route in public_routes() if not route.has_parameters]


@pytest.fixture(scope="module")
def catalogue(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_catalogue", verbosity=0)
        yield
        transaction.set_rollback(True)


@pytest.mark.parametrize("route", ROUTES, ids=lambda route: route.route or "/")
def test_no_free_text_parameter_gives_a_server_error(catalogue, route):
    client = Client(raise_request_exception=False)
    for parameter in TEXT_PARAMETERS:
        for label, value in VALUES.items():
            with transaction.atomic():
                response = client.get(route.path(""), {parameter: value})
            assert response.status_code < 500, f"{route.route}?{parameter}=<{label}>"


@pytest.mark.parametrize("path", ["/indsatser/", "/metoder/", "/kontakter/", "/soeg/"])
def test_pages_say_in_danish_that_the_text_is_too_long(catalogue, client, path):
    response = client.get(path, {"q": "ø" * 5_000})

    assert f"Fritekst må højst være {MAX_TEXT_LENGTH} tegn (den har 5000)" in (
        response.content.decode()
    )


@pytest.mark.parametrize("path", ["/indsatser/", "/metoder/", "/kontakter/", "/soeg/"])
def test_pages_say_in_danish_that_a_nul_byte_cannot_be_used(catalogue, client, path):
    response = client.get(path, {"q": "a\x00b"})

    assert "Fritekst indeholder et ugyldigt tegn" in response.content.decode()


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "vcf"])
def test_an_export_refuses_too_long_text_instead_of_exporting_everyone(catalogue, client, fmt):
    response = client.get(f"/kontakter/eksport.{fmt}", {"q": "x" * 100_000})

    assert response.status_code == 400
    assert "Fritekst må højst være" in response.content.decode()


def test_the_api_cuts_long_queries_to_the_same_limit(catalogue, client):
    data = client.get("/api/soeg", {"q": "ø" * 5_000}).json()

    assert data["query"] == "ø" * MAX_TEXT_LENGTH

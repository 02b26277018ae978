"""One language: Danish for every visitor, whatever language the browser asks for."""

import pytest
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.django_db

ENGLISH = {"HTTP_ACCEPT_LANGUAGE": "en-GB,en;q=0.9"}
# Strings Django shows in English when it follows an English browser.
DJANGO_ENGLISH = [
    "Select a valid choice",
    "is not one of the available choices",
    "Save and add another",
    "Save and continue editing",
    "Authentication and Authorization",
    "Change password",
    "Log out",
    "Recent actions",
    "Site administration",
    "Page not found",
    "Enter a valid",
    "This field is required",
]


@pytest.fixture
def catalogue(real_catalogue, db):
    """The real catalogue, loaded once for this module (tests/conftest.py)."""


@pytest.fixture
def editor(client):
    user = get_user_model().objects.create_superuser("redaktoer", "r@example.dk", "hemmeligt-1")
    client.force_login(user)
    return user


def assert_danish(response):
    body = response.content.decode()
    found = [s for s in DJANGO_ENGLISH if s in body]
    assert found == [], f"English Django strings on {response.request['PATH_INFO']}: {found}"
    assert response.get("Content-Language", "da") == "da"


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/indsatser/?niveau=xyz&organisation=xyz",
        "/metoder/?samtale=xyz",
        "/kontakter/?organisation=xyz",
        "/kontakter/?region=xyz&tema=xyz",
        "/soeg/?q=samtale",
        "/findes-ikke/",
        "/erfaringsoverblik/?vis=xyz",
    ],
)
def test_pages_and_filter_errors_are_danish_for_an_english_browser(client, catalogue, path):
    assert_danish(client.get(path, **ENGLISH))


def test_an_unknown_directory_filter_is_explained_in_danish(client, catalogue):
    response = client.get("/kontakter/?organisation=xyz", **ENGLISH)

    assert response.status_code == 400
    assert (
        "Marker en gyldig valgmulighed. xyz er ikke en af de tilgængelige"
        in response.content.decode()
    )


@pytest.mark.parametrize(
    "path",
    [
        "/admin/",
        "/admin/catalogue/method/",
        "/admin/catalogue/method/add/",
        "/admin/contacts/contactpoint/",
        "/admin/auth/user/",
    ],
)
def test_the_admin_is_danish_for_an_english_browser(client, catalogue, editor, path):
    response = client.get(path, **ENGLISH)

    assert response.status_code == 200
    assert_danish(response)
    assert "Gem og tilføj endnu en" in response.content.decode() or not path.endswith("add/")


def test_the_admin_change_form_is_danish_for_an_english_browser(client, catalogue, editor):
    from catalogue.models import Method

    method = Method.objects.first()
    response = client.get(f"/admin/catalogue/method/{method.pk}/change/", **ENGLISH)

    body = response.content.decode()
    assert_danish(response)
    assert "Slet" in body
    assert "Change metode" not in body and "Delete" not in body

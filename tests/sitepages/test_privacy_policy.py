"""/privatlivspolitik/: what personal data the site handles, why, how long, who answers for it;
and the promise it makes about cookies, checked against what the site really sends."""

import pytest
from django.core.management import call_command
from django.test import override_settings

from tests.catalogue.pagetext import links, text
from tests.factories import make_user

pytestmark = pytest.mark.django_db

URL = "/privatlivspolitik/"


def test_it_covers_every_kind_of_personal_data_the_site_handles(client):
    page = text(client.get(URL))
    for heading in (
        "Dataansvarlig",
        "Arbejdskontakter i kataloget",
        "Redaktørers konti og historik",
        "Login og beskyttelse mod gæt på adgangskoder",
        "Serverens adgangslog",
        "Fejl og rettelser, som læsere indsender",
        "Søgninger uden eller med få resultater",
        "Cookies",
        "Dine rettigheder",
    ):
        assert heading in page
    assert page.count("Hvor længe") == 6


def test_it_states_the_retention_of_reader_reports_and_search_logs(client):
    page = text(client.get(URL))
    assert "slettes 90 dage efter, at en redaktør har taget stilling" in page
    assert "Ingen IP-adresse, ingen bruger og ingen cookie" in page
    assert "12 måneder" in page


@override_settings(
    DATA_CONTROLLER_NAME="Eksempel Kommune",
    DATA_CONTROLLER_EMAIL="databeskyttelse@example.dk",
    DATA_PROTECTION_OFFICER_EMAIL="dpo@example.dk",
    SERVER_LOG_RETENTION_DAYS=30,
)
def test_the_data_controller_and_log_retention_come_from_settings(client):
    response = client.get(URL)
    page = text(response)
    assert "Dataansvarlig for behandlingen er Eksempel Kommune." in page
    assert "30 dage. Loggen opbevares" in page
    assert {"databeskyttelse@example.dk", "dpo@example.dk"} <= set(links(response))


def test_unset_controller_settings_say_plainly_that_they_must_be_set(client):
    page = text(client.get(URL))
    assert "[ikke angivet – driftsansvarlig skal sætte DATA_CONTROLLER_NAME]" in page
    assert "[ikke angivet – driftsansvarlig skal sætte SERVER_LOG_RETENTION_DAYS]" in page


def test_it_names_the_login_limits_and_cookies_as_configured(client, settings):
    response = client.get(URL)
    page, html = text(response), response.content.decode()
    assert f"Efter {settings.AXES_FAILURE_LIMIT} forkerte forsøg" in page
    assert f"<code>{settings.SESSION_COOKIE_NAME}</code>: holder redaktøren logget ind" in html
    assert f"<code>{settings.CSRF_COOKIE_NAME}</code>: et tilfældigt tal" in html
    assert "Læsere af kataloget får ingen cookies" in page


PUBLIC_PAGES = [
    "/",
    "/indsatser/",
    "/indsatser/?niveau=social&q=samtale",
    "/metoder/motiverende-samtaler/",
    "/organisationer/albertslund/",
    "/erfaringsoverblik/",
    "/soeg/?q=forældre",
    "/kontakter/",
    "/kontakter/eksport.csv",
    "/data/katalog.json",
    "/data/indsatser.csv",
    "/tilgaengelighedserklaering/",
    "/privatlivspolitik/",
    "/aabne-data/",
    "/side-der-ikke-findes/",
]


def test_anonymous_visitors_get_no_cookies_as_the_policy_promises(client):
    call_command("load_catalogue", verbosity=0)
    for url in PUBLIC_PAGES:
        response = client.get(url)
        assert response.status_code in (200, 404), url
        assert response.cookies == {}, url
        assert "Set-Cookie" not in response, url


def test_an_editor_gets_exactly_the_two_cookies_the_policy_names(client, settings):
    make_user(username="redaktoer", password="hemmelig-kode-123", is_superuser=True)
    login_page = client.get("/admin/login/")
    assert set(login_page.cookies) == {settings.CSRF_COOKIE_NAME}
    response = client.post(
        "/admin/login/?next=/admin/",
        {"username": "redaktoer", "password": "hemmelig-kode-123"},
    )
    assert response.status_code == 302
    assert set(client.cookies) == {settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME}
    assert response.cookies[settings.SESSION_COOKIE_NAME]["max-age"] == ""  # ends with browser

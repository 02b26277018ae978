"""/tilgaengelighedserklaering/: the statement in Digitaliseringsstyrelsen's structure, with the
operator's contact details from settings, and /was, the short address the agency asks for."""

import datetime

import pytest
from django.test import override_settings

from tests.catalogue.pagetext import links, text

pytestmark = pytest.mark.django_db

URL = "/tilgaengelighedserklaering/"
OPERATOR = {
    "SITE_OPERATOR_NAME": "Eksempel Kommune",
    "SITE_OPERATOR_EMAIL": "webtilgaengelighed@example.dk",
    "SITE_OPERATOR_PHONE": "12 34 56 78",
    "ACCESSIBILITY_STATEMENT_DATE": datetime.date(2026, 11, 20),
    "ACCESSIBILITY_TEST_DATE": datetime.date(2026, 11, 24),
}


def test_it_has_the_sections_of_the_standard_statement(client):
    page = text(client.get(URL))
    for heading in (
        "Tilgængelighedserklæring",
        "Overholdelsesstatus",
        "Indhold, der ikke er tilgængeligt",
        "Uforholdsmæssig stor byrde",
        "Udarbejdelse af erklæringen",
        "Feedback og kontaktoplysninger",
        "Håndhævelsesprocedure",
    ):
        assert heading in page


def test_it_says_the_site_partly_meets_wcag_2_1_aa_and_what_was_not_assessed(client):
    page = text(client.get(URL))
    assert "Webstedet overholder standarden delvist" in page
    assert "WCAG 2.1 på niveau AA" in page
    assert "ikke testet med skærmlæser" in page
    assert "axe-core" in page and "4.14.1" in page


def test_it_names_the_axe_core_version_the_browser_tests_use(client, settings):
    vendored = (settings.BASE_DIR / "tests/browser/vendor/README.md").read_text()
    version = vendored.split("| axe-core (Deque Systems) | ")[1].split(" |")[0]
    assert f"version {version}" in text(client.get(URL))


@override_settings(**OPERATOR)
def test_the_operator_contact_and_dates_come_from_settings(client):
    response = client.get(URL)
    page = text(response)
    assert "Eksempel Kommune forpligter sig" in page
    assert "20. november 2026" in page and "24. november 2026" in page
    found = links(response)
    assert found["webtilgaengelighed@example.dk"].startswith(
        "mailto:webtilgaengelighed@example.dk?subject="
    )
    assert found["12 34 56 78"] == "tel:12345678"
    assert "ikke angivet" not in page


def test_unset_settings_say_plainly_that_they_must_be_set(client):
    page = text(client.get(URL))
    assert "[ikke angivet – driftsansvarlig skal sætte SITE_OPERATOR_EMAIL]" in page
    assert "[ikke angivet – driftsansvarlig skal sætte SITE_OPERATOR_PHONE]" in page
    assert "[ikke angivet – driftsansvarlig skal sætte ACCESSIBILITY_TEST_DATE]" in page
    assert "mailto:" not in client.get(URL).content.decode()


def test_it_points_to_digitaliseringsstyrelsen_for_complaints(client):
    response = client.get(URL)
    assert "Digitaliseringsstyrelsen er ansvarlig for at håndhæve" in text(response)
    label = "Sådan klager du til Digitaliseringsstyrelsen over utilgængeligt indhold"
    complaint = links(response)[label]
    assert complaint.startswith("https://digst.dk/")


def test_was_leads_to_the_statement_and_to_the_was_tool_once_it_is_set(client):
    assert client.get("/was")["Location"] == URL
    with override_settings(ACCESSIBILITY_WAS_URL="https://was.digst.dk/idekatalog-example-dk"):
        assert client.get("/was")["Location"] == "https://was.digst.dk/idekatalog-example-dk"
        assert "https://was.digst.dk/idekatalog-example-dk" in links(client.get(URL)).values()

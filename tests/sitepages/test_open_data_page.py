"""/aabne-data/: what can be downloaded (katalog.json, its schema, the CSV files) and on what
terms; the terms come from OPEN_DATA_TERMS and never claim a licence the publishers didn't give."""

import pytest
from django.test import override_settings

from tests.catalogue.pagetext import links, text
from tests.opendata import katalog

pytestmark = pytest.mark.django_db

URL = "/aabne-data/"


def test_it_links_every_file_and_every_link_works(client):
    response = client.get(URL)
    found = links(response)
    expected = {
        "Hele kataloget som JSON (katalog.json)": "/data/katalog.json",
        "Beskrivelse af katalog.json som JSON Schema (katalog.schema.json)": (
            "/data/katalog.schema.json"
        ),
        "Indsatser som CSV til Excel (indsatser.csv)": "/data/indsatser.csv",
        "Metoder som CSV til Excel (metoder.csv)": "/data/metoder.csv",
        "Kontakter som CSV, Excel eller vCard": "/kontakter/",
    }
    assert {label: found.get(label) for label in expected} == expected
    for url in expected.values():
        assert client.get(url).status_code == 200, url


def test_the_default_terms_say_the_publishers_have_stated_none(client):
    page = text(client.get(URL))
    assert (
        "Strategisk Chefforum og Københavns Vestegns Politi, der har udgivet idekataloget, "
        "har ikke oplyst vilkår for genbrug af indholdet." in page
    )
    assert "Spørg dem" in page
    assert "licens" not in page.lower()


def test_the_page_and_the_json_show_the_same_terms_from_the_setting(client):
    terms = "Testvilkår: må genbruges med kildeangivelse."
    with override_settings(OPEN_DATA_TERMS=terms):
        assert terms in text(client.get(URL))
        assert katalog(client)["terms_of_use"] == terms


def test_the_csv_columns_it_lists_are_the_real_ones(client):
    from catalogue.csv_exports import INITIATIVE_COLUMNS, METHOD_COLUMNS

    page = text(client.get(URL))
    for columns in (INITIATIVE_COLUMNS, METHOD_COLUMNS):
        listed = ", ".join(columns[:-1]) + " og " + columns[-1]
        assert f"med kolonnerne {listed}." in page

"""The directory's choice lists at national scale: a list too long for checkboxes (2,500
initiatives, 2,500 methods) shows the ticked values and a search field that narrows it through
an ordinary GET, without JavaScript. The filters' own URL parameters are unchanged."""

import re

import pytest

from catalogue.models import Method
from contacts.choices import SHOWN_LIMIT

pytestmark = pytest.mark.django_db


def checkboxes(html: str, name: str) -> list[tuple[str, bool]]:
    tags = re.findall(rf'<input type="checkbox" name="{name}"[^>]*>', html)
    return [(re.search(r'value="([^"]+)"', t).group(1), " checked" in t) for t in tags]


@pytest.fixture
def many_methods(directory):
    Method.objects.bulk_create(
        Method(slug=f"syntetisk-metode-{i}", title=f"Syntetisk metode {i}", order=100 + i)
        for i in range(SHOWN_LIMIT + 10)
    )
    return directory


def test_a_long_list_shows_only_the_ticked_values_and_a_search_field(client, many_methods):
    html = client.get("/kontakter/?metode=rgp").content.decode()

    assert checkboxes(html, "metode") == [("rgp", True)]
    assert 'name="soeg_metode"' in html
    assert "<label" in html and 'for="id_soeg_metode">Find metode</label>' in html
    assert "Syntetisk metode 1" not in html


def test_searching_offers_the_matching_entries_to_tick_and_keeps_the_other_filters(
    client, many_methods
):
    plain = client.get("/kontakter/?metode=rgp&region=vestegn").content.decode()
    html = client.get("/kontakter/?metode=rgp&region=vestegn&soeg_metode=samtal").content.decode()

    assert checkboxes(html, "metode") == [("rgp", True), ("motiverende-samtaler", False)]
    assert "1 passer til “samtal”" in html
    assert 'value="samtal"' in html  # the search stays in its field
    # the search only narrows the list of choices, never the contacts
    count = re.compile(r'<p class="result-count" role="status">(.*?)</p>', re.S)
    assert count.search(html).group(1) == count.search(plain).group(1)


def test_the_search_ignores_case_and_danish_letters_case(client, many_methods):
    html = client.get("/kontakter/?soeg_metode=RÅDGIVNING").content.decode()

    assert checkboxes(html, "metode") == [("rgp", False)]


def test_a_search_with_too_many_matches_asks_for_more_words(client, many_methods):
    html = client.get("/kontakter/?soeg_metode=syntetisk").content.decode()

    assert len(checkboxes(html, "metode")) == SHOWN_LIMIT
    assert f"Flere end {SHOWN_LIMIT} passer til “syntetisk”" in html


def test_a_search_without_matches_says_so_in_danish(client, many_methods):
    html = client.get("/kontakter/?soeg_metode=zzqx").content.decode()

    assert checkboxes(html, "metode") == []
    assert "Ingen metode passer til “zzqx”." in html


def test_a_too_long_search_is_refused_in_danish_not_with_an_error(client, many_methods):
    response = client.get("/kontakter/", {"soeg_metode": "a" * 201})

    assert response.status_code == 200
    assert "Fritekst må højst være 200 tegn" in response.content.decode()


def test_a_short_list_stays_a_list_of_checkboxes(client, directory):
    html = client.get("/kontakter/").content.decode()

    assert [value for value, _ in checkboxes(html, "metode")] == ["motiverende-samtaler", "rgp"]
    assert "soeg_metode" not in html


def test_the_exports_follow_the_filters_but_not_the_list_search(client, many_methods):
    html = client.get("/kontakter/?metode=rgp&soeg_metode=samtal").content.decode()

    assert 'href="/kontakter/eksport.csv?metode=rgp"' in html
    assert "eksport.xlsx?metode=rgp&" not in html

"""/erfaringsoverblik/: who has experience with what, as an accessible table."""

import re

import pytest

from catalogue.models import Status
from tests.catalogue.pagetext import text
from tests.factories import (
    make_catalogue,
    make_experience,
    make_initiative,
    make_level,
    make_method,
    make_organisation,
    make_theme,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue():
    social = make_level(slug="social", name="Social")
    situational = make_level(slug="situationel", name="Situationel")
    family = make_theme(slug="familie", name="Familie")
    ishoej = make_organisation(slug="ishoej", short_name="Ishøj")
    herlev = make_organisation(slug="herlev", short_name="Herlev")
    make_organisation(slug="uden", short_name="Uden erfaring")
    parents = make_initiative(title="Forældrenetværk", level=social, themes=[family])
    planning = make_initiative(title="Byplanlægning", level=situational)
    mentor = make_method(title="Mentorordninger")
    draft = make_initiative(title="Kladde", level=social, status=Status.DRAFT)
    make_experience(ishoej, parents, note="med boligsociale")
    make_experience(herlev, planning)
    make_experience(herlev, mentor)
    make_experience(ishoej, draft)


def rows(response) -> dict[str, list[str]]:
    """Row header -> the cells' text, read from the table body."""
    body = response.content.decode().split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    result = {}
    for row in re.findall(r"<tr>(.*?)</tr>", body, re.S):
        header = re.search(r'<th scope="row"><a [^>]*>(.*?)</a>', row).group(1)
        cells = re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
        result[header] = [" ".join(re.sub(r"<[^>]+>", " ", c).split()) for c in cells]
    return result


def test_it_is_a_table_with_column_and_row_headers(client, catalogue):
    html = client.get("/erfaringsoverblik/").content.decode()

    assert "<caption" in html
    headers = re.findall(r'<th scope="col" class="matrix__org"><a [^>]*>(.*?)</a>', html)
    assert headers == ["Herlev", "Ishøj"]  # only organisations with experience, by name
    assert html.count('<th scope="row">') == 3


def test_each_cell_says_yes_or_no_in_words_for_screen_readers(client, catalogue):
    table = rows(client.get("/erfaringsoverblik/"))

    assert table == {
        "Forældrenetværk": ["Nej", "✓ Ja: med boligsociale"],
        "Byplanlægning": ["✓ Ja", "Nej"],
        "Mentorordninger": ["✓ Ja", "Nej"],
    }


def test_it_filters_by_level_and_theme_and_then_leaves_methods_out(client, catalogue):
    assert list(rows(client.get("/erfaringsoverblik/?niveau=situationel"))) == ["Byplanlægning"]
    assert list(rows(client.get("/erfaringsoverblik/?tema=familie"))) == ["Forældrenetværk"]
    assert list(rows(client.get("/erfaringsoverblik/?vis=metoder"))) == ["Mentorordninger"]
    page = text(client.get("/erfaringsoverblik/?tema=familie"))
    assert "Metoderne har hverken forebyggelsesniveau eller tema" in page


def test_bad_values_are_named_and_ignored(client, catalogue):
    response = client.get("/erfaringsoverblik/?niveau=mars&vis=%00&tema=familie")

    assert response.status_code == 200
    assert "findes ikke og er ikke brugt: mars" in text(response)
    assert list(rows(response)) == ["Forældrenetværk"]


def test_an_empty_selection_says_so(client, catalogue):
    page = text(client.get("/erfaringsoverblik/?niveau=situationel&tema=familie"))

    assert "Ingen indsatser passer til det, I har valgt" in page


def test_the_whole_of_a_small_catalogue_fits_on_one_page_without_page_links(client, catalogue):
    page = text(client.get("/erfaringsoverblik/"))

    assert "Erfaring: 3 indsatser og metoder × 2 kommuner og politi" in page
    assert "Næste side" not in page


@pytest.mark.parametrize("size", [2, 30])
def test_the_matrix_needs_the_same_queries_however_large(client, django_assert_num_queries, size):
    make_catalogue(size)  # 30: 60 entries, two pages

    with django_assert_num_queries(8):  # +1: the catalogue revision (page cache)
        assert client.get("/erfaringsoverblik/").status_code == 200


def test_a_large_catalogue_is_shown_fifty_rows_a_page(client):
    catalogue = make_catalogue(30)  # 30 initiatives, then 30 methods

    first = client.get("/erfaringsoverblik/")
    second = client.get("/erfaringsoverblik/?side=2")

    assert len(rows(first)) == 50
    assert list(rows(second)) == [method.title for method in catalogue["methods"][20:]]
    assert "indsatser og metoder 51–60 af 60 (side 2 af 2)" in text(second)
    assert 'href="?side=2"' in first.content.decode()


def test_the_columns_are_the_organisations_with_experience_on_that_page(client):
    catalogue = make_catalogue(30)  # entry i: experience in organisations i and i + 1
    orgs = catalogue["organisations"]

    html = client.get("/erfaringsoverblik/?side=2").content.decode()

    headers = re.findall(r'<th scope="col" class="matrix__org"><a [^>]*>(.*?)</a>', html)
    assert sorted(headers) == sorted(org.short_name for org in orgs[20:31])


def test_page_links_keep_the_filters(client):
    catalogue = make_catalogue(55)

    response = client.get("/erfaringsoverblik/?vis=indsatser")
    last = client.get("/erfaringsoverblik/?vis=indsatser&side=2")

    assert 'href="?vis=indsatser&amp;side=2"' in response.content.decode()
    assert list(rows(last)) == [i.title for i in catalogue["initiatives"][50:]]


@pytest.mark.parametrize("side", ["0", "x", "99"])
def test_a_page_number_out_of_range_shows_a_page_instead_of_an_error(client, catalogue, side):
    response = client.get(f"/erfaringsoverblik/?side={side}")

    assert response.status_code == 200
    assert len(rows(response)) == 3


def test_the_region_choice_keeps_only_that_regions_columns(client):
    ishoej = make_organisation(slug="ishoej", short_name="Ishøj")
    from catalogue.models import Organisation

    aarhus = make_organisation(
        slug="aarhus", short_name="Aarhus", region=Organisation.Region.OEVRIGE
    )
    entry = make_initiative(title="Forældrenetværk")
    make_experience(ishoej, entry)
    make_experience(aarhus, entry)

    vestegn = client.get("/erfaringsoverblik/?region=vestegn").content.decode()
    elsewhere = client.get("/erfaringsoverblik/?region=oevrige").content.decode()

    headers = r'<th scope="col" class="matrix__org"><a [^>]*>(.*?)</a>'
    assert re.findall(headers, vestegn) == ["Ishøj"]
    assert re.findall(headers, elsewhere) == ["Aarhus"]
    assert 'id="m-region-vestegn" name="region" value="vestegn" checked' in vestegn


def test_an_unknown_region_is_named_and_ignored(client, catalogue):
    response = client.get("/erfaringsoverblik/?region=mars")

    assert "findes ikke og er ikke brugt: mars" in text(response)
    assert len(rows(response)) == 3


def test_phones_get_a_list_per_entry_naming_who_has_experience(client, catalogue):
    html = client.get("/erfaringsoverblik/").content.decode()
    entries = html.split('<ol class="matrix-list__entries">', 1)[1].split("</ol>", 1)[0]
    items = [
        " ".join(re.sub(r"<[^>]+>", " ", item).split())
        for item in re.findall(r"<li [^>]*>(.*?)</li>", entries, re.S)
    ]

    assert items == [
        "Forældrenetværk Social Ishøj (med boligsociale)",
        "Byplanlægning Situationel Herlev",
        "Mentorordninger Metode Herlev",
    ]

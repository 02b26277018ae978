"""/indsatser/ and /metoder/: filtered lists with facets, chips, empty state and pagination."""

import re

import pytest
from django.http import QueryDict

from catalogue.models import Status
from tests.catalogue.pagetext import links, text
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
    family = make_theme(slug="familie", name="Familie")
    ishoej = make_organisation(slug="ishoej", short_name="Ishøj")
    herlev = make_organisation(slug="herlev", short_name="Herlev")
    parents = make_initiative(
        title="Forældrenetværk", level=social, themes=[family], purpose="Forældre mødes."
    )
    street = make_initiative(title="Gadeplansarbejde", level=social)
    make_initiative(title="Hemmelig kladde", level=social, status=Status.DRAFT)
    make_experience(ishoej, parents)
    make_experience(herlev, street)
    return {"parents": parents, "street": street}


def test_it_lists_published_initiatives_with_level_themes_and_experience(client, catalogue):
    response = client.get("/indsatser/")

    page = text(response)
    assert response.status_code == 200
    assert "2 indsatser" in page
    assert "Forældrenetværk" in page and "Social · Familie" in page
    assert "Erfaring: Ishøj" in page
    assert links(response)["Forældrenetværk"] == "/indsatser/" + catalogue["parents"].slug + "/"


def test_it_never_shows_drafts(client, catalogue):
    assert "Hemmelig kladde" not in text(client.get("/indsatser/"))
    assert "Hemmelig kladde" not in text(client.get("/indsatser/?niveau=social"))


def test_filters_live_in_the_url_and_stay_ticked_in_the_form(client, catalogue):
    response = client.get("/indsatser/?organisation=ishoej&tema=familie")

    html = response.content.decode()
    assert "1 indsats passer til filtrene" in text(response)
    assert re.search(r'name="organisation" value="ishoej" checked', html)
    assert re.search(r'name="tema" value="familie" checked', html)
    assert not re.search(r'name="organisation" value="herlev" checked', html)


def test_each_facet_choice_shows_how_many_it_leaves(client, catalogue):
    page = text(client.get("/indsatser/?organisation=herlev"))

    assert "Ishøj (1)" in page and "Herlev (1)" in page
    assert "Familie (0)" in page  # Herlev's one initiative has no theme


def test_a_chip_removes_one_filter_and_keeps_the_others(client, catalogue):
    response = client.get("/indsatser/?organisation=ishoej&organisation=herlev&tema=familie")

    chip = links(response)["Fjern filter Organisation med erfaring: Ishøj ✕"]
    kept = QueryDict(chip.lstrip("?"))
    assert kept.getlist("organisation") == ["herlev"]
    assert kept.getlist("tema") == ["familie"]
    assert links(response)["Fjern alle filtre"] == "/indsatser/"


def test_it_says_so_when_nothing_matches(client, catalogue):
    response = client.get("/indsatser/?organisation=herlev&tema=familie")

    page = text(response)
    assert response.status_code == 200
    assert "0 indsatser" in page
    assert "Ingen indsatser passer til det, I har valgt" in page
    assert links(response)["se alle indsatser"] == "/indsatser/"


@pytest.mark.parametrize(
    "query",
    [
        "organisation=findes-ikke",
        "niveau=%00%ff&tema=<script>",
        "side=abc",
        "side=-1",
        "side=999999999999999999999",
        "q=" + "ø" * 1000,
        "q=%ff%fe&organisation=",
        "maalgruppe=x&maalgruppe=y&region=mars",
        "foo=bar&csrfmiddlewaretoken=1",
        "organisation[]=ishoej&tema=familie&tema=familie",
    ],
)
def test_bad_query_strings_never_fail(client, catalogue, query):
    for url in ("/indsatser/", "/metoder/"):
        assert client.get(f"{url}?{query}").status_code == 200


def test_an_unknown_organisation_is_named_and_the_valid_filters_still_apply(client, catalogue):
    response = client.get("/indsatser/?organisation=atlantis&organisation=ishoej")

    page = text(response)
    assert "“atlantis” findes ikke i kataloget" in page
    assert "1 indsats passer til filtrene" in page


def test_it_paginates_and_page_links_keep_the_filters(client):
    level = make_level(slug="social", name="Social")
    for i in range(25):
        make_initiative(title=f"Indsats nr. {i:02}", level=level)

    first = client.get("/indsatser/?niveau=social")
    second = client.get("/indsatser/" + links(first)["Næste side"])

    assert "Indsats nr. 00" in text(first) and "Indsats nr. 20" not in text(first)
    assert QueryDict(links(first)["Næste side"].lstrip("?")).dict() == {
        "niveau": "social",
        "side": "2",
    }
    assert "Indsats nr. 20" in text(second) and "Indsats nr. 00" not in text(second)


def test_the_methods_list_shows_aliases_and_experience(client):
    method = make_method(title="Løsningsfokuseret tilgang", aliases=["LØFT"])
    make_experience(make_organisation(short_name="Ishøj"), method)
    make_method(title="Kladde-metode", status=Status.DRAFT)

    page = text(client.get("/metoder/"))

    assert "Løsningsfokuseret tilgang (LØFT)" in page
    assert "Erfaring: Ishøj" in page
    assert "Kladde-metode" not in page


@pytest.mark.parametrize("size", [2, 25])
def test_the_initiative_list_needs_the_same_queries_however_large(
    client, django_assert_num_queries, size
):
    catalogue = make_catalogue(size)
    query = (
        f"?niveau={catalogue['levels'][0].slug}&organisation={catalogue['organisations'][1].slug}"
    )

    # 10: +1 the catalogue revision (page cache); the five facets in one query (UNION ALL)
    with django_assert_num_queries(10):
        assert client.get("/indsatser/").status_code == 200
    with django_assert_num_queries(10):
        assert client.get("/indsatser/" + query).status_code == 200


@pytest.mark.parametrize("size", [2, 25])
def test_the_method_list_needs_the_same_queries_however_large(
    client, django_assert_num_queries, size
):
    make_catalogue(size)

    # 8: +1 the catalogue revision (page cache); two facets in one query, one counted in Python
    with django_assert_num_queries(8):
        assert client.get("/metoder/").status_code == 200

"""Forside, Om kataloget and Søg: the ways into the catalogue."""

import pytest

from catalogue import models as m
from catalogue.search import rebuild_index
from tests.catalogue.pagetext import links, text
from tests.factories import (
    make_catalogue,
    make_initiative,
    make_level,
    make_method,
    make_organisation,
    make_theme,
)

pytestmark = pytest.mark.django_db


def test_the_front_page_offers_search_levels_themes_municipalities_and_advice(client):
    social = make_level(slug="social", name="Social")
    family = make_theme(slug="familie", name="Familie")
    make_initiative(level=social, themes=[family])
    make_initiative(level=social, status=m.Status.DRAFT)
    make_organisation(slug="ishoej", short_name="Ishøj")
    m.GoodAdvice.objects.create(slug="laes-mere", title="LÆS MERE", text="i litteraturlisten.")

    response = client.get("/")
    page = text(response)

    assert '<form class="search-box" action="/soeg/"' in response.content.decode()
    assert "Social 1 indsats" in page  # the draft is not counted
    assert links(response)["Social"] == "/indsatser/?niveau=social"
    assert links(response)["Familie (1)"] == "/indsatser/?tema=familie"
    assert links(response)["Ishøj"] == "/organisationer/ishoej/"
    assert "LÆS MERE i litteraturlisten." in page


def test_the_header_links_every_part_including_the_contacts(client):
    response = client.get("/om/")

    nav = links(response)
    assert nav["Kontakter"] == "/kontakter/"
    assert nav["Erfaringsoverblik"] == "/erfaringsoverblik/"
    assert nav["Gå til sidens indhold"] == "#main-content"
    assert 'aria-current="page">Om kataloget' in response.content.decode()


def test_the_about_page_has_definitions_sections_advice_recommendations_and_literature(client):
    m.Definition.objects.create(slug="d", title="Definition af en bande", text="En **gruppe**.",
                                attribution="DKR, 2014")  # fmt: skip
    m.AboutSection.objects.create(slug="baggrund", title="Baggrund", text="Om baggrunden.")
    m.AboutSection.objects.create(slug="gode-raad-indledning", title="5 gode råd",
                                  text="- til brugen af idekataloget.")  # fmt: skip
    m.GoodAdvice.objects.create(slug="a", title="ARBEJD PÅ TVÆRS", text="en pointe.")
    m.Recommendation.objects.create(slug="r", title="Anbefaling 1", text="Gør noget.")
    m.LiteratureEntry.objects.create(
        slug="l", authors="Hansen & Bislev", year="2013",
        title="Problemskabende ungegrupper", publisher="DKR",
    )  # fmt: skip
    m.AboutSection.objects.create(slug="skjult", title="Kladdeafsnit", text="x",
                                  status=m.Status.DRAFT)  # fmt: skip

    response = client.get("/om/")
    page = text(response)

    assert "Definition af en bande En gruppe . Kilde: DKR, 2014" in page
    assert "<strong>gruppe</strong>" in response.content.decode()
    assert "Baggrund Om baggrunden." in page
    assert "1 gode råd - til brugen af idekataloget. ARBEJD PÅ TVÆRS en pointe." in page
    assert "Anbefalinger til Kredsrådet Anbefaling 1 Gør noget." in page
    assert "Hansen & Bislev (2013). Problemskabende ungegrupper . DKR." in page
    assert "Kladdeafsnit" not in page


def test_search_shows_highlighted_hits_best_first(client):
    make_method(title="Bekymringssamtaler", purpose="Samtaler med forældre.")
    make_initiative(title="Gadeplansarbejde", description="Også bekymringssamtaler på gaden.")
    rebuild_index()

    response = client.get("/soeg/", {"q": "bekymringssamtale"})
    page = text(response)

    assert "2 resultater for “bekymringssamtale”" in page
    assert page.index("Bekymringssamtaler") < page.index("Gadeplansarbejde")
    assert "<mark>" in response.content.decode()
    assert 'value="bekymringssamtale"' in response.content.decode()


@pytest.mark.parametrize("query", ["", "   ", "zzzxqy", "%", "ø" * 500, "\x00", "<script>"])
def test_search_copes_with_any_query(client, query):
    make_initiative(title="Gadeplansarbejde")
    rebuild_index()

    response = client.get("/soeg/", {"q": query})

    assert response.status_code == 200
    assert "<script>" not in response.content.decode().split("<main", 1)[1]


def test_search_says_so_when_nothing_matches_and_when_the_query_is_too_long(client):
    assert "Ingen resultater for “zzzxqy”" in text(client.get("/soeg/", {"q": "zzzxqy"}))
    too_long = text(client.get("/soeg/", {"q": "a" * 201}))
    assert "Fritekst må højst være 200 tegn (den har 201)" in too_long


@pytest.mark.parametrize("size", [2, 25])
def test_front_and_about_pages_need_the_same_queries_however_large(
    client, django_assert_num_queries, size
):
    make_catalogue(size)

    # +1: the catalogue revision (page cache); +1: experience counts, one grouped query
    with django_assert_num_queries(7):
        assert client.get("/").status_code == 200
    with django_assert_num_queries(7):  # +1: the catalogue revision (page cache)
        assert client.get("/om/").status_code == 200


def test_a_development_initiative_found_by_search_opens_at_its_own_heading(client):
    from catalogue import search
    from catalogue.models import DevelopmentInitiative

    entry = DevelopmentInitiative.objects.create(
        slug="soeskendenetvaerk", title="Søskendenetværk", description="Et netværk for søskende."
    )
    search.rebuild_index()
    hit = next(h for h in search.search("søskendenetværk") if h.title == entry.title)
    path, _, anchor = hit.url.partition("#")
    page = client.get(path).content.decode()
    assert anchor == entry.slug
    assert f'id="{anchor}"' in page

"""The Ordliste, the help page, the profile card on organisation pages, and how to reach them."""

import datetime
import re

import pytest

from catalogue.models import Organisation, Status
from glossary.models import Profile, Term
from tests.factories import make_organisation
from tests.sourcetext import fixture

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded(real_catalogue, db):
    """The real catalogue and glossary, loaded once for this module (tests/conftest.py)."""


def text(response) -> str:
    html = response.content.decode()
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_the_ordliste_shows_every_term_at_its_anchor_with_definitions_and_sources(client, loaded):
    response = client.get("/ordliste/")
    assert response.status_code == 200
    html = response.content.decode()
    for term in fixture("glossary")["term"]:
        assert f'id="{term["slug"]}"' in html, term["slug"]
    page = text(response)
    assert "Står for: Skole, Social og Politi" in page
    assert "Kilde: Ishøj Kommunes arbejdsnotat af 27. marts 2023 (2023)" in page
    assert "Kredsrådet består af politidirektøren og samtlige borgmestre i politikredsen." in page


def test_a_term_the_documents_describe_differently_shows_every_description(client, loaded):
    page = text(client.get("/ordliste/"))
    kredsraad = page[page.index("Kredsråd Forum") :]
    assert "Kilderne beskriver begrebet på 4 måder" in kredsraad[:400]
    assert "politiinspektør fra Vestegnens politi" in kredsraad
    assert "borgmestrene fra Vestegnen der sammen udgør" in kredsraad


def test_a_definition_links_other_terms_but_not_its_own(client, loaded):
    html = client.get("/ordliste/").content.decode()
    article = html[html.index('id="lokalraad"') :]
    article = article[: article.index("</article>")]
    assert 'href="/ordliste/#lokalraad"' not in article
    assert 'href="/ordliste/#kredsraad"' in html


def test_a_draft_term_is_not_on_the_ordliste(client, loaded):
    Term.objects.filter(slug="pspk").update(status=Status.DRAFT)
    assert 'id="pspk"' not in client.get("/ordliste/").content.decode()


def test_the_help_page_marks_the_offer_as_described_in_2021_and_shows_how_to_apply(client, loaded):
    response = client.get("/raadgivning/")
    assert response.status_code == 200
    page = text(response)
    assert "Beskrevet i 2021" in page
    assert "Undersøg, om det stadig findes" in page
    for heading in ("Hvem tilbyder hvad", "For hvem", "Rådgivningsforløbene", "Kurser"):
        assert heading in page
    for n in range(1, 5):
        assert f"Rådgivningsforløb {n}:" in page
    assert "Rådgivningen er gratis og kan søges løbende i 2021." in page
    assert "ansoegningsskema-raadgivningsforloeb-forebyggelse-af-bandekriminalitet.docx" in (
        response.content.decode()
    )


def test_the_front_page_and_the_header_lead_to_the_ordliste_and_the_help_page(client, loaded):
    html = client.get("/").content.decode()
    assert 'href="/ordliste/"' in html and 'href="/raadgivning/"' in html
    header = client.get("/indsatser/").content.decode()
    assert re.search(r'<nav class="site-nav".*href="/ordliste/"', header, re.S)
    assert 'href="/ordliste/" aria-current="page"' in client.get("/ordliste/").content.decode()


def test_a_profile_dates_and_cites_every_fact_and_says_when_it_was_last_reviewed(client, loaded):
    page = text(client.get("/organisationer/albertslund/"))
    assert "Sådan er det kriminalitetsforebyggende arbejde organiseret" in page
    assert "Uddrag af dokumenter fra 2017, 2023, 2024" in page
    assert (
        "2017 · Oplysninger fra Albertslund Kommunes halvårsrapport 2017 "
        "(Den Kriminalpræventive Enhed), afsnittet »Samarbejdsstruktur på tværs – Lokalrådet«"
    ) in page
    assert "ikke gennemgået af en redaktør" in page
    profile = Profile.objects.get(slug="albertslund")
    profile.last_reviewed = datetime.date(2026, 11, 30)
    profile.save()
    assert "sidst gennemgået af en redaktør 30. november 2026" in text(
        client.get("/organisationer/albertslund/")
    )


def test_viborg_has_a_page_with_its_profile(client, loaded):
    assert Organisation.objects.get(slug="viborg").region == "oevrige"
    page = text(client.get("/organisationer/viborg/"))
    assert "Organiseret i Viborg Ungdomsskole under Center for Børn og Unge" in page
    assert "2023 · Oplysninger fra Ishøj Kommunes arbejdsnotat af 27. marts 2023" in page


def test_an_organisation_without_a_published_profile_shows_no_profile(client, loaded):
    assert "profile-heading" not in client.get("/organisationer/ballerup/").content.decode()
    Profile.objects.filter(slug="ishoej").update(status=Status.DRAFT)
    assert "profile-heading" not in client.get("/organisationer/ishoej/").content.decode()


@pytest.mark.parametrize("size", [2, 20])
def test_the_ordliste_needs_the_same_queries_however_many_terms(
    client, django_assert_num_queries, size
):
    for i in range(size):
        term = Term.objects.create(slug=f"t{i}", name=f"Begreb{i}", category="model")
        term.definitions.create(text=f"Forklaring {i} med Begreb0.", document="ishoej-2023")
    with django_assert_num_queries(4):  # revision (page cache), terms, definitions, linkable terms
        assert client.get("/ordliste/").status_code == 200


@pytest.mark.parametrize("size", [2, 20])
def test_an_organisation_page_with_a_profile_needs_the_same_queries_however_large(
    client, django_assert_num_queries, size
):
    org = make_organisation(slug="k", short_name="K", name="K Kommune")
    profile = Profile.objects.create(slug="k", organisation=org)
    for i in range(size):
        profile.statements.create(topic="fora", text=f"Oplysning {i}", document="ishoej-2023")
    with django_assert_num_queries(7):  # revision; the card: 1 query; the linkable terms: 1
        assert client.get(org.get_absolute_url()).status_code == 200

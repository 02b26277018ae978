"""Glossary terms in search (/soeg/, /api/soeg as "Begreb") and in /data/katalog.json."""

import pytest

from catalogue import services
from catalogue.models import Status
from glossary.models import Term
from tests.opendata import katalog
from tests.sourcetext import fixture

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded(real_catalogue, db):
    """The real catalogue and glossary, loaded once for this module (tests/conftest.py)."""


def api(client, q: str) -> list[dict]:
    return client.get("/api/soeg", {"q": q, "limit": 10}).json()["results"]


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("YLS/CMI", "YLS/CMI"),
        ("kredsråd", "Kredsråd"),
        ("Infohus", "Infohus"),
        ("Mind The Parents", "Mind The Parents"),
        ("SSP", "SSP"),
        ("Det Nationale Exitkontaktpunkt", "Det Nationale Exitkontaktpunkt"),
    ],
)
def test_a_term_is_found_in_the_top_five_as_a_begreb_that_opens_at_its_anchor(
    client, loaded, query, title
):
    hits = {h["title"]: h["url"] for h in api(client, query)[:5] if h["type"] == "Begreb"}
    slug = Term.objects.get(name=title).slug
    assert hits.get(title) == f"/ordliste/#{slug}", (query, hits)


def test_the_search_page_shows_terms_with_their_type(client, loaded):
    page = client.get("/soeg/", {"q": "Infohus"}).content.decode()
    assert "Begreb" in page and 'href="/ordliste/#infohus"' in page


def test_an_archived_term_drops_out_of_search(client, loaded):
    term = Term.objects.get(slug="yls-cmi")
    services.archive(objects=[term])
    assert [h for h in api(client, "YLS/CMI") if h["type"] == "Begreb"] == []


def test_katalog_json_lists_every_published_term_with_dated_definitions(client, loaded):
    data = katalog(client)
    terms = fixture("glossary")["term"]
    assert [t["slug"] for t in data["glossary"]] == [
        t["slug"] for t in sorted(terms, key=lambda t: t["order"])
    ]
    kredsraad = next(t for t in data["glossary"] if t["slug"] == "kredsraad")
    assert [d["year"] for d in kredsraad["definitions"]] == [2023, 2023, 2023, 2017]
    assert kredsraad["definitions"][3]["document"] == "albertslund-2017"
    ssp = next(t for t in data["glossary"] if t["slug"] == "ssp")
    assert ssp["expansion"] == "Skole, Social og Politi"


def test_katalog_json_leaves_out_a_draft_term(client, loaded):
    Term.objects.filter(slug="ssp").update(status=Status.DRAFT)
    data = katalog(client)
    assert "ssp" not in {t["slug"] for t in data["glossary"]}

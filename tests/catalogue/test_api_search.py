"""GET /api/soeg: search as JSON, ranked like the search page, robust to bad input."""

import re
from html import unescape

import pytest

from catalogue.models import Status
from catalogue.search import rebuild_index, reindex, search
from tests.factories import make_contact, make_initiative, make_method, make_organisation

pytestmark = pytest.mark.django_db

URL = "/api/soeg"


@pytest.fixture
def entries():
    title_hit = make_initiative(
        title="Bekymringssamtaler i skolen", purpose="Samtaler med elever og forældre."
    )
    long_hit = make_initiative(
        title="Tryghed i boligområdet",
        description="Her holdes der også bekymringssamtaler med de unge.",
    )
    method = make_method(title="Aggression Replacement Training", aliases=["ART"])
    rebuild_index()
    return title_hit, long_hit, method


def test_it_returns_hits_best_first_with_type_title_url_and_snippet(client, entries):
    title_hit, long_hit, _ = entries
    response = client.get(URL, {"q": "bekymringssamtale"})
    assert response.status_code == 200
    data = response.json()
    assert data["query"] == "bekymringssamtale"
    assert [r["title"] for r in data["results"]] == [title_hit.title, long_hit.title]
    first = data["results"][0]
    assert set(first) == {"type", "title", "url", "snippet"}
    assert first["type"] == "Indsats"
    assert first["url"] == title_hit.get_absolute_url()


def search_page_hits(client, query: str) -> list[tuple[str, str]]:
    """(url, title) of each hit on the search page /soeg/, in the page's order."""
    html = client.get("/soeg/", {"q": query}).content.decode()
    found = re.findall(r'<h2 class="hit__title"><a href="([^"]*)">(.*?)</a>', html, re.S)
    return [(unescape(url), unescape(title)) for url, title in found]


@pytest.mark.parametrize("query", ["samtaler", "ART", "tryghed boligomrade", "forældre"])
def test_it_ranks_exactly_like_the_search_page(client, entries, query):
    results = client.get(URL, {"q": query}).json()["results"]

    page = search_page_hits(client, query)
    assert page, "the search page found nothing to compare with"
    assert [(r["url"], r["title"]) for r in results] == page


def test_snippets_mark_the_matched_words_and_escape_everything_else(client):
    make_initiative(title="Indsats", purpose='<script>alert("x")</script> samtaler med unge')
    rebuild_index()
    (result,) = client.get(URL, {"q": "samtale"}).json()["results"]
    assert "<script>" not in result["snippet"]
    assert "&lt;script&gt;" in result["snippet"]
    assert "<mark>samtaler</mark>" in result["snippet"]


@pytest.mark.parametrize("params", [{}, {"q": ""}, {"q": "   "}, {"q": "og i at"}])
def test_an_empty_query_gives_no_results(client, entries, params):
    response = client.get(URL, params)
    assert response.status_code == 200
    assert response.json()["results"] == []


def test_limit_caps_the_number_of_results(client, entries):
    results = client.get(URL, {"q": "bekymringssamtale", "limit": "1"}).json()["results"]
    assert len(results) == 1


@pytest.mark.parametrize("limit", ["abc", "-3", "0", "1.5", "٣", "1e3"])
def test_a_limit_that_is_not_a_positive_whole_number_is_refused_in_danish(client, limit):
    response = client.get(URL, {"q": "samtale", "limit": limit})
    assert response.status_code == 400
    assert "limit skal være et helt tal" in response.json()["error"]


@pytest.mark.parametrize("limit", ["1000", "101", "9" * 5000])
def test_a_huge_limit_is_clamped_to_100_results(client, limit):
    for n in range(105):
        make_initiative(slug=f"samtale-{n}", title=f"Bekymringssamtale nummer {n}")
    rebuild_index()

    response = client.get(URL, {"q": "bekymringssamtale", "limit": limit})

    assert response.status_code == 200
    assert len(response.json()["results"]) == 100


def test_the_default_is_20_results(client):
    for n in range(25):
        make_initiative(slug=f"samtale-{n}", title=f"Bekymringssamtale nummer {n}")
    rebuild_index()

    assert len(client.get(URL, {"q": "bekymringssamtale"}).json()["results"]) == 20


@pytest.mark.parametrize(
    "query", ["\x00samtale", "%_'\"\\", "samtale " * 2000, "🙂 ørken", "a" * 500, "ß ı İ"]
)
def test_garbage_queries_never_fail(client, entries, query):
    response = client.get(URL, {"q": query})
    assert response.status_code == 200
    assert isinstance(response.json()["results"], list)


def test_only_get_is_allowed(client):
    assert client.post(URL, {"q": "samtale"}).status_code == 405


def test_it_hides_drafts_and_reindex_follows_a_status_change(client):
    entry = make_initiative(title="Natteravne", status=Status.DRAFT)
    rebuild_index()
    assert client.get(URL, {"q": "natteravne"}).json()["results"] == []
    entry.status = Status.PUBLISHED
    entry.save()
    reindex(entry)
    assert [r["title"] for r in client.get(URL, {"q": "natteravne"}).json()["results"]] == [
        "Natteravne"
    ]
    entry.status = Status.ARCHIVED
    entry.save()
    reindex(entry)
    assert client.get(URL, {"q": "natteravne"}).json()["results"] == []


def test_reindex_picks_up_an_editors_change(client):
    entry = make_initiative(title="Fodboldklub", purpose="Samarbejde med skolerne.")
    rebuild_index()
    entry.purpose = "Samarbejde med natteravnene."
    entry.save()
    reindex(entry)
    assert client.get(URL, {"q": "natteravn"}).json()["results"][0]["title"] == "Fodboldklub"
    assert client.get(URL, {"q": "skolerne"}).json()["results"] == []


def test_contacts_and_organisations_are_found_too(client):
    org = make_organisation(short_name="Ishøj", name="Ishøj Kommune", slug="ishoej")
    make_contact(organisation=org, unit="Børn, Unge og Familie", experience_tags=["ART"])
    rebuild_index()
    results = client.get(URL, {"q": "ishoj"}).json()["results"]
    assert [(r["type"], r["title"]) for r in results] == [
        ("Organisation", "Ishøj Kommune"),
        ("Kontakt", "Ishøj: Børn, Unge og Familie"),
    ]


def test_query_count_does_not_grow_with_the_catalogue(django_assert_num_queries):
    def add_entries(n: int) -> None:
        for i in range(n):
            make_initiative(title=f"Indsats om samtaler {i}", purpose="Unge og samtaler.")
            make_method(title=f"Metode {i}", purpose="Samtaler med unge.")
            make_contact(experience_tags=["Motiverende samtaler"])
        rebuild_index()

    # thesaurus rules, vocabulary, the organisations a query may name, document frequencies,
    # document count, ranking in SQL, the candidates' postings, ranking keys, top rows, one per
    # kind of hit, the contacts' phone numbers (tel: links)
    add_entries(1)
    with django_assert_num_queries(13):
        hits = search("samtaler unge", limit=100)
    assert len(hits) == 3
    add_entries(30)
    with django_assert_num_queries(13):
        hits = search("samtaler unge", limit=100)
    assert len(hits) == 93


def test_renaming_an_organisation_refreshes_its_contacts(client):
    org = make_organisation(short_name="Vestby", name="Vestby Kommune")
    make_contact(organisation=org, unit="SSP-enheden")
    rebuild_index()
    org.short_name, org.name = "Østby", "Østby Kommune"
    org.save()
    reindex(org)
    titles = [r["title"] for r in client.get(URL, {"q": "østby"}).json()["results"]]
    assert titles == ["Østby Kommune", "Østby: SSP-enheden"]
    assert client.get(URL, {"q": "vestby"}).json()["results"] == []

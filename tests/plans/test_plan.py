"""/handleplan/: the plan page, its title, fields to fill in, contacts and download links."""

from urllib.parse import parse_qs, urlsplit

import pytest

from tests.catalogue.pagetext import links, text

pytestmark = pytest.mark.django_db

URL = "/handleplan/"
CHOSEN = {
    "valgt": ["indsats:foraeldrenetvaerk", "metode:mentorordninger"],
    "titel": "SSP-møde Ishøj",
}


def test_it_shows_the_title_and_each_entry_with_purpose_questions_and_organisations(
    client, catalogue
):
    response = client.get(URL, CHOSEN)

    assert response.status_code == 200
    page = text(response)
    assert "<h1>SSP-møde Ishøj</h1>" in response.content.decode()
    assert "1. Forældrenetværk (Indsats, Social)" in page
    assert "2. Mentorordninger (Metode)" in page
    assert "Forældre mødes og støtter hinanden." in page
    assert "Check-in · Fagprofessionel til borger" in page
    assert "Hvad aftaler vi til næste gang – før, under og efter?" in page
    assert "Ishøj Kommune : i boligområdet" in page
    assert "SSP Ishøj · tlf. 43 57 70 00 · ssp@ishoj.dk" in page


def test_every_entry_has_the_three_fields_to_fill_in(client, catalogue):
    html = client.get(URL, CHOSEN).content.decode()

    for field in ("Ansvarlig", "Næste skridt", "Frist"):
        assert html.count(f"<dt>{field}</dt>") == 2
    assert html.count('class="blank-line"') == 6


def test_the_downloads_and_links_carry_the_whole_plan(client, catalogue):
    page_links = links(client.get(URL, CHOSEN))

    for name, path in (
        ("Hent som Word (.docx)", "/handleplan/handleplan.docx"),
        ("Hent som Excel (.xlsx)", "/handleplan/handleplan.xlsx"),
    ):
        url = urlsplit(page_links[name])
        assert url.path == path
        assert parse_qs(url.query) == CHOSEN | {"titel": [CHOSEN["titel"]]}
    assert page_links["Kontakter til alle 3 kommuner og politi i planen"] == (
        "/kontakter/?organisation=ishoej&organisation=herlev&organisation=aarhus"
    )
    assert page_links["Sammenlign dem"] == (
        "/sammenlign/?valgt=indsats%3Aforaeldrenetvaerk&valgt=metode%3Amentorordninger"
    )


def test_removing_an_entry_keeps_the_rest_and_the_title(client, catalogue):
    remove = links(client.get(URL, CHOSEN))["Fjern Forældrenetværk fra planen"]

    assert parse_qs(urlsplit(remove).query) == {
        "valgt": ["metode:mentorordninger"],
        "titel": ["SSP-møde Ishøj"],
    }


def test_the_title_form_keeps_the_chosen_entries(client, catalogue):
    html = client.get(URL, CHOSEN).content.decode()
    form = html.split('class="plan-title no-print"', 1)[1].split("</form>", 1)[0]

    assert '<input type="hidden" name="valgt" value="indsats:foraeldrenetvaerk">' in form
    assert 'name="titel" value="SSP-møde Ishøj" maxlength="120"' in form


def test_an_empty_plan_explains_how_to_fill_it(client, catalogue):
    response = client.get(URL)

    assert response.status_code == 200
    assert "Handleplanen er tom" in text(response)
    assert "Hent som Word" not in text(response)


def test_a_hostile_title_is_escaped_and_unknown_entries_named(client, catalogue):
    response = client.get(
        URL,
        {"valgt": ["metode:mentorordninger", "metode:nix"], "titel": "<script>alert(1)</script>"},
    )

    assert response.status_code == 400
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "Kataloget har ingen metode med navnet “nix”" in text(response)


def test_more_than_twelve_entries_is_refused_with_a_message(client, catalogue):
    values = [f"indsats:i{n}" for n in range(13)]

    response = client.get(URL, {"valgt": values})

    assert response.status_code == 400
    assert "højst have 12 indsatser og metoder i en handleplan" in text(response)


@pytest.mark.parametrize("entries", [2, 4])
def test_the_page_needs_the_same_queries_however_many_entries(
    client, catalogue, django_assert_num_queries, entries
):
    values = CHOSEN["valgt"] + ["indsats:gadeplansarbejde", "metode:motiverende-samtaler"]
    with django_assert_num_queries(12):  # +1: the catalogue revision (page cache)
        response = client.get(URL, {"valgt": values[:entries]})
    assert response.status_code == 200
    assert response.cookies == {}

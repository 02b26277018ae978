"""What the plans app adds to the catalogue's pages through its slots: choose, compare, plan."""

import pytest

from catalogue.search import rebuild_index
from tests.catalogue.pagetext import links, text

pytestmark = pytest.mark.django_db


def test_each_list_entry_gets_a_checkbox_for_the_choice_form(client, catalogue):
    html = client.get("/indsatser/").content.decode()

    assert html.count('form="entry-choice" name="valgt"') == 3
    assert 'value="indsats:foraeldrenetvaerk"' in html
    assert '<form id="entry-choice"' in html
    assert 'formaction="/handleplan/"' in html
    assert "Sammenlign valgte" in text(client.get("/indsatser/"))


def test_choices_in_the_url_are_ticked_or_carried_along(client, catalogue):
    response = client.get(
        "/metoder/", {"valgt": ["metode:mentorordninger", "indsats:klubtilbud"], "titel": "Plan"}
    )
    html = response.content.decode()

    assert 'value="metode:mentorordninger" id="valg-metodementorordninger" checked' in html
    form = html.split('<form id="entry-choice"', 1)[1].split("</form>", 1)[0]
    assert '<input type="hidden" name="valgt" value="indsats:klubtilbud">' in form
    assert 'value="metode:mentorordninger"' not in form  # the ticked box carries it
    assert '<input type="hidden" name="titel" value="Plan">' in form
    filters = html.split('class="filters"', 1)[1].split("</form>", 1)[0]
    assert '<input type="hidden" name="valgt" value="indsats:klubtilbud">' in filters


def test_search_results_for_entries_can_be_chosen(client, catalogue):
    rebuild_index()
    html = client.get("/soeg/", {"q": "mentorordninger"}).content.decode()

    assert 'value="metode:mentorordninger"' in html
    assert '<form id="entry-choice"' in html


def test_detail_pages_link_to_compare_plan_and_cards(client, catalogue):
    method_links = links(client.get("/metoder/mentorordninger/", {"valgt": "indsats:klubtilbud"}))
    initiative = text(client.get("/indsatser/klubtilbud/"))

    assert method_links["Sammenlign med andre"] == (
        "/sammenlign/?valgt=indsats%3Aklubtilbud&valgt=metode%3Amentorordninger"
    )
    assert method_links["Læg i handleplan"].startswith("/handleplan/?valgt=indsats%3Aklubtilbud&")
    assert method_links["Spørgekort til samtalen"] == "/metoder/mentorordninger/spoergekort/"
    assert method_links["Udskriv kun spørgsmålene"] == (
        "/metoder/mentorordninger/spoergekort/?visning=liste"
    )
    assert "Læg i handleplan" in initiative
    assert "Spørgekort" not in initiative

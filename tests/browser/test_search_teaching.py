"""Search that editors teach, in a real browser: a reader's search finds nothing, the editor sees
it in the admin's list of searches without results, adds a synonym from there, and the reader's
search then finds the entry and says which word it also searched for; a misspelt search offers
"Mente du …?"."""

import pytest
from playwright.sync_api import expect

from catalogue.search import rebuild_index
from tests.factories import (
    make_contact,
    make_initiative,
    make_method,
    make_organisation,
    make_theme,
)

from .axe import format_violations
from .test_admin import log_in


@pytest.fixture
def catalogue(transactional_db):
    make_initiative(
        slug="gadeplansarbejde", title="Gadeplansarbejde",
        purpose="Gadeplansmedarbejdere er ressourcepersoner for udsatte unge.",
        themes=[make_theme()],
    )  # fmt: skip
    make_method(
        slug="motiverende-samtaler", title="Motiverende samtaler", purpose="Åbne spørgsmål."
    )
    ishoej = make_organisation(slug="ishoej", short_name="Ishøj", name="Ishøj Kommune")
    make_contact(organisation=ishoej, unit="Børn, unge og familie", phones=["43577580"])
    rebuild_index()


def test_an_editor_teaches_search_a_word_from_the_list_of_searches_without_results(
    page, catalogue, axe
):
    page.goto("/soeg/?q=streetworker")
    expect(page.get_by_role("status")).to_contain_text("Ingen resultater")

    log_in(page, "sara")
    page.goto("/admin/thesaurus/searchmiss/")
    expect(page.locator("#result_list")).to_contain_text("streetworker")
    page.get_by_role("link", name="Tilføj synonym for »streetworker«").click()
    expect(page.get_by_label("Ord og udtryk")).to_have_value("streetworker")
    page.get_by_label("Søg også efter").fill("gadeplansmedarbejder")
    page.locator("input[name=_save]").first.click()
    expect(page.locator(".messagelist")).to_be_visible()

    page.context.clear_cookies()
    page.goto("/soeg/?q=streetworker")
    expect(page.get_by_role("heading", name="Gadeplansarbejde")).to_be_visible()
    also = page.locator(".search-also")
    expect(also).to_contain_text("Viser også resultater for gadeplansmedarbejder")
    violations = axe(page)
    assert violations == [], format_violations(violations)


def test_a_misspelt_search_offers_the_catalogues_spelling(phone_page, catalogue, axe):
    phone_page.goto("/soeg/?q=motivernde+samtaler")
    suggestion = phone_page.locator(".search-suggestion")
    expect(suggestion).to_contain_text("Mente du motiverende samtaler?")
    suggestion.get_by_role("link", name="motiverende samtaler").click()
    expect(phone_page).to_have_url("/soeg/?q=motiverende+samtaler", ignore_case=True)
    expect(phone_page.locator(".search-suggestion")).to_have_count(0)
    violations = axe(phone_page)
    assert violations == [], format_violations(violations)


def test_a_contact_hit_can_be_called_from_the_results(phone_page, catalogue):
    phone_page.goto("/soeg/?q=Ishøj+SSP")
    hits = phone_page.locator(".hit")
    expect(hits.first).to_contain_text("Ishøj Kommune")
    call = phone_page.get_by_role("link", name="Ring 43 57 75 80 til Ishøj, Børn, unge og familie")
    expect(call).to_have_attribute("href", "tel:+4543577580")

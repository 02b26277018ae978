"""The Ordliste, the help page and a municipality profile in Chromium: reachable from the front
page within two clicks, readable at 360 and 1280 px, axe-clean (WCAG 2.1 A/AA), keyboard-usable."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from .axe import format_violations

PAGES = ["/ordliste/", "/raadgivning/", "/organisationer/albertslund/", "/organisationer/viborg/"]


@pytest.fixture
def loaded_catalogue(transactional_db):
    call_command("load_catalogue", stdout=StringIO())


def test_the_new_pages_are_axe_clean_and_fit_a_phone(page, phone_page, axe, loaded_catalogue):
    problems = []
    for browser_page in (page, phone_page):
        width = browser_page.viewport_size["width"]
        for url in PAGES:
            response = browser_page.goto(url)
            assert response.status == 200, url
            violations = axe(browser_page)
            if violations:
                problems.append(f"{url} at {width}px: {format_violations(violations)}")
            if browser_page.evaluate("document.documentElement.scrollWidth") > width:
                problems.append(f"{url} scrolls sideways at {width}px")
    assert not problems, "\n".join(problems)


def reach_glossary_and_help(browser_page):
    browser_page.goto("/")
    glossary = "Ordliste: SSP, Kredsråd, Infohus og andre begreber"
    browser_page.get_by_role("link", name=glossary).click()
    browser_page.wait_for_url("**/ordliste/")
    expect(browser_page.get_by_role("heading", level=1)).to_have_text("Ordliste")
    browser_page.get_by_role("link", name="K", exact=True).click()
    expect(browser_page.get_by_role("heading", name="Kredsråd", exact=True)).to_be_in_viewport()

    browser_page.goto("/")
    help_link = "Gratis rådgivning til kommuner (beskrevet i 2021)"
    browser_page.get_by_role("link", name=help_link).click()
    browser_page.wait_for_url("**/raadgivning/")
    expect(browser_page.get_by_text("Beskrevet i 2021")).to_be_visible()


def test_the_glossary_and_the_help_page_are_one_click_from_the_front_page(page, loaded_catalogue):
    reach_glossary_and_help(page)


def test_the_same_on_a_phone(phone_page, loaded_catalogue):
    reach_glossary_and_help(phone_page)


def test_a_term_link_in_an_entry_opens_the_term_in_the_ordliste(page, loaded_catalogue):
    page.goto("/indsatser/al-capone-metoden/")
    page.get_by_role("link", name="Bandepakke 4").first.click()
    page.wait_for_url(re.compile(r"/ordliste/#bandepakke-4$"))
    expect(page.get_by_role("heading", name="Bandepakke 4", exact=True)).to_be_in_viewport()


def test_a_profile_is_two_clicks_from_the_front_page_by_keyboard(page, loaded_catalogue):
    page.goto("/")
    page.get_by_role("link", name="kommunernes sider").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/organisationer/")
    page.get_by_role("link", name="Albertslund Kommune").first.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/organisationer/albertslund/")
    heading = "Sådan er det kriminalitetsforebyggende arbejde organiseret"
    expect(page.get_by_role("heading", name=heading)).to_be_visible()

"""Browsing the catalogue in Chromium: search, filter, open an entry, reach a contact.

Desktop (1280) and phone (360) widths, keyboard only, and axe-core (WCAG 2.1 A/AA) over the main
pages with the real catalogue loaded.
"""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from catalogue.search import rebuild_index
from tests.factories import (
    make_contact,
    make_experience,
    make_initiative,
    make_level,
    make_method,
    make_organisation,
    make_question,
    make_theme,
)

from .axe import format_violations


@pytest.fixture
def catalogue(transactional_db):
    social = make_level(slug="social", name="Social", order=3)
    make_level(slug="situationel", name="Situationel", order=2)
    family = make_theme(slug="familie", name="Familie")
    ishoej = make_organisation(slug="ishoej", short_name="Ishøj", name="Ishøj Kommune", order=1)
    herlev = make_organisation(slug="herlev", short_name="Herlev", name="Herlev Kommune", order=2)
    parents = make_initiative(
        slug="foraeldrenetvaerk", title="Forældrenetværk og styrket forældreevne",
        level=social, themes=[family], purpose="Forældre mødes og støtter hinanden.",
    )  # fmt: skip
    street = make_initiative(slug="gadeplansarbejde", title="Gadeplansarbejde", level=social)
    worry = make_method(
        slug="bekymringssamtaler", title="Bekymringssamtaler",
        purpose="En samtale med den unge og forældrene om en bekymring.",
    )  # fmt: skip
    make_question(worry, technique="Indledning", audience="Fagprofessionel til forældre",
                  text="Hvordan har jeres barn det derhjemme?")  # fmt: skip
    make_experience(ishoej, parents)
    make_experience(herlev, street)
    make_experience(ishoej, worry)
    make_contact(organisation=ishoej, slug="ishoej-ssp", unit="SSP Ishøj", phones=["43576000"],
                 emails=["ssp@ishoej.dk"])  # fmt: skip
    make_contact(organisation=herlev, slug="herlev-ssp", unit="SSP Herlev", phones=["44526000"])
    rebuild_index()


def search_and_reach_a_contact(page):
    page.goto("/")
    page.get_by_role("searchbox", name="Søg i kataloget").fill("bekymringssamtale")
    page.get_by_role("searchbox", name="Søg i kataloget").press("Enter")
    page.wait_for_url("**/soeg/?q=bekymringssamtale")
    page.get_by_role("link", name="Bekymringssamtaler").first.click()
    page.wait_for_url("**/metoder/bekymringssamtaler/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Bekymringssamtaler")
    expect(page.get_by_text("Hvordan har jeres barn det derhjemme?")).to_be_visible()
    page.get_by_role("link", name="Kontakt kommuner med erfaring").click()
    page.wait_for_url("**/kontakter/?metode=bekymringssamtaler")
    expect(page.get_by_text("SSP Ishøj", exact=True)).to_be_visible()
    expect(page.get_by_text("43 57 60 00").or_(page.get_by_text("43576000"))).to_be_visible()
    expect(page.get_by_text("SSP Herlev", exact=True)).to_have_count(0)


def test_staff_search_open_a_method_and_reach_a_municipality_that_tried_it(page, catalogue):
    search_and_reach_a_contact(page)


def test_the_same_works_on_a_phone(phone_page, catalogue):
    search_and_reach_a_contact(phone_page)


def test_filtering_initiatives_by_level_and_municipality_and_removing_a_filter(page, catalogue):
    page.goto("/indsatser/")
    page.get_by_label("Social").check()
    page.locator("summary", has_text="Organisation med erfaring").click()
    page.get_by_label("Ishøj").check()
    page.get_by_role("button", name="Vis indsatser").click()

    page.wait_for_url(re.compile(r"niveau=social.*organisation=ishoej"))
    expect(page.get_by_role("status")).to_have_text("1 indsats passer til filtrene")
    expect(page.get_by_role("link", name="Forældrenetværk og styrket forældreevne")).to_be_visible()

    page.get_by_role("link", name="Fjern filter Organisation med erfaring: Ishøj").click()
    expect(page.get_by_role("status")).to_have_text("2 indsatser passer til filtrene")
    assert "organisation" not in page.url and "niveau=social" in page.url


def test_on_a_phone_the_filters_start_folded_and_still_work(phone_page, catalogue):
    phone_page.goto("/indsatser/")
    expect(phone_page.get_by_label("Social")).to_be_hidden()  # folded: results come first

    phone_page.get_by_text("Filtrér", exact=True).click()
    phone_page.get_by_label("Familie").check()
    phone_page.get_by_role("button", name="Vis indsatser").click()

    phone_page.wait_for_url("**/indsatser/?*tema=familie*")
    expect(phone_page.get_by_role("status")).to_have_text("1 indsats passer til filtrene")
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 360


def focus_next(page, name: str, *, limit: int = 60) -> None:
    """Press Tab until the focused element's accessible text is ``name``."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        label = page.evaluate(
            "() => { const e = document.activeElement;"
            " return (e.labels && e.labels[0] ? e.labels[0].innerText : e.innerText || '').trim() }"
        )
        if label == name:
            return
    raise AssertionError(f"Tab never reached {name!r}")


def test_a_keyboard_user_can_skip_to_content_filter_and_open_an_entry(page, catalogue):
    page.goto("/")
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Gå til sidens indhold")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#main-content$"))  # the jump may land a frame later

    page.goto("/")
    focus_next(page, "Indsatser")
    page.keyboard.press("Enter")
    page.wait_for_url("**/indsatser/")
    focus_next(page, "Familie (1)")
    page.keyboard.press("Space")
    focus_next(page, "Vis indsatser")
    page.keyboard.press("Enter")
    page.wait_for_url("**/indsatser/?*tema=familie*")
    focus_next(page, "Forældrenetværk og styrket forældreevne")
    page.keyboard.press("Enter")
    page.wait_for_url("**/indsatser/foraeldrenetvaerk/")
    focus_next(page, "Kontakt kommuner med erfaring")
    page.keyboard.press("Enter")
    page.wait_for_url("**/kontakter/?indsats=foraeldrenetvaerk")


def test_a_detail_page_prints_without_navigation_or_filters(page, catalogue):
    page.goto("/indsatser/foraeldrenetvaerk/")
    page.emulate_media(media="print")

    expect(page.get_by_role("navigation", name="Hovedmenu")).to_be_hidden()
    expect(page.get_by_role("link", name="Kontakt kommuner med erfaring")).to_be_hidden()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.get_by_text("Udskrevet fra http")).to_be_visible()


MAIN_PAGES = [
    "/",
    "/indsatser/",
    "/indsatser/?niveau=social&organisation=ishoej",
    "/indsatser/?q=findesikkeoverhovedet",
    "/indsatser/nedsaette-et-banderaad/",
    "/metoder/",
    "/metoder/motiverende-samtaler/",
    "/metoder/bekymringssamtaler/",
    "/organisationer/",
    "/organisationer/ishoej/",
    "/erfaringsoverblik/",
    "/om/",
    "/soeg/?q=bekymringssamtale",
]


@pytest.fixture
def loaded_catalogue(transactional_db):
    call_command("load_catalogue", stdout=StringIO())


def test_axe_finds_no_wcag_violations_on_the_main_pages(page, phone_page, axe, loaded_catalogue):
    problems = []
    for browser_page in (page, phone_page):
        for url in MAIN_PAGES:
            response = browser_page.goto(url)
            assert response.status == 200, url
            violations = axe(browser_page)
            if violations:
                width = browser_page.viewport_size["width"]
                problems.append(f"{url} at {width}px: {format_violations(violations)}")
    assert not problems, "\n".join(problems)


def test_no_main_page_scrolls_sideways_on_a_phone(phone_page, loaded_catalogue):
    wide = []
    for url in MAIN_PAGES:
        phone_page.goto(url)
        if phone_page.evaluate("document.documentElement.scrollWidth") > 360:
            wide.append(url)
    assert wide == []

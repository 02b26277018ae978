"""The directory's long choice lists in a real browser: find a method by typing part of its
name, tick it and show the contacts, by keyboard and on a phone; axe-clean at 360 and 1280 px.
Works without JavaScript: the search field is part of the ordinary GET form."""

import pytest
from playwright.sync_api import expect

from catalogue.models import Method
from contacts.choices import SHOWN_LIMIT
from tests.factories import make_contact, make_method, make_organisation

from .axe import format_violations


@pytest.fixture
def long_lists(transactional_db):
    mi = make_method(slug="motiverende-samtaler", title="Motiverende samtaler", order=1)
    Method.objects.bulk_create(
        Method(slug=f"syntetisk-metode-{i}", title=f"Syntetisk metode {i}", order=10 + i)
        for i in range(SHOWN_LIMIT + 5)
    )
    albertslund = make_organisation(slug="albertslund", short_name="Albertslund", order=1)
    roedovre = make_organisation(slug="roedovre", short_name="Rødovre", order=2)
    make_contact(
        organisation=albertslund, unit="Den Kriminalpræventive Enhed", methods=[mi], order=1
    )
    make_contact(organisation=roedovre, unit="Børne- og Kulturforvaltningen", order=2)


def open_filters(page):
    """On a phone the filter panel starts folded (JavaScript folds it): open it."""
    if not page.get_by_role("button", name="Vis kontakter").is_visible():
        page.locator(".filters__panel > summary").click()


def find_and_tick_a_method(page):
    page.goto("/kontakter/")
    open_filters(page)
    page.locator("summary", has_text="Erfaring med metode").click()
    expect(page.get_by_label("Syntetisk metode 1", exact=True)).to_have_count(0)
    page.get_by_label("Find metode").fill("samtal")
    page.get_by_label("Find metode").press("Enter")  # submits the filter form (GET)
    open_filters(page)
    expect(page.get_by_text("1 passer til “samtal”.")).to_be_visible()
    page.get_by_label("Motiverende samtaler").check()
    page.get_by_role("button", name="Vis kontakter").click()
    expect(page.get_by_role("status")).to_contain_text("1 kontakt passer til filtrene")
    expect(page.get_by_label("Motiverende samtaler")).to_be_checked()


def test_a_reader_finds_a_method_in_a_long_list_and_filters_by_it(page, long_lists, axe):
    find_and_tick_a_method(page)
    assert "metode=motiverende-samtaler" in page.url
    violations = axe(page)
    assert violations == [], format_violations(violations)


def test_the_long_list_search_works_and_fits_on_a_phone(phone_page, long_lists, axe):
    phone_page.goto("/kontakter/")
    violations = axe(phone_page)
    assert violations == [], format_violations(violations)
    find_and_tick_a_method(phone_page)
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 360
    violations = axe(phone_page)
    assert violations == [], format_violations(violations)


def test_without_javascript_the_search_is_an_ordinary_form(browser, live_server, long_lists):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    try:
        find_and_tick_a_method(page)
    finally:
        context.close()

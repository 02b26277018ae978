"""The pages a Danish public site must have, in Chromium: reachable from every page's footer by
keyboard and on a phone, axe-clean (WCAG 2.1 A/AA) at 1280 and 360 px."""

import datetime

import pytest
from playwright.sync_api import expect

from .axe import format_violations
from .test_browse import focus_next

SITE_PAGES = ["/tilgaengelighedserklaering/", "/privatlivspolitik/", "/aabne-data/"]


@pytest.fixture
def operator(settings, transactional_db):
    """Contact details set, so the pages show real mailto: and tel: links."""
    settings.SITE_OPERATOR_NAME = "Eksempel Kommune"
    settings.SITE_OPERATOR_EMAIL = "web@example.dk"
    settings.SITE_OPERATOR_PHONE = "12 34 56 78"
    settings.DATA_CONTROLLER_NAME = "Eksempel Kommune"
    settings.DATA_CONTROLLER_EMAIL = "data@example.dk"
    settings.ACCESSIBILITY_TEST_DATE = datetime.date(2026, 11, 24)


def test_axe_finds_no_wcag_violations_on_the_site_pages(page, phone_page, axe, operator):
    problems = []
    for browser_page in (page, phone_page):
        for url in SITE_PAGES:
            assert browser_page.goto(url).status == 200, url
            violations = axe(browser_page)
            if violations:
                width = browser_page.viewport_size["width"]
                problems.append(f"{url} at {width}px: {format_violations(violations)}")
    assert not problems, "\n".join(problems)


def test_a_keyboard_user_reaches_the_statement_and_the_policy_from_the_footer(page, operator):
    page.goto("/")
    focus_next(page, "Tilgængelighedserklæring", limit=80)
    page.keyboard.press("Enter")
    page.wait_for_url("**/tilgaengelighedserklaering/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Tilgængelighedserklæring")

    focus_next(page, "Privatlivspolitik", limit=80)
    page.keyboard.press("Enter")
    page.wait_for_url("**/privatlivspolitik/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Privatlivspolitik")


def test_on_a_phone_the_footer_links_are_easy_to_tap_and_nothing_scrolls_sideways(
    phone_page, operator
):
    phone_page.goto("/")
    footer = phone_page.get_by_role("contentinfo")
    for name in ("Åbne data", "Tilgængelighedserklæring", "Privatlivspolitik"):
        box = footer.get_by_role("link", name=name).bounding_box()
        assert box["height"] >= 24, name
    footer.get_by_role("link", name="Åbne data").tap()
    phone_page.wait_for_url("**/aabne-data/")
    wide = []
    for url in SITE_PAGES:
        phone_page.goto(url)
        if phone_page.evaluate("document.documentElement.scrollWidth") > 360:
            wide.append(url)
    assert wide == []

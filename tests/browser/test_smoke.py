"""The browser harness works: Chromium reaches the live server, shares its database, runs axe."""

from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from .axe import format_violations


def test_it_shows_the_admin_login_page_in_danish(page):
    response = page.goto("/admin/login/")

    assert response.status == 200
    assert page.locator("html").get_attribute("lang") == "da"
    assert page.get_by_label("Brugernavn").is_visible()
    assert page.get_by_label("Adgangskode").is_visible()


def test_it_logs_a_staff_user_in_with_the_keyboard(page):
    get_user_model().objects.create_user(
        "redaktoer", password="hemmelig-kode-123", is_staff=True, is_superuser=True
    )
    page.goto("/admin/login/")

    page.get_by_label("Brugernavn").fill("redaktoer")
    page.get_by_label("Adgangskode").fill("hemmelig-kode-123")
    page.get_by_label("Adgangskode").press("Enter")

    page.wait_for_url("**/admin/")
    expect(page.get_by_role("button", name="Log ud")).to_be_visible()


def test_axe_finds_no_wcag_violations_on_the_admin_login_page(page, axe):
    page.goto("/admin/login/")

    violations = axe(page)

    assert violations == [], format_violations(violations)


def test_axe_reports_an_image_without_alt_text(page, axe):
    page.goto("/admin/login/")
    page.evaluate(
        "document.querySelector('main, #content').insertAdjacentHTML("
        "'beforeend', '<img src=\"/static/missing.png\">')"
    )

    violations = axe(page)

    assert "image-alt" in {violation["id"] for violation in violations}


def test_the_admin_login_page_fits_a_phone_without_sideways_scrolling(phone_page):
    phone_page.goto("/admin/login/")

    width = phone_page.evaluate("document.documentElement.scrollWidth")

    assert width <= 360

"""A reader reports an experience, an editor accepts it in admin, and it appears on the public
page: in Chromium, keyboard-friendly, with axe checking the form page."""

import pytest
from playwright.sync_api import expect

from feedback.models import Submission
from tests.factories import make_initiative, make_organisation, make_theme, make_user

from .axe import format_violations

PASSWORD = "Vestegnen-redaktion-2024"


@pytest.fixture
def initiative(transactional_db, settings):
    settings.FEEDBACK_MIN_FILL_SECONDS = 1
    make_organisation(slug="testrup", short_name="Testrup", name="Testrup Kommune")
    return make_initiative(
        slug="nedsaette-et-banderaad", title="Nedsætte et banderåd", themes=[make_theme()]
    )


def test_report_moderation_public_page(page, initiative, axe):
    page.goto(initiative.get_absolute_url())
    expect(page.locator(".experience-list")).to_have_count(0)
    page.get_by_role("link", name="Vi har også erfaring med dette").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Fortæl om jeres erfaring")
    violations = axe(page)
    assert violations == [], format_violations(violations)
    page.get_by_label("Jeres organisation").select_option(label="Testrup Kommune")
    page.get_by_label("Hvad har I gjort?").fill("Vi har haft et banderåd siden 2022.")
    page.get_by_label("Din arbejdsmail (valgfri)").fill("ssp@testrup.dk")
    page.wait_for_timeout(1100)  # a person takes longer than the minimum fill time
    page.get_by_role("button", name="Send til redaktionen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tak for dit bidrag")
    assert page.context.cookies() == []

    page.goto(initiative.get_absolute_url())
    expect(page.locator("main")).not_to_contain_text("Testrup")  # waits for an editor

    make_user("Redaktør", username="anne", password=PASSWORD, first_name="Anne")
    page.goto("/admin/login/")
    page.get_by_label("Brugernavn").fill("anne")
    page.get_by_label("Adgangskode").fill(PASSWORD)
    page.get_by_label("Adgangskode").press("Enter")
    page.wait_for_url("**/admin/")
    page.get_by_role("link", name="Bidrag fra læsere").first.click()
    page.get_by_role("link", name="Erfaring: Nedsætte et banderåd").click()
    page.get_by_role("link", name="Godkend erfaring").click()
    expect(page.locator("#content-main")).to_contain_text("Vi har haft et banderåd siden 2022.")
    page.get_by_role("button", name="Godkend og tilføj erfaringen").click()
    expect(page.locator(".messagelist")).to_contain_text("Godkendt")

    page.goto(initiative.get_absolute_url())
    expect(page.locator(".experience-list")).to_contain_text("Testrup Kommune")
    assert Submission.objects.get().status == Submission.Status.ACCEPTED


@pytest.mark.parametrize("form", ["erfaring", "rettelse"])
def test_the_forms_are_axe_clean_and_fit_a_phone(phone_page, initiative, axe, form):
    phone_page.goto(f"/bidrag/indsatser/{initiative.slug}/{form}/")

    violations = axe(phone_page)
    assert violations == [], format_violations(violations)
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360

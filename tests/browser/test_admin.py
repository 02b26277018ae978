"""An editor in a real browser: edit an entry, see its history, restore it, and be stopped from
overwriting a colleague's change."""

import pytest
from playwright.sync_api import expect

from catalogue.models import Initiative
from tests.factories import make_initiative, make_theme, make_user

from .axe import format_violations

PASSWORD = "Vestegnen-redaktion-2024"


@pytest.fixture
def initiative(db):
    return make_initiative(
        slug="nedsaette-et-banderaad",
        title="Nedsætte et banderåd",
        purpose="Som i kataloget.",
        editor_note="Kilden nævner Ishøj to gange.",
        themes=[make_theme()],
    )


def log_in(page, username: str) -> None:
    make_user("Redaktør", username=username, password=PASSWORD, first_name=username.title())
    page.goto("/admin/login/")
    page.get_by_label("Brugernavn").fill(username)
    page.get_by_label("Adgangskode").fill(PASSWORD)
    page.get_by_label("Adgangskode").press("Enter")
    page.wait_for_url("**/admin/")


def open_entry(page, initiative) -> None:
    page.goto(f"/admin/catalogue/initiative/{initiative.pk}/change/")


def save(page) -> None:
    page.locator("input[name=_save]").first.click()


def test_an_editor_edits_sees_the_history_and_restores_the_first_version(page, initiative):
    log_in(page, "anne")
    open_entry(page, initiative)
    expect(page.get_by_role("note")).to_contain_text("Kilden nævner Ishøj to gange.")

    page.get_by_label("Indhold og formål").fill("Rettet i browseren.")
    save(page)
    expect(page.locator(".messagelist")).to_contain_text("blev ændret")

    open_entry(page, initiative)
    page.get_by_role("link", name="Historik").first.click()
    history = page.locator("#change-history")
    expect(history).to_contain_text("Rettet i browseren.")
    expect(history).to_contain_text("Anne")
    history.get_by_role("link").last.click()  # the oldest version: the loaded text
    page.get_by_role("button", name="Gendan denne version").first.click()

    expect(page.locator(".messagelist")).to_be_visible()
    assert Initiative.objects.get(pk=initiative.pk).purpose == "Som i kataloget."
    assert initiative.history.count() == 3


def test_a_second_editor_cannot_overwrite_a_change_unknowingly(browser, live_server, initiative):
    pages = []
    for name in ("anne", "bo"):
        context = browser.new_context(base_url=live_server.url, locale="da-DK")
        pages.append(context.new_page())
        log_in(pages[-1], name)
        open_entry(pages[-1], initiative)
    anne, bo = pages

    anne.get_by_label("Indhold og formål").fill("Annes tekst.")
    save(anne)
    bo.get_by_label("Indhold og formål").fill("Bos tekst.")
    save(bo)

    expect(bo.locator(".errornote, .errorlist").first).to_be_visible()
    expect(bo.locator("body")).to_contain_text("er blevet ændret af Anne")
    expect(bo.get_by_label("Indhold og formål")).to_have_value("Bos tekst.")
    assert Initiative.objects.get(pk=initiative.pk).purpose == "Annes tekst."
    for p in pages:
        p.context.close()


def test_the_change_history_restore_and_deleted_pages_meet_wcag_aa(page, initiative, axe):
    log_in(page, "anne")
    open_entry(page, initiative)
    note = axe(page)
    page.goto(f"/admin/catalogue/initiative/{initiative.pk}/history/")
    history = axe(page)
    first = initiative.history.earliest("history_id").history_id
    page.goto(f"/admin/catalogue/initiative/{initiative.pk}/history/{first}/")
    restore = axe(page)
    page.goto("/admin/catalogue/experience/slettede/")
    deleted = axe(page)

    for violations in (note, history, restore, deleted):
        assert violations == [], format_violations(violations)

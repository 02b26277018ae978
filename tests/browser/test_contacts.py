"""Kontakter in a real browser: filter, export, open the downloaded file; keyboard, phone, axe."""

import csv
import io

import pytest
import vobject
from openpyxl import load_workbook
from playwright.sync_api import expect

from catalogue.models import Organisation
from tests.factories import make_contact, make_method, make_organisation, make_theme

from .axe import format_violations


@pytest.fixture
def contacts(transactional_db):
    family = make_theme(slug="familie", name="Familie")
    mi = make_method(slug="motiverende-samtaler", title="Motiverende samtaler")
    albertslund = make_organisation(slug="albertslund", short_name="Albertslund", order=1)
    roedovre = make_organisation(slug="roedovre", short_name="Rødovre", order=2)
    odense = make_organisation(
        slug="odense", short_name="Odense", region=Organisation.Region.OEVRIGE, order=3
    )
    make_contact(
        slug="albertslund-den-kriminalpraeventive-enhed",
        organisation=albertslund,
        unit="Den Kriminalpræventive Enhed",
        phones=["43686959"],
        emails=["kriminalpraeventive.enhed@albertslund.dk"],
        experience_tags=["Familie", "Motiverende samtaler"],
        themes=[family],
        methods=[mi],
        order=1,
    )
    make_contact(
        slug="roedovre-boerne-og-kulturforvaltningen",
        organisation=roedovre,
        unit="Børne- og Kulturforvaltningen",
        phones=["36377000"],
        secure_mail=True,
        order=2,
    )
    make_contact(
        slug="odense-ssp-odense",
        organisation=odense,
        unit="SSP Odense",
        phones=["65515099"],
        emails=["sspodense@odense.dk"],
        order=3,
    )


def filter_to_two_organisations(page):
    page.goto("/kontakter/")
    page.locator("summary", has_text="Organisation").click()  # opens the <details>
    page.get_by_label("Albertslund Kommune").check()
    page.get_by_label("Rødovre Kommune").check()
    page.get_by_role("button", name="Vis kontakter").click()
    expect(page.get_by_role("status")).to_contain_text("2 kontakter passer til filtrene")


def download(page, link_name: str):
    with page.expect_download() as info:
        page.get_by_role("link", name=link_name).click()
    download = info.value
    return download.suggested_filename, open(download.path(), "rb").read()


def test_a_coordinator_filters_and_gets_the_list_into_excel_as_csv(page, contacts):
    filter_to_two_organisations(page)
    name, data = download(page, "CSV til Excel (.csv)")
    assert name.startswith("kontakter-albertslund-roedovre-") and name.endswith(".csv")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert [row[1] for row in rows[1:]] == [
        "Den Kriminalpræventive Enhed",
        "Børne- og Kulturforvaltningen",
    ]


def test_the_xlsx_download_describes_the_filter(page, contacts):
    filter_to_two_organisations(page)
    name, data = download(page, "Excel (.xlsx)")
    assert name.endswith(".xlsx")
    sheet = load_workbook(io.BytesIO(data)).active
    assert "Albertslund Kommune, Rødovre Kommune" in sheet["A2"].value
    assert [sheet["B4"].value, sheet["B5"].value, sheet["B6"].value] == [
        "Den Kriminalpræventive Enhed",
        "Børne- og Kulturforvaltningen",
        None,
    ]


def test_the_vcard_download_opens_as_two_cards(page, contacts):
    filter_to_two_organisations(page)
    name, data = download(page, "Adressebog: Outlook, iPhone, Android (.vcf)")
    assert name.endswith(".vcf")
    cards = list(vobject.readComponents(data.decode()))
    assert [card.org.value[0] for card in cards] == ["Albertslund Kommune", "Rødovre Kommune"]


def test_free_text_with_the_keyboard_and_removing_a_chip(page, contacts):
    page.goto("/kontakter/")
    page.get_by_label("Fritekst").fill("ssp")
    page.get_by_label("Fritekst").press("Enter")
    expect(page.get_by_role("status")).to_contain_text("1 kontakt passer til filtrene")
    page.get_by_role("link", name="Fjern filter Fritekst: ssp").click()
    expect(page.get_by_role("status")).to_contain_text("3 kontakter")


def test_the_page_passes_axe_and_fits_a_phone(phone_page, contacts, axe):
    phone_page.goto("/kontakter/?tema=familie")
    expect(phone_page.get_by_role("link", name="43 68 69 59")).to_have_attribute(
        "href", "tel:+4543686959"
    )
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360
    phone_page.goto("/kontakter/")
    violations = axe(phone_page)
    assert violations == [], format_violations(violations)

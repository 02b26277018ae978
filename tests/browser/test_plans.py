"""Compare → plan → downloads, and question cards, in Chromium: desktop and phone, keyboard, axe."""

import io
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from docx import Document
from openpyxl import load_workbook
from playwright.sync_api import expect

from tests.plans.conftest import build_catalogue

from .axe import format_violations

COMPARE = "/sammenlign/?valgt=indsats%3Aforaeldrenetvaerk&valgt=metode%3Amentorordninger"
PLAN = "/handleplan/?valgt=indsats%3Aforaeldrenetvaerk&valgt=metode%3Amentorordninger&titel=SSP"
CARDS = "/metoder/mentorordninger/spoergekort/"


@pytest.fixture
def catalogue(transactional_db):
    return build_catalogue()


def download(page, link_name: str) -> tuple[str, bytes]:
    with page.expect_download() as info:
        page.get_by_role("link", name=link_name).click()
    return info.value.suggested_filename, open(info.value.path(), "rb").read()


def test_choose_three_compare_them_and_make_a_plan_of_two_with_downloads(page, catalogue):
    page.goto("/indsatser/")
    for title in ("Forældrenetværk", "Gadeplansarbejde", "Klubtilbud"):
        page.get_by_label(f"Vælg {title}").check()
    page.get_by_role("button", name="Sammenlign valgte").click()

    expect(page.get_by_role("heading", name="Sammenlign indsatser og metoder")).to_be_visible()
    expect(page.locator("caption")).to_have_text("Sammenligning af 3 indsatser og metoder")
    compare_url = page.url
    assert parse_qs(urlsplit(compare_url).query)["valgt"] == [
        "indsats:foraeldrenetvaerk",
        "indsats:gadeplansarbejde",
        "indsats:klubtilbud",
    ]
    page.get_by_label("Klubtilbud", exact=True).uncheck()
    page.get_by_role("button", name="Lav handleplan med de valgte").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Handleplan")
    page.get_by_label("Titel på handleplanen").fill("SSP-møde i Ishøj")
    page.get_by_role("button", name="Brug titlen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("SSP-møde i Ishøj")
    expect(page.locator(".plan-entry h2")).to_have_text(
        [
            "1. Forældrenetværk (Indsats, Social)",
            "2. Gadeplansarbejde (Indsats, Social)",
            "Kontakter",
        ]
    )

    name, data = download(page, "Hent som Word (.docx)")
    assert name.startswith("ssp-moede-i-ishoej-") and name.endswith(".docx")
    document = Document(io.BytesIO(data))
    assert document.paragraphs[0].text == "SSP-møde i Ishøj"
    assert "1. Forældrenetværk (Indsats)" in [p.text for p in document.paragraphs]

    name, data = download(page, "Hent som Excel (.xlsx)")
    assert name.endswith(".xlsx")
    sheet = load_workbook(io.BytesIO(data))["Handleplan"]
    assert [sheet.cell(row, 3).value for row in (4, 5)] == ["Forældrenetværk", "Gadeplansarbejde"]

    # The URLs round-trip: opened again they show the same thing.
    plan_url = page.url
    page.goto(compare_url)
    expect(page.locator("caption")).to_have_text("Sammenligning af 3 indsatser og metoder")
    page.goto(plan_url)
    expect(page.get_by_role("heading", level=1)).to_have_text("SSP-møde i Ishøj")


def test_a_method_page_leads_to_cards_that_print_several_to_a_sheet(page, catalogue):
    page.goto("/metoder/mentorordninger/")
    page.get_by_role("link", name="Spørgekort til samtalen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mentorordninger")
    expect(page.locator(".qcard")).to_have_count(3)

    page.emulate_media(media="print")
    first, second = page.locator(".qcard").nth(0), page.locator(".qcard").nth(1)
    expect(page.locator(".site-nav")).to_be_hidden()
    expect(page.locator(".link-pills")).to_be_hidden()
    a, b = first.bounding_box(), second.bounding_box()
    assert a["y"] == b["y"] and b["x"] > a["x"]  # two cards side by side on the sheet
    style = first.evaluate(
        "el => [getComputedStyle(el).borderTopStyle, "
        "getComputedStyle(el.querySelector('.qcard__text')).fontSize]"
    )
    assert style[0] == "dashed"  # the cut line
    assert float(style[1].removesuffix("px")) >= 24  # 20pt: large type

    pdf = page.pdf(format="A4", prefer_css_page_size=True)
    assert pdf.startswith(b"%PDF")


def test_the_matrix_keeps_the_header_in_view_and_prints_landscape(page, catalogue):
    page.goto("/erfaringsoverblik/")
    region = page.get_by_role("region", name="Erfaring")
    region.scroll_into_view_if_needed()
    assert region.bounding_box()["height"] <= 800  # its horizontal scroll bar fits on screen
    position = (
        page.locator(".matrix thead th").nth(1).evaluate("el => getComputedStyle(el).position")
    )
    assert position == "sticky"
    page.get_by_label("Øvrige landet").check()
    page.get_by_role("button", name="Vis overblik").click()
    assert "region=oevrige" in page.url
    expect(page.locator(".matrix__org")).to_have_text(["Aarhus"])

    page.emulate_media(media="print")
    pdf = page.pdf(prefer_css_page_size=True)
    width, height = map(float, re.search(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf).groups())
    assert (round(width), round(height)) == (842, 595)  # A4 landscape, in points


def test_the_matrix_is_a_list_per_entry_on_a_phone(phone_page, catalogue):
    phone_page.goto("/erfaringsoverblik/")

    expect(phone_page.locator(".matrix-scroll")).to_be_hidden()
    expect(phone_page.locator(".matrix-list__entries > li").first).to_contain_text(
        "Forældrenetværk"
    )
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360


@pytest.mark.parametrize(
    "url", [COMPARE, PLAN, CARDS, CARDS + "?visning=liste", "/erfaringsoverblik/", "/indsatser/"]
)
def test_new_pages_are_axe_clean_on_desktop_and_phone(page, phone_page, axe, catalogue, url):
    for each in (page, phone_page):
        each.goto(url)
        violations = axe(each)
        assert violations == [], format_violations(violations)
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 360


def test_compare_and_plan_work_by_keyboard(page, catalogue):
    page.goto("/metoder/")
    page.get_by_label("Vælg Mentorordninger").focus()
    page.keyboard.press("Space")
    page.get_by_label("Vælg Motiverende samtaler").focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Læg valgte i handleplan").focus()
    page.keyboard.press("Enter")

    expect(page.locator(".plan-entry h2").first).to_have_text("1. Mentorordninger (Metode)")
    page.get_by_role("link", name="Sammenlign dem").focus()
    page.keyboard.press("Enter")
    expect(page.locator("caption")).to_have_text("Sammenligning af 2 indsatser og metoder")
    focused = page.evaluate("document.activeElement.tagName")
    assert focused == "BODY"  # a fresh page: nothing trapped focus

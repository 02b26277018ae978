"""/kontakter/eksport.xlsx: a workbook with the filter described, a header row and text phones."""

import io

from django.utils import timezone
from openpyxl import load_workbook

from contacts.exports import COLUMNS, write_xlsx
from contacts.models import ContactPoint
from tests.factories import make_contact

HEADER_ROW = 3


def open_workbook(client, query=""):
    response = client.get(f"/kontakter/eksport.xlsx{query}")
    assert response.status_code == 200
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    return response, load_workbook(io.BytesIO(response.content))


def data_rows(sheet):
    return [list(row) for row in sheet.iter_rows(min_row=HEADER_ROW + 1, values_only=True)]


def test_it_has_a_header_row_and_the_filter_described(client, directory):
    response, workbook = open_workbook(client, "?organisation=albertslund&metode=rgp")
    sheet = workbook.active
    description = sheet["A2"].value
    assert "Organisation: Albertslund Kommune" in description
    assert "Erfaring med metode: Rådgivningsprogram" in description
    assert timezone.localdate().strftime("%d-%m-%Y") in description
    header = [cell.value for cell in sheet[HEADER_ROW]]
    assert header == [name for name, _ in COLUMNS]
    assert sheet.freeze_panes == f"A{HEADER_ROW + 1}"
    assert "kontakter-albertslund-rgp-" in response["Content-Disposition"]


def test_it_holds_exactly_the_filtered_contacts(client, directory):
    _, workbook = open_workbook(client, "?region=oevrige")
    units = [row[1] for row in data_rows(workbook.active)]
    assert sorted(units) == ["SSP Odense", "SSP+ indsatsen, Tryk Aalborg"]


def test_columns_are_wide_enough_to_read(client, directory):
    _, workbook = open_workbook(client)
    sheet = workbook.active
    assert sheet.column_dimensions["B"].width >= 40  # Enhed
    assert sheet.column_dimensions["F"].width >= 30  # E-mail


def test_phones_are_text_cells(client, directory):
    _, workbook = open_workbook(client, "?organisation=albertslund")
    sheet = workbook.active
    phone = sheet.cell(row=HEADER_ROW + 1, column=5)
    assert phone.value == "43 68 69 59"
    assert phone.data_type == "s"
    assert phone.number_format == "@"


def test_a_cell_that_looks_like_a_formula_stays_text(db):
    hostile = '=HYPERLINK("http://evil.example","klik")'
    contact = make_contact(unit=hostile)
    data = write_xlsx(ContactPoint.objects.filter(pk=contact.pk), description="Test")
    cell = load_workbook(io.BytesIO(data)).active.cell(row=HEADER_ROW + 1, column=2)
    assert cell.data_type == "s"  # a string cell, not a formula
    assert cell.value == hostile


def test_danish_letters_survive(client, directory):
    _, workbook = open_workbook(client, "?organisation=roedovre")
    [row] = data_rows(workbook.active)
    assert row[:2] == ["Rødovre Kommune", "Børne- og Kulturforvaltningen"]
    assert row[6] == "Ja"  # Sikker Post

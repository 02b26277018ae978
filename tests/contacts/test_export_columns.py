"""The documented export columns, in order, with their values: CSV, XLSX and vCard alike.

The expected headers are written out here (as the README documents them), not read from the
code, so renaming, reordering or blanking a column fails a test.
"""

import csv
import io

import openpyxl
import pytest
import vobject

DOCUMENTED = [
    "Organisation",
    "Enhed",
    "Kontaktperson",
    "Region",
    "Telefon",
    "E-mail",
    "Sikker Post",
    "Hjemmeside",
    "Erfaring med",
]
XLSX_HEADER_ROW = 3
PERSON = "Kontaktperson Testesen"
WEBSITE = "https://albertslund.dk/dke"


@pytest.fixture
def albertslund(directory):
    """A contact with every column filled, so a blanked column shows."""
    contact = directory.contacts.albertslund
    contact.person_name = PERSON
    contact.website = WEBSITE
    contact.save()
    return contact


def albertslund_row(rows: list[list[str]]) -> dict[str, str]:
    header, *body = rows
    assert header == DOCUMENTED
    (row,) = [r for r in body if r[1] == "Den Kriminalpræventive Enhed"]
    return dict(zip(header, row, strict=True))


def expected_values(contact) -> dict[str, str]:
    return {
        "Organisation": contact.organisation.name,
        "Enhed": "Den Kriminalpræventive Enhed",
        "Kontaktperson": PERSON,
        "Region": "Københavns Vestegn",
        "Telefon": "43 68 69 59",
        "E-mail": "kriminalpraeventive.enhed@albertslund.dk",
        "Sikker Post": "Nej",
        "Hjemmeside": WEBSITE,
        "Erfaring med": "Familie, Motiverende samtaler, RGP",
    }


def test_the_csv_has_the_documented_columns_in_order_with_their_values(client, albertslund):
    response = client.get("/kontakter/eksport.csv")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))

    assert albertslund_row(rows) == expected_values(albertslund)


def test_the_xlsx_has_the_documented_columns_in_order_with_their_values(client, albertslund):
    response = client.get("/kontakter/eksport.xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = [
        ["" if cell is None else str(cell) for cell in row]
        for row in sheet.iter_rows(min_row=XLSX_HEADER_ROW, values_only=True)
    ]

    assert albertslund_row(rows) == expected_values(albertslund)


def test_the_vcard_has_the_documented_properties_with_their_values(client, albertslund):
    response = client.get("/kontakter/eksport.vcf")
    cards = list(vobject.readComponents(b"".join(response.streaming_content).decode()))
    (card,) = [c for c in cards if "Den Kriminalpræventive Enhed" in c.org.value]

    assert card.fn.value == PERSON
    assert card.org.value == [albertslund.organisation.name, "Den Kriminalpræventive Enhed"]
    assert [tel.value for tel in card.contents["tel"]] == ["+45 43 68 69 59"]
    assert [e.value for e in card.contents["email"]] == ["kriminalpraeventive.enhed@albertslund.dk"]
    assert "Familie, Motiverende samtaler, RGP" in card.note.value
    assert card.categories.value == ["Idekatalog"]
    assert card.url.value == WEBSITE
    assert card.uid.value

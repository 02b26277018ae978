"""The plan as .docx and .xlsx: read back with the libraries that wrote them, and opened by
LibreOffice (headless) the way a municipal PC's office suite would."""

import io
import os
import shutil
import subprocess

import pytest
from docx import Document
from openpyxl import load_workbook

pytestmark = pytest.mark.django_db

CHOSEN = {
    "valgt": ["indsats:foraeldrenetvaerk", "metode:mentorordninger"],
    "titel": "SSP-møde: Æbler, Øer & Ål",
}


def docx_of(client, params=CHOSEN) -> Document:
    response = client.get("/handleplan/handleplan.docx", params)
    assert response.status_code == 200
    return Document(io.BytesIO(response.content))


def test_the_word_file_is_named_after_the_title_and_date(client, catalogue):
    response = client.get("/handleplan/handleplan.docx", CHOSEN)

    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    disposition = response["Content-Disposition"]
    assert disposition.startswith('attachment; filename="ssp-moede-aebler-oeer-aal-')
    assert disposition.endswith('.docx"')


def test_the_word_file_has_headings_per_entry_and_danish_letters_intact(client, catalogue):
    document = docx_of(client)

    headings = [
        (p.style.name, p.text)
        for p in document.paragraphs
        if "Heading" in p.style.name or p.style.name == "Title"
    ]
    assert headings[:2] == [
        ("Title", "SSP-møde: Æbler, Øer & Ål"),
        ("Heading 1", "1. Forældrenetværk (Indsats)"),
    ]
    assert ("Heading 1", "2. Mentorordninger (Metode)") in headings
    assert ("Heading 3", "Check-in · Fagprofessionel til borger") in headings
    assert document.core_properties.title == "SSP-møde: Æbler, Øer & Ål"


def test_the_questions_are_list_items_in_source_order(client, catalogue):
    document = docx_of(client)

    bullets = [p.text for p in document.paragraphs if p.style.name == "List Bullet"]
    questions = [b for b in bullets if b.endswith("?")]
    assert questions == [
        "Hvor parat er du til dagens samtale?",
        "Er der sket noget siden sidst?",
        "Hvad aftaler vi til næste gang – før, under og efter?",
    ]
    assert "Ishøj Kommune: i boligområdet" in bullets
    contacts = [p.text for p in document.paragraphs if p.style.name == "List Bullet 2"]
    assert "SSP Ishøj: Tlf. 43 57 70 00; E-mail: ssp@ishoj.dk" in contacts


def test_each_entry_has_an_empty_table_for_the_agreements(client, catalogue):
    document = docx_of(client)

    assert len(document.tables) == 2
    for table in document.tables:
        assert [[cell.text for cell in row.cells] for row in table.rows] == [
            ["Ansvarlig", ""],
            ["Næste skridt", ""],
            ["Frist", ""],
        ]


def test_the_workbook_has_a_row_per_entry_with_empty_fields_and_a_contact_sheet(client, catalogue):
    response = client.get("/handleplan/handleplan.xlsx", CHOSEN)
    workbook = load_workbook(io.BytesIO(response.content))

    sheet = workbook["Handleplan"]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0][0] == "SSP-møde: Æbler, Øer & Ål"
    assert rows[2] == [
        "Nr.", "Type", "Titel", "Indhold og formål", "Eksempler på spørgsmål",
        "Kommuner og politi med erfaring", "Ansvarlig", "Næste skridt", "Frist",
    ]  # fmt: skip
    assert rows[3][:3] == ["1", "Indsats", "Forældrenetværk"]
    assert rows[3][5] == "Ishøj Kommune: i boligområdet\nAarhus Kommune"
    assert rows[4][4].splitlines() == [
        "Check-in: Hvor parat er du til dagens samtale?",
        "Check-in: Er der sket noget siden sidst?",
        "Afrunding: Hvad aftaler vi til næste gang – før, under og efter?",
    ]
    assert rows[4][6:] == [None, None, None]
    assert sheet.freeze_panes == "A4"
    contacts = [[c.value for c in row] for row in workbook["Kontakter"].iter_rows(min_row=3)]
    assert contacts == [
        ["Ishøj Kommune", "SSP Ishøj", "Tlf. 43 57 70 00\nE-mail: ssp@ishoj.dk"],
        ["Aarhus Kommune", "SSP Aarhus", "Tlf. 89 40 20 00"],
    ]


def test_a_formula_in_the_title_stays_text_in_the_workbook(client, catalogue):
    params = {"valgt": "metode:mentorordninger", "titel": '=HYPERLINK("http://x")'}
    workbook = load_workbook(io.BytesIO(client.get("/handleplan/handleplan.xlsx", params).content))

    cell = workbook["Handleplan"]["A1"]
    assert cell.data_type == "s"
    assert cell.value == '=HYPERLINK("http://x")'


@pytest.mark.parametrize("fmt", ["docx", "xlsx"])
@pytest.mark.parametrize(
    "params",
    [{}, {"valgt": "metode:findes-ikke"}, {"valgt": "x" * 5000}, {"valgt": "metode:%00"}],
)
def test_a_bad_or_empty_plan_gives_a_danish_400_instead_of_a_file(client, catalogue, fmt, params):
    response = client.get(f"/handleplan/handleplan.{fmt}", params)

    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    assert "Filen kan ikke laves" in response.content.decode()


def test_libreoffice_opens_the_word_file_with_its_text(client, catalogue, tmp_path):
    """CI (CI=true) must have LibreOffice (Debian: libreoffice-writer-nogui); locally may skip."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("CI=true but LibreOffice (soffice) is missing: apt-get install "
                        "libreoffice-writer-nogui")  # fmt: skip
        pytest.skip("LibreOffice (soffice) is not installed")
    source = tmp_path / "handleplan.docx"
    source.write_bytes(client.get("/handleplan/handleplan.docx", CHOSEN).content)

    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
         "--convert-to", "txt:Text (encoded):UTF8", "--outdir", str(tmp_path), str(source)],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip

    converted = (tmp_path / "handleplan.txt").read_text(encoding="utf-8-sig")
    assert "SSP-møde: Æbler, Øer & Ål" in converted
    assert "Hvad aftaler vi til næste gang – før, under og efter?" in converted
    assert "Næste skridt" in converted

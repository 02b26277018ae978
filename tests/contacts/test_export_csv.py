"""/kontakter/eksport.csv: opens in Danish Excel by double-click and follows the filters."""

import csv
import io

import pytest
from django.utils import timezone

from contacts.exports import write_csv
from contacts.models import ContactPoint
from tests.factories import make_contact, make_organisation


def download(client, query=""):
    response = client.get(f"/kontakter/eksport.csv{query}")
    assert response.status_code == 200
    return response, b"".join(response.streaming_content)


def read_as_excel(data: bytes) -> list[list[str]]:
    """What Excel does on double-click in a Danish locale: UTF-8 with BOM, ';' separated."""
    assert data.startswith(b"\xef\xbb\xbf"), "Excel needs the BOM to read UTF-8"
    text = data.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))


def test_it_is_a_bom_semicolon_crlf_table_with_danish_letters_intact(client, directory):
    response, data = download(client)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert data.count(b"\r\n") == 6 and b"\n" not in data.replace(b"\r\n", b"")
    rows = read_as_excel(data)
    assert rows[0][:2] == ["Organisation", "Enhed"]
    units = [row[1] for row in rows[1:]]
    assert "Børne- og Kulturforvaltningen" in units
    assert "Børn, unge og familie, Center for Børn og Forebyggelse" in units  # comma kept whole
    assert all(len(row) == len(rows[0]) for row in rows)


def test_it_holds_exactly_the_filtered_contacts(client, directory):
    _, data = download(client, "?organisation=albertslund&organisation=odense")
    rows = read_as_excel(data)[1:]
    assert sorted(row[1] for row in rows) == ["Den Kriminalpræventive Enhed", "SSP Odense"]


def test_it_leaves_out_drafts(client, directory):
    _, data = download(client)
    assert "Kladdeenhed" not in data.decode("utf-8-sig")


def test_phone_numbers_stay_text_not_numbers(client, directory):
    rows = read_as_excel(download(client, "?organisation=aalborg")[1])
    header, row = rows
    phones = row[header.index("Telefon")]
    assert phones == "99 82 34 20, 51 71 65 61"
    # Excel turns digits-only (or digits with its separators) into a number; this is not that.
    assert not phones.replace(".", "").replace(",", "").isdigit()


def test_the_filename_says_what_and_when(client, directory):
    response, _ = download(client, "?indsats=mentorordninger")
    today = timezone.localdate().isoformat()
    expected = f'attachment; filename="kontakter-mentorordninger-{today}.csv"'
    assert response["Content-Disposition"] == expected


def test_an_unfiltered_export_is_named_alle(client, directory):
    response, _ = download(client)
    assert "kontakter-alle-" in response["Content-Disposition"]


def test_an_unknown_filter_value_is_refused_not_ignored(client, directory):
    response = client.get("/kontakter/eksport.csv?organisation=findes-ikke")
    assert response.status_code == 400
    assert "findes-ikke" in response.content.decode()


@pytest.mark.parametrize(
    "hostile",
    ['=HYPERLINK("http://evil.example","klik")', "+45 12345678", "-1", "@SUM(A1:A2)", "\t=1+1"],
)
def test_formula_like_cells_are_neutralised(db, hostile):
    contact = make_contact(unit=hostile, experience_tags=[hostile])
    from contacts.models import ContactPoint

    rows = read_as_excel(b"".join(write_csv(ContactPoint.objects.filter(pk=contact.pk))))
    header, row = rows
    for column in ("Enhed", "Erfaring med"):
        cell = row[header.index(column)]
        assert cell == "'" + hostile
        assert cell[0] not in "=+-@\t\r"


def test_it_streams_in_chunks(client, db):
    organisation = make_organisation()
    ContactPoint.objects.bulk_create(
        ContactPoint(slug=f"stroem-{i:03d}", organisation=organisation, unit=f"Enhed {i}")
        for i in range(450)
    )

    response = client.get("/kontakter/eksport.csv")
    assert response.streaming
    chunks = list(response.streaming_content)

    lines = [chunk.count(b"\r\n") for chunk in chunks]
    assert sum(lines) == 1 + 450  # header and every contact, once
    assert len([n for n in lines if n]) >= 3  # rows arrive in several pieces, not one
    assert max(lines) <= 201  # no piece holds the whole file

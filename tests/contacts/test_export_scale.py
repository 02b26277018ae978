"""Exports stay correct for thousands of contacts, in a fixed number of queries."""

import csv
import io

import pytest
import vobject
from openpyxl import load_workbook

from contacts.models import ContactPoint, Email, Phone
from tests.factories import make_organisation, make_theme

COUNT = 3000


@pytest.fixture
def many_contacts(db):
    theme = make_theme(slug="netvaerk", name="Netværk")
    organisations = [make_organisation(slug=f"org-{i}", short_name=f"Org {i}") for i in range(30)]
    ContactPoint.objects.bulk_create(
        ContactPoint(
            slug=f"kontakt-{i:04d}",
            organisation=organisations[i % 30],
            unit=f"Enhed nr. {i:04d} for børn og unge",
            experience_tags=["Netværk", "Familie"],
            order=i,
        )
        for i in range(COUNT)
    )
    contacts = list(ContactPoint.objects.order_by("order"))
    Phone.objects.bulk_create(
        Phone(contact=c, number=f"{20000000 + i:08d}", order=1) for i, c in enumerate(contacts)
    )
    Email.objects.bulk_create(
        Email(contact=c, address=f"kontakt{i}@kommune.dk", order=1) for i, c in enumerate(contacts)
    )
    ContactPoint.themes.through.objects.bulk_create(
        ContactPoint.themes.through(contactpoint=c, theme=theme) for c in contacts[::2]
    )
    return contacts


def test_csv_holds_every_contact_once_with_its_own_phone(client, many_contacts):
    response = client.get("/kontakter/eksport.csv")
    rows = list(
        csv.reader(
            io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"), newline=""),
            delimiter=";",
        )
    )[1:]
    assert len(rows) == COUNT
    assert len({row[1] for row in rows}) == COUNT
    for row in rows:
        i = int(row[1].split()[2])
        assert row[4] == " ".join(f"{20000000 + i:08d}"[j : j + 2] for j in range(0, 8, 2))
        assert row[5] == f"kontakt{i}@kommune.dk"


def test_a_filtered_vcard_export_holds_exactly_the_filtered_half(client, many_contacts):
    response = client.get("/kontakter/eksport.vcf?tema=netvaerk")
    cards = list(vobject.readComponents(b"".join(response.streaming_content).decode()))
    assert len(cards) == COUNT // 2
    assert {card.org.value[1] for card in cards} == {c.unit for c in many_contacts[::2]}


def test_xlsx_holds_every_contact(client, many_contacts):
    response = client.get("/kontakter/eksport.xlsx")
    sheet = load_workbook(io.BytesIO(response.content), read_only=True).active
    assert sum(1 for _ in sheet.iter_rows(min_row=4)) == COUNT


def test_csv_export_runs_a_fixed_number_of_queries(
    client, many_contacts, django_assert_num_queries
):
    # one query streams the contacts (with their organisation); each 500-row chunk prefetches
    # phones and e-mails: 2 queries a chunk, never one per contact
    chunks = COUNT // 500
    with django_assert_num_queries(2 + chunks * 2):  # revision, contacts, 2 per chunk
        response = client.get("/kontakter/eksport.csv")
        b"".join(response.streaming_content)

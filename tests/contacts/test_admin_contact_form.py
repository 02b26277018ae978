"""The contact form puts what editors change most at the top (unit, phones, e-mails); the
source's text is marked as never shown publicly and comes last; the list shows phones."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from contacts.models import ContactPoint
from tests.catalogue.admin_forms import admin_url
from tests.factories import make_contact, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff() -> Client:
    client = Client()
    client.force_login(make_user("Kontaktansvarlig"))
    return client


def test_phones_and_emails_come_right_after_the_unit_and_before_the_rest(staff):
    contact = make_contact(phones=["43686959"], emails=["ssp@albertslund.dk"])

    html = staff.get(admin_url(contact)).content.decode()

    positions = [
        html.index('name="unit"'),
        html.index('id="phones-group"'),
        html.index('id="emails-group"'),
        html.index('name="experience_tags"'),
        html.index('name="status"'),
        html.index('name="contact_text"'),
    ]
    assert positions == sorted(positions)


def test_the_source_text_field_says_it_is_never_shown_publicly_and_is_collapsed(staff):
    html = staff.get(admin_url(make_contact())).content.decode()

    source_text = html[html.index("Kildetekst (vises aldrig offentligt)") :]
    assert "Vises aldrig offentligt" in source_text
    assert 'name="contact_text"' in source_text
    fieldset = html[: html.index('name="contact_text"')].rsplit("<fieldset", 1)[1]
    assert "collapse" in fieldset


def test_the_contact_list_has_a_phone_column_without_a_query_per_row(staff):
    make_contact(phones=["43686959", "43686900"])
    url = admin_url(ContactPoint, "changelist")
    staff.get(url)  # warm up (session, content types)
    with CaptureQueriesContext(connection) as few:
        html = staff.get(url).content.decode()
    for _ in range(5):
        make_contact(phones=["36377000"])
    with CaptureQueriesContext(connection) as many:
        staff.get(url)

    assert "column-phone_numbers" in html
    assert "43 68 69 59, 43 68 69 00" in html
    assert len(many) == len(few)

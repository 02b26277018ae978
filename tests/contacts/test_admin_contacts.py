"""Contact points in admin: phones and e-mails inline, exports, archiving, history of deletes."""

import pytest
from django.test import Client

from catalogue.models import Status
from contacts.models import ContactPoint, Email, Phone
from tests.catalogue.admin_forms import admin_url, form_data
from tests.factories import make_contact, make_organisation, make_user
from tests.opendata import katalog

pytestmark = pytest.mark.django_db


@pytest.fixture
def kontaktansvarlig() -> Client:
    client = Client()
    client.force_login(make_user("Kontaktansvarlig", first_name="Kim", last_name="Kontakt"))
    return client


def test_phones_and_emails_are_edited_on_the_contact_page(kontaktansvarlig):
    contact = make_contact(phones=["43686959"], emails=["ssp@albertslund.dk"])
    data = form_data(kontaktansvarlig.get(admin_url(contact)))
    data["phones-0-number"] = "+45 43 68 69 60"
    data["emails-0-address"] = "ssp-ny@albertslund.dk"

    response = kontaktansvarlig.post(admin_url(contact), data)

    assert response.status_code == 302
    assert list(contact.phones.values_list("number", flat=True)) == ["43686960"]
    assert list(contact.emails.values_list("address", flat=True)) == ["ssp-ny@albertslund.dk"]


def test_a_wrong_phone_number_is_refused_with_a_danish_message(kontaktansvarlig):
    contact = make_contact(phones=["43686959"])
    data = form_data(kontaktansvarlig.get(admin_url(contact)))
    data["phones-0-number"] = "1234"

    response = kontaktansvarlig.post(admin_url(contact), data)

    assert response.status_code == 200
    assert Phone.objects.get().number == "43686959"
    page = response.content.decode()
    assert "ikke et gyldigt dansk telefonnummer" in page and "8 cifre" in page


def test_search_finds_a_contact_by_phone_number_or_email(kontaktansvarlig):
    make_contact(unit="SSP Ishøj", phones=["43576070"], emails=["ssp@ishoj.dk"])
    make_contact(unit="SSP Odense")
    url = admin_url(ContactPoint, "changelist")

    by_phone = kontaktansvarlig.get(url, {"q": "43576070"}).content.decode()
    by_email = kontaktansvarlig.get(url, {"q": "ssp@ishoj.dk"}).content.decode()

    assert "SSP Ishøj" in by_phone and "SSP Odense" not in by_phone
    assert "SSP Ishøj" in by_email and "SSP Odense" not in by_email


def test_the_export_actions_are_offered_on_the_contact_list(kontaktansvarlig):
    make_contact()
    page = kontaktansvarlig.get(admin_url(ContactPoint, "changelist")).content.decode()
    for action in ("export_csv", "export_xlsx", "export_vcf", "archive_selected"):
        assert f'value="{action}"' in page


def test_exporting_selected_contacts_from_admin_downloads_a_csv(kontaktansvarlig):
    chosen = make_contact(unit="SSP Ishøj", phones=["43576070"])
    make_contact(unit="SSP Odense")

    response = kontaktansvarlig.post(
        admin_url(ContactPoint, "changelist"),
        {"action": "export_csv", "_selected_action": [chosen.pk]},
    )

    body = b"".join(response.streaming_content) if response.streaming else response.content
    text = body.decode("utf-8-sig")
    assert "SSP Ishøj" in text and "SSP Odense" not in text


def test_archiving_a_contact_keeps_it_and_hides_it_from_the_public(kontaktansvarlig):
    contact = make_contact(unit="SSP Ishøj")

    kontaktansvarlig.post(
        admin_url(ContactPoint, "changelist"),
        {"action": "archive_selected", "_selected_action": [contact.pk]},
    )

    contact.refresh_from_db()
    assert contact.status == Status.ARCHIVED
    units = [c["unit"] for c in katalog(Client())["contacts"]]
    assert "SSP Ishøj" not in units


def test_a_deleted_phone_number_can_be_restored_from_its_history(kontaktansvarlig):
    contact = make_contact(phones=["43686959", "43686900"])
    data = form_data(kontaktansvarlig.get(admin_url(contact)))
    data["phones-1-DELETE"] = "on"
    assert kontaktansvarlig.post(admin_url(contact), data).status_code == 302
    assert list(contact.phones.values_list("number", flat=True)) == ["43686959"]

    deleted = kontaktansvarlig.get(admin_url(Phone, "deleted")).content.decode()
    assert "43 68 69 00" in deleted
    record = Phone.history.get(history_type="-")
    url = admin_url(Phone, "simple_history", record.id, record.history_id)
    response = kontaktansvarlig.post(url, form_data(kontaktansvarlig.get(url)))

    assert response.status_code == 302
    assert sorted(contact.phones.values_list("number", flat=True)) == ["43686900", "43686959"]


def test_a_contact_deleted_by_a_superuser_can_be_restored(admin_client):
    contact = make_contact(unit="SSP Brøndby", organisation=make_organisation())
    Email.objects.create(contact=contact, address="ssp@brondby.dk")
    contact.delete()

    page = admin_client.get(admin_url(ContactPoint, "deleted")).content.decode()
    assert "SSP Brøndby" in page
    record = ContactPoint.history.get(history_type="-")
    url = admin_url(ContactPoint, "simple_history", record.id, record.history_id)
    admin_client.post(url, form_data(admin_client.get(url)))
    email = Email.history.get(history_type="-")
    url = admin_url(Email, "simple_history", email.id, email.history_id)
    admin_client.post(url, form_data(admin_client.get(url)))

    restored = ContactPoint.objects.get()
    assert restored.unit == "SSP Brøndby"
    assert list(restored.emails.values_list("address", flat=True)) == ["ssp@brondby.dk"]


def test_experience_tags_are_edited_one_per_line(kontaktansvarlig):
    contact = make_contact(experience_tags=["Familie", "RGP"])
    data = form_data(kontaktansvarlig.get(admin_url(contact)))
    assert data["experience_tags"] == "Familie\nRGP"
    data["experience_tags"] = "Familie\r\nRGP\r\nMentorordninger\r\n"

    assert kontaktansvarlig.post(admin_url(contact), data).status_code == 302
    contact.refresh_from_db()
    assert contact.experience_tags == ["Familie", "RGP", "Mentorordninger"]

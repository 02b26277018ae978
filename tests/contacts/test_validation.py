"""Phone numbers and e-mail addresses are checked on save, with messages an editor understands."""

import pytest
from django.core.exceptions import ValidationError

from contacts.models import ContactPoint, Email, Phone
from contacts.services import save_contact
from contacts.validators import format_phone, normalise_email, normalise_phone
from tests.factories import make_contact, make_organisation


@pytest.mark.parametrize(
    "typed",
    ["43686959", "43 68 69 59", "+45 43686959", "+4543686959", "0045 43 68 69 59", "43-68-69-59"],
)
def test_it_accepts_danish_numbers_as_editors_type_them(typed):
    assert normalise_phone(typed) == "43686959"


@pytest.mark.parametrize(
    "typed", ["4368695", "436869590", "+46 43686959", "43 68 69 5x", "", "٤٣٦٨٦٩٥٩"]
)
def test_it_rejects_what_is_not_a_danish_number_with_a_clear_message(typed):
    with pytest.raises(ValidationError) as error:
        normalise_phone(typed)
    message = error.value.messages[0]
    assert "ikke et gyldigt dansk telefonnummer" in message
    assert "8 cifre" in message


def test_it_shows_numbers_in_pairs():
    assert format_phone("43686959") == "43 68 69 59"


@pytest.mark.parametrize("typed", ["ssp@herlev", "ssp herlev.dk", "@herlev.dk", "ssp@@herlev.dk"])
def test_it_rejects_malformed_email_addresses(typed):
    with pytest.raises(ValidationError) as error:
        normalise_email(typed)
    assert "ikke en gyldig e-mailadresse" in error.value.messages[0]


def test_model_validation_normalises_a_typed_phone(db):
    phone = Phone(contact=make_contact(), number="+45 43 68 69 59")
    phone.full_clean()
    phone.save()
    assert Phone.objects.get(pk=phone.pk).number == "43686959"


def test_model_validation_names_the_field_in_error(db):
    phone = Phone(contact=make_contact(), number="12 34")
    with pytest.raises(ValidationError) as error:
        phone.full_clean()
    assert "ikke et gyldigt dansk telefonnummer" in error.value.message_dict["number"][0]
    email = Email(contact=phone.contact, address="ikke-en-adresse")
    with pytest.raises(ValidationError) as error:
        email.full_clean()
    assert "ikke en gyldig e-mailadresse" in error.value.message_dict["address"][0]


def test_the_service_saves_normalised_phones_and_emails_in_the_order_typed(db):
    contact = save_contact(
        organisation=make_organisation(),
        slug="ssp",
        unit="SSP",
        phones=["+45 43 28 28 15", "", "21695930", "43282815"],
        emails=[" jan@brondby.dk "],
    )
    assert list(contact.phones.values_list("number", flat=True)) == ["43282815", "21695930"]
    assert list(contact.emails.values_list("address", flat=True)) == ["jan@brondby.dk"]


def test_the_service_saves_nothing_when_any_value_is_bad(db):
    organisation = make_organisation()
    with pytest.raises(ValidationError) as error:
        save_contact(
            organisation=organisation,
            slug="ssp",
            unit="SSP",
            phones=["43686959", "123"],
            emails=["ssp@herlev"],
        )
    assert set(error.value.message_dict) == {"phones", "emails"}
    assert "“123” er ikke et gyldigt dansk telefonnummer" in error.value.message_dict["phones"][0]
    assert not ContactPoint.objects.exists()
    assert not Phone.objects.exists()


def test_a_failed_update_keeps_the_old_numbers(db):
    contact = save_contact(
        organisation=make_organisation(), slug="ssp", unit="SSP", phones=["43686959"]
    )
    with pytest.raises(ValidationError):
        save_contact(
            contact=contact,
            organisation=contact.organisation,
            slug="ssp",
            unit="Nyt navn",
            phones=["99999999", "ikke et nummer"],
        )
    contact.refresh_from_db()
    assert contact.unit == "SSP"
    assert list(contact.phones.values_list("number", flat=True)) == ["43686959"]


def test_personal_names_are_optional(db):
    contact = save_contact(organisation=make_organisation(), slug="ssp", unit="SSP")
    assert contact.person_name == ""

"""Restoring a version of a contact point or an entry brings back its child rows (phones,
e-mails, experience rows, questions) as they were then; the history shows their changes."""

from io import BytesIO

import pytest
from django.test import Client
from openpyxl import load_workbook

from catalogue import services
from catalogue.models import Question
from contacts.models import Email, Phone
from tests.catalogue.admin_forms import admin_url, form_data
from tests.factories import (
    make_contact,
    make_experience,
    make_initiative,
    make_method,
    make_organisation,
    make_question,
    make_theme,
    make_user,
)
from tests.opendata import katalog

pytestmark = pytest.mark.django_db


def login(role: str) -> Client:
    client = Client()
    client.force_login(make_user(role, first_name="Kim", last_name="Kontakt"))
    return client


def edit(client: Client, obj, **changes) -> None:
    data = form_data(client.get(admin_url(obj)))
    data.update(changes)
    response = client.post(admin_url(obj), data)
    assert response.status_code == 302, response.context["errors"]


def version_url(obj, record) -> str:
    return admin_url(obj, "simple_history", obj.pk, record.history_id)


def restore(client: Client, obj, record) -> None:
    url = version_url(obj, record)
    response = client.post(url, form_data(client.get(url)))
    assert response.status_code == 302, response.context["errors"]


def public_texts(client: Client) -> dict[str, str]:
    xlsx = load_workbook(BytesIO(client.get("/kontakter/eksport.xlsx").content))
    cells = " ".join(str(c.value) for row in xlsx.active.iter_rows() for c in row if c.value)
    return {
        "page": client.get("/kontakter/").content.decode(),
        "csv": client.get("/kontakter/eksport.csv").getvalue().decode("utf-8-sig"),
        "xlsx": cells,
        "vcf": client.get("/kontakter/eksport.vcf").getvalue().decode(),
        "json": str(katalog(client)["contacts"]),
    }


def test_restoring_a_contact_brings_its_old_phone_number_back_everywhere():
    contact = make_contact(
        unit="SSP",
        phones=["43686959"],
        emails=["ssp@albertslund.dk"],
        organisation=make_organisation(),
    )
    before = contact.history.latest("history_id")
    staff = login("Kontaktansvarlig")
    edit(staff, contact, **{"phones-0-number": "43686960"})
    assert "43 68 69 60" in public_texts(Client())["page"]

    restore(staff, contact, before)

    assert list(contact.phones.values_list("number", flat=True)) == ["43686959"]
    for where, text in public_texts(Client()).items():
        assert "43 68 69 59" in text or "43686959" in text, where
        assert "43 68 69 60" not in text and "43686960" not in text, where


def test_restoring_brings_back_deleted_rows_and_removes_added_ones():
    contact = make_contact(phones=["43686959", "43686900"], emails=["ssp@albertslund.dk"])
    before = contact.history.latest("history_id")
    staff = login("Kontaktansvarlig")
    data = form_data(staff.get(admin_url(contact)))
    data["phones-1-DELETE"] = "on"
    data["emails-0-DELETE"] = "on"
    data["emails-TOTAL_FORMS"] = "2"
    data["emails-1-address"] = "ny@albertslund.dk"
    data["emails-1-order"] = "2"
    assert staff.post(admin_url(contact), data).status_code == 302
    assert list(Email.objects.values_list("address", flat=True)) == ["ny@albertslund.dk"]

    restore(staff, contact, before)

    assert list(contact.phones.values_list("number", flat=True)) == ["43686959", "43686900"]
    assert list(contact.emails.values_list("address", flat=True)) == ["ssp@albertslund.dk"]
    restored = contact.history.latest("history_id")
    assert restored.history_change_reason.startswith("Gendannet fra versionen fra")
    assert Phone.history.latest("history_id").history_change_reason.startswith("Gendannet")


def test_the_version_page_shows_the_phone_numbers_of_that_version():
    contact = make_contact(phones=["43686959"])
    before = contact.history.latest("history_id")
    staff = login("Kontaktansvarlig")
    edit(staff, contact, **{"phones-0-number": "43686960"})

    page = staff.get(version_url(contact, before)).content.decode()

    assert "Hørte til denne version" in page
    assert "43 68 69 59" in page


def test_the_contacts_history_shows_changes_to_its_phone_numbers():
    contact = make_contact(phones=["43686959"])
    staff = login("Kontaktansvarlig")
    edit(staff, contact, **{"phones-0-number": "43686960"})

    page = staff.get(admin_url(contact, "history")).content.decode()

    assert "Ændringer i telefonnumre og e-mailadresser" in page
    assert "43686959" in page and "43686960" in page
    assert "Kim Kontakt" in page


def test_restoring_a_method_brings_back_its_questions_in_their_old_order():
    method = make_method()
    first = make_question(method, text="Hvad skete der?", order=1)
    second = make_question(method, text="Hvem var med?", order=2)
    with services.one_version(method):
        method.save()
    before = method.history.latest("history_id")
    for question, order in ((first, 3), (second, 1), (first, 2)):  # swapped, as an editor may
        question.order = order
        question.save()
    second.text = "Hvem var med den aften?"
    second.save()
    assert list(method.questions.values_list("text", flat=True)) == [
        "Hvem var med den aften?",
        "Hvad skete der?",
    ]
    client = login("Redaktør")

    restore(client, method, before)

    assert list(method.questions.values_list("text", "order")) == [
        ("Hvad skete der?", 1),
        ("Hvem var med?", 2),
    ]
    assert Question.objects.count() == 2


def test_restoring_an_initiative_brings_back_a_deleted_experience_row():
    initiative = make_initiative(themes=[make_theme()])
    make_experience(make_organisation(short_name="Ishøj"), initiative, note="Erfaring fra 2022")
    with services.one_version(initiative):
        initiative.save()
    before = initiative.history.latest("history_id")
    client = login("Redaktør")
    edit(client, initiative, **{"experiences-0-DELETE": "on"})
    assert not initiative.experiences.exists()

    restore(client, initiative, before)

    assert [(e.organisation.short_name, e.note) for e in initiative.experiences.all()] == [
        ("Ishøj", "Erfaring fra 2022")
    ]
    assert "Ishøj" in Client().get(initiative.get_absolute_url()).content.decode()


def test_restoring_never_trips_the_edit_conflict_check_and_is_one_new_version():
    contact = make_contact(phones=["43686959"])
    before = contact.history.latest("history_id")
    staff = login("Kontaktansvarlig")
    edit(staff, contact, **{"phones-0-number": "43686960"})
    versions = contact.history.count()
    restore_form = form_data(staff.get(version_url(contact, before)))
    edit(login("Kontaktansvarlig"), contact, unit="Ny enhed")  # saved in between

    response = staff.post(version_url(contact, before), restore_form)

    assert response.status_code == 302
    assert contact.history.count() == versions + 2
    assert list(contact.phones.values_list("number", flat=True)) == ["43686959"]


def test_a_deleted_contact_point_comes_back_with_its_phones_and_tagged_entries(admin_client):
    method = make_method()
    contact = make_contact(phones=["43686959"], emails=["ssp@albertslund.dk"], methods=[method])
    pk = contact.pk
    contact.delete()
    record = contact.history.model.objects.get(id=pk, history_type="-")

    restore(admin_client, record.instance, record)

    restored = type(contact).objects.get(pk=pk)
    assert list(restored.phones.values_list("number", flat=True)) == ["43686959"]
    assert list(restored.emails.values_list("address", flat=True)) == ["ssp@albertslund.dk"]
    assert list(restored.methods.all()) == [method]

"""History and undo: every change is a version with who and when; editors restore from admin."""

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from catalogue.admin_diff import word_diff
from catalogue.models import Experience, Initiative, Method, Question, Source, Status
from contacts.models import ContactPoint
from tests.catalogue.admin_forms import admin_url, form_data
from tests.factories import (
    make_experience,
    make_organisation,
    make_theme,
    make_user,
)
from tests.factories import make_initiative as _make_initiative
from tests.opendata import katalog

pytestmark = pytest.mark.django_db


def make_initiative(**fields):
    return _make_initiative(themes=[make_theme()], **fields)


def editor(name: str = "Anne") -> Client:
    client = Client()
    client.force_login(make_user("Redaktør", first_name=name, last_name="Redaktør"))
    return client


def edit(client: Client, obj, **changes) -> None:
    data = form_data(client.get(admin_url(obj)))
    data.update(changes)
    response = client.post(admin_url(obj), data)
    assert response.status_code == 302, response.context["errors"]


def restore_url(obj, record) -> str:
    return admin_url(obj, "simple_history", obj.pk, record.history_id)


def restore(client: Client, obj, record):
    return client.post(restore_url(obj, record), form_data(client.get(restore_url(obj, record))))


def test_an_edit_is_kept_as_a_version_with_who_made_it():
    initiative = make_initiative(purpose="Som i kataloget")
    edit(editor("Anne"), initiative, purpose="Rettet af Anne")

    versions = list(initiative.history.order_by("history_id"))
    assert (versions[0].purpose, versions[-1].purpose) == ("Som i kataloget", "Rettet af Anne")
    assert versions[-1].history_user.get_full_name() == "Anne Redaktør"


def test_the_history_page_shows_what_changed_between_versions():
    initiative = make_initiative(purpose="Skolen og politiet mødes hver uge.")
    client = editor()
    edit(client, initiative, purpose="Skolen og politiet mødes hver måned.")

    page = client.get(admin_url(initiative, "history")).content.decode()

    assert "Indhold og formål" in page
    assert "hver uge." in page and "hver måned." in page
    assert "Anne Redaktør" in page


def test_a_long_text_diff_marks_the_changed_words_and_keeps_the_rest_short():
    old = " ".join(f"ord{i}" for i in range(60)) + " <b>gammel</b> slutning"
    new = " ".join(f"ord{i}" for i in range(60)) + " <b>ny</b> slutning"

    old_html, new_html = word_diff(old, new)

    assert "<del>&lt;b&gt;gammel&lt;/b&gt;</del>" in old_html
    assert "<ins>&lt;b&gt;ny&lt;/b&gt;</ins>" in new_html
    assert "ord5 " not in new_html  # far from the change: shortened to "…"
    assert "ord59" in new_html


def test_restoring_an_earlier_version_brings_its_text_back_as_a_new_version():
    initiative = make_initiative(purpose="Som i kataloget")
    client = editor()
    edit(client, initiative, purpose="Forkert rettelse")
    first = initiative.history.earliest("history_id")

    page = client.get(restore_url(initiative, first)).content.decode()
    assert "Gendan denne version" in page
    before = initiative.history.count()
    response = restore(client, initiative, first)

    assert response.status_code == 302
    initiative.refresh_from_db()
    assert initiative.purpose == "Som i kataloget"
    assert initiative.history.count() == before + 1  # nothing is removed from the history
    latest = initiative.history.latest("history_id")
    assert latest.history_change_reason.startswith("Gendannet fra versionen fra")


def test_restoring_never_trips_the_edit_conflict_check():
    initiative = make_initiative(purpose="Som i kataloget")
    anne, bo = editor("Anne"), editor("Bo")
    edit(anne, initiative, purpose="Annes version")
    first = initiative.history.earliest("history_id")
    restore_page = form_data(anne.get(restore_url(initiative, first)))

    edit(bo, initiative, purpose="Bos version")  # saved while Anne looks at the old version
    response = anne.post(restore_url(initiative, first), restore_page)

    assert response.status_code == 302
    initiative.refresh_from_db()
    assert initiative.purpose == "Som i kataloget"


def test_an_editor_who_opened_the_entry_before_a_restore_is_told_it_changed():
    initiative = make_initiative(purpose="Som i kataloget")
    anne, bo = editor("Anne"), editor("Bo")
    edit(anne, initiative, purpose="Annes version")
    bo_form = form_data(bo.get(admin_url(initiative)))

    restore(anne, initiative, initiative.history.earliest("history_id"))
    bo_form["purpose"] = "Bos version"
    response = bo.post(admin_url(initiative), bo_form)

    assert response.status_code == 200
    assert "er blevet ændret" in response.content.decode()
    assert Initiative.objects.get(pk=initiative.pk).purpose == "Som i kataloget"


def test_a_deleted_experience_row_can_be_found_and_restored():
    initiative = make_initiative()
    organisation = make_organisation(short_name="Ishøj")
    make_experience(organisation, initiative, note="Erfaring fra 2022")
    client = editor()
    data = form_data(client.get(admin_url(initiative)))
    data["experiences-0-DELETE"] = "on"
    assert client.post(admin_url(initiative), data).status_code == 302
    assert not Experience.objects.exists()

    deleted_page = client.get(admin_url(Experience, "deleted")).content.decode()
    assert "Ishøj" in deleted_page
    record = Experience.history.get(history_type="-")
    response = restore(client, record.instance, record)

    assert response.status_code == 302
    restored = Experience.objects.get()
    assert (restored.organisation, restored.initiative, restored.note) == (
        organisation,
        initiative,
        "Erfaring fra 2022",
    )
    assert (
        "Ingen erfaringer er slettet"
        in client.get(admin_url(Experience, "deleted")).content.decode()
    )


def test_archiving_is_a_version_and_takes_the_entry_off_the_public_data():
    initiative = make_initiative(title="Synlig indsats")
    client = editor()
    response = client.post(
        admin_url(Initiative, "changelist"),
        {"action": "archive_selected", "_selected_action": [initiative.pk]},
    )

    assert response.status_code == 302
    initiative.refresh_from_db()
    assert initiative.status == Status.ARCHIVED
    assert initiative.history.latest("history_id").history_change_reason == "Arkiveret"
    titles = [i["title"] for i in katalog(client)["initiatives"]]
    assert "Synlig indsats" not in titles


def test_the_loaded_catalogue_is_the_first_version_of_every_row():
    call_command("load_catalogue", verbosity=0)

    for model in (Initiative, Method, Question, Experience, Source, ContactPoint):
        rows = model.objects.count()
        assert rows > 0
        assert model.history.filter(history_type="+").count() == rows, model.__name__
    method = Method.objects.get(slug="motiverende-samtaler")
    assert method.history.earliest("history_id").purpose == method.purpose


def test_the_history_of_a_contact_point_is_reachable_from_admin():
    contact = ContactPoint.objects.create(slug="k", unit="SSP", organisation=make_organisation())
    client = Client()
    client.force_login(make_user("Kontaktansvarlig"))

    response = client.get(reverse("admin:contacts_contactpoint_history", args=[contact.pk]))

    assert response.status_code == 200
    assert "Oprettet" in response.content.decode()

"""Links are versioned: a removed theme, source or tagged entry shows in the history and a
restore brings it back; one save is one version; loading a backup adds no versions."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client

from catalogue.models import DevelopmentInitiative, Initiative, Source
from contacts.models import ContactPoint
from tests.catalogue.admin_forms import admin_url, form_data
from tests.factories import make_contact, make_initiative, make_method, make_theme, make_user

pytestmark = pytest.mark.django_db


def editor(role: str = "Redaktør") -> Client:
    client = Client()
    client.force_login(make_user(role, first_name="Anne", last_name="Redaktør"))
    return client


def edit(client: Client, obj, **changes) -> None:
    data = form_data(client.get(admin_url(obj)))
    data.update(changes)
    response = client.post(admin_url(obj), data)
    assert response.status_code == 302, response.context["errors"]


def restore(client: Client, obj, record):
    url = admin_url(obj, "simple_history", obj.pk, record.history_id)
    return client.post(url, form_data(client.get(url)))


def test_removing_a_theme_by_mistake_shows_in_the_history_and_a_restore_brings_it_back():
    family, bridge = make_theme(name="Familie"), make_theme(name="Brobygning")
    initiative = make_initiative(themes=[family, bridge])
    before = initiative.history.latest("history_id")
    client = editor()

    edit(client, initiative, themes=[str(family.pk)])  # Brobygning unticked by mistake

    page = client.get(admin_url(initiative, "history")).content.decode()
    assert "Temaer" in page
    assert "<del>Brobygning</del>" in page
    response = restore(client, initiative, before)
    assert response.status_code == 302
    assert set(initiative.themes.all()) == {family, bridge}
    assert initiative.history.latest("history_id").history_change_reason.startswith("Gendannet")


def test_a_removed_source_comes_back_with_the_restored_version():
    source = Source.objects.create(slug="fodnote-7", number=7, text="Kilde syv")
    initiative = make_initiative(themes=[make_theme()])
    initiative.sources.add(source)
    with_source = initiative.history.latest("history_id")
    client = editor()
    edit(client, initiative, sources=[])
    assert not initiative.sources.exists()

    restore(client, initiative, with_source)

    assert list(initiative.sources.all()) == [source]


def test_a_contact_points_tagged_entries_are_versioned_and_restored():
    method = make_method(title="Motiverende samtaler")
    contact = make_contact(methods=[method])
    tagged = contact.history.latest("history_id")
    client = editor("Kontaktansvarlig")
    edit(client, contact, methods=[])

    page = client.get(admin_url(contact, "history")).content.decode()
    assert "<del>Motiverende samtaler</del>" in page
    restore(client, contact, tagged)

    assert list(contact.methods.all()) == [method]


def test_one_save_in_admin_is_one_version_holding_the_new_links():
    family, bridge = make_theme(name="Familie"), make_theme(name="Brobygning")
    initiative = make_initiative(themes=[family])
    versions = initiative.history.count()

    edit(editor(), initiative, purpose="Nyt formål", themes=[str(bridge.pk)])

    assert initiative.history.count() == versions + 1
    latest = initiative.history.latest("history_id")
    assert latest.purpose == "Nyt formål"
    assert [row.theme for row in latest.themes.all()] == [bridge]


def test_a_link_changed_from_the_other_side_is_a_version_of_the_entry():
    initiative = make_initiative(themes=[make_theme()])
    source = Source.objects.create(slug="fodnote-3", number=3, text="Kilde tre")
    source_versions = source.history.count()

    source.initiatives.add(initiative)

    assert source.history.count() == source_versions
    latest = initiative.history.latest("history_id")
    assert [row.source for row in latest.sources.all()] == [source]


def test_a_development_initiatives_organisations_are_versioned(django_user_model):
    from tests.factories import make_organisation

    albertslund = make_organisation(short_name="Albertslund")
    development = DevelopmentInitiative.objects.create(slug="u", title="U", description="T")
    development.organisations.add(albertslund)

    latest = development.history.latest("history_id")
    assert [row.organisation for row in latest.organisations.all()] == [albertslund]


def test_loading_a_backup_adds_no_versions(tmp_path):
    contact = make_contact(themes=[make_theme()], methods=[make_method()])
    dump = tmp_path / "backup.xml"
    call_command(
        "dumpdata", "catalogue", "contacts", "--format=xml", f"--output={dump}", verbosity=0
    )
    counts = (Initiative.history.count(), ContactPoint.history.count())
    link_rows = contact.history.latest("history_id").themes.count()

    call_command("loaddata", str(dump), verbosity=0, stdout=StringIO())

    assert (Initiative.history.count(), ContactPoint.history.count()) == counts
    assert contact.history.latest("history_id").themes.count() == link_rows == 1

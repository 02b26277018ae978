"""Editors keep terms, profiles and help sections in admin, with history; reloading never
overwrites their changes; the roles reach the new models through catalogue.roles."""

from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client

from catalogue.loading import load_all
from glossary.models import HelpSection, Profile, ProfileStatement, Term, TermDefinition
from tests.catalogue.admin_forms import admin_url, form_data
from tests.factories import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded(real_catalogue, db):
    """The real catalogue and glossary, loaded once for this module (tests/conftest.py)."""


def logged_in(role: str) -> Client:
    client = Client()
    client.force_login(make_user(role))
    return client


def test_loading_twice_creates_every_row_once(loaded):
    counts = (Term.objects.count(), TermDefinition.objects.count(), Profile.objects.count())
    report = load_all()
    assert not report.changed
    assert counts == (
        Term.objects.count(),
        TermDefinition.objects.count(),
        Profile.objects.count(),
    )
    assert counts[0] == 45 and Profile.objects.count() == 5
    assert HelpSection.objects.count() == 9
    assert Term.objects.get(slug="kredsraad").history.count() == 1  # the loaded first version


def test_a_redaktoer_edits_a_term_and_its_definition_and_both_are_versioned(loaded):
    client = logged_in("Redaktør")
    term = Term.objects.get(slug="yls-cmi")
    page = client.get(admin_url(term))
    assert page.status_code == 200
    data = form_data(page)
    data["name"] = "YLS/CMI (screening)"
    data["link_in_texts"] = ""
    data["definitions-0-section"] = "Fodnote 3"
    response = client.post(admin_url(term), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    term.refresh_from_db()
    assert term.name == "YLS/CMI (screening)" and term.link_in_texts is False
    assert term.history.count() == 2
    assert term.definitions.get().history.count() == 2


def test_reloading_never_overwrites_an_editors_change(loaded):
    term = Term.objects.get(slug="dke")
    term.expansion = "Ændret af redaktør"
    term.save()
    statement = ProfileStatement.objects.filter(profile__slug="viborg").first()
    statement.text = "Redaktørens tekst"
    statement.save()
    report = load_all()
    assert "term dke" in report.skipped
    term.refresh_from_db()
    statement.refresh_from_db()
    assert term.expansion == "Ændret af redaktør"
    # A changed child row makes its profile an editor's change as a whole.
    assert "profile viborg" in report.skipped
    assert statement.text == "Redaktørens tekst"


def test_setup_roles_gives_the_redaktoer_the_glossary_and_the_others_read_access():
    call_command("setup_roles", stdout=StringIO())
    perms = {
        g.name: set(g.permissions.values_list("codename", flat=True)) for g in Group.objects.all()
    }
    assert {"change_term", "add_term", "change_profile", "delete_termdefinition"} <= perms[
        "Redaktør"
    ]
    assert "delete_term" not in perms["Redaktør"]
    for role in ("Kontaktansvarlig", "Læser"):
        assert "view_term" in perms[role] and "change_term" not in perms[role]


def test_a_laeser_sees_a_profile_but_cannot_change_it(loaded):
    client = logged_in("Læser")
    profile = Profile.objects.get(slug="albertslund")
    page = client.get(admin_url(profile))
    assert page.status_code == 200
    data = form_data(page)
    client.post(admin_url(profile), data)
    assert profile.history.count() == 1


def test_the_help_section_change_page_opens_for_a_redaktoer(loaded):
    client = logged_in("Redaktør")
    section = HelpSection.objects.get(slug="ansoeg")
    assert client.get(admin_url(section)).status_code == 200
    assert client.get(admin_url(section, "history")).status_code == 200

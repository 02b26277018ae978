"""Roles: who may see, change and delete what in admin; the setup commands; login throttling."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.test import Client

from catalogue.models import Initiative, Organisation, Source
from contacts.models import ContactPoint, Phone
from tests.catalogue.admin_forms import admin_url, form_data
from tests.factories import (
    make_contact,
    make_initiative,
    make_organisation,
    make_theme,
    make_user,
)

pytestmark = pytest.mark.django_db
ROLES = ["Redaktør", "Kontaktansvarlig", "Læser"]


def logged_in(role: str) -> Client:
    client = Client()
    client.force_login(make_user(role))
    return client


def can_change(client: Client, obj, field: str, value: str) -> bool:
    """Saves ``field`` through the admin change page; True if it was saved."""
    page = client.get(admin_url(obj))
    if page.status_code != 200 or field not in page.context["adminform"].form.fields:
        return False
    data = form_data(page)
    data[field] = value
    client.post(admin_url(obj), data)
    obj.refresh_from_db()
    return getattr(obj, field) == value


def test_setup_roles_creates_the_three_roles_and_can_run_again():
    call_command("setup_roles", stdout=StringIO())
    first = {
        g.name: set(g.permissions.values_list("codename", flat=True)) for g in Group.objects.all()
    }
    call_command("setup_roles", stdout=StringIO())
    again = {
        g.name: set(g.permissions.values_list("codename", flat=True)) for g in Group.objects.all()
    }

    assert sorted(first) == sorted(ROLES)
    assert first == again


@pytest.mark.parametrize("role", ROLES)
def test_no_role_may_delete_an_entry_or_a_contact_point(role):
    user = make_user(role)
    for perm in ("delete_initiative", "delete_method", "delete_organisation", "delete_source"):
        assert not user.has_perm(f"catalogue.{perm}")
    assert not user.has_perm("contacts.delete_contactpoint")
    client = logged_in(role)
    initiative = make_initiative(themes=[make_theme()])
    assert client.post(admin_url(initiative, "delete"), {"post": "yes"}).status_code == 403
    assert Initiative.objects.filter(pk=initiative.pk).exists()


def test_redaktoer_edits_catalogue_entries_organisations_and_sources_but_not_contacts():
    client = logged_in("Redaktør")
    initiative = make_initiative(themes=[make_theme()])
    organisation = make_organisation()
    source = Source.objects.create(slug="fodnote-1", number=1, text="Kilde")
    contact = make_contact()

    assert can_change(client, initiative, "purpose", "Nyt formål")
    assert can_change(client, organisation, "name", "Nyt navn Kommune")
    assert can_change(client, source, "text", "Ny kildetekst")
    assert client.get(admin_url(contact)).status_code == 200  # may look
    assert not can_change(client, contact, "unit", "Ny enhed")
    assert client.get(admin_url(ContactPoint, "add")).status_code == 403


def test_redaktoer_may_delete_experience_rows_but_they_stay_in_the_history():
    user = make_user("Redaktør")
    assert user.has_perm("catalogue.delete_experience")
    assert user.has_perm("catalogue.delete_question")


def test_kontaktansvarlig_edits_contacts_only():
    client = logged_in("Kontaktansvarlig")
    contact = make_contact(phones=["43686959"])
    initiative = make_initiative(themes=[make_theme()])

    assert can_change(client, contact, "unit", "Ny enhed")
    assert client.get(admin_url(initiative)).status_code == 200  # may look
    assert not can_change(client, initiative, "title", "Ny titel")
    assert client.get(admin_url(Initiative, "add")).status_code == 403
    assert client.get(admin_url(Organisation, "add")).status_code == 403
    phone = Phone.objects.get()
    assert client.post(admin_url(phone, "delete"), {"post": "yes"}).status_code == 302
    assert not Phone.objects.exists()


def test_kontaktansvarlig_can_pick_an_organisation_with_autocomplete():
    client = logged_in("Kontaktansvarlig")
    make_organisation(name="Ishøj Kommune", short_name="Ishøj")

    response = client.get(
        "/admin/autocomplete/",
        {
            "term": "Ishøj",
            "app_label": "contacts",
            "model_name": "contactpoint",
            "field_name": "organisation",
        },
    )

    assert response.status_code == 200
    assert [r["text"] for r in response.json()["results"]] == ["Ishøj Kommune"]


def test_laeser_sees_everything_and_changes_nothing():
    client = logged_in("Læser")
    initiative = make_initiative(themes=[make_theme()])
    contact = make_contact()

    for url in (
        admin_url(Initiative, "changelist"),
        admin_url(initiative),
        admin_url(initiative, "history"),
        admin_url(contact),
    ):
        assert client.get(url).status_code == 200, url
    assert not can_change(client, initiative, "title", "Ny titel")
    assert not can_change(client, contact, "unit", "Ny enhed")
    assert client.get(admin_url(Initiative, "add")).status_code == 403
    changelist = client.get(admin_url(Initiative, "changelist")).content.decode()
    assert "archive_selected" not in changelist


def test_a_user_without_staff_status_cannot_open_admin():
    client = Client()
    client.force_login(make_user("Redaktør", is_staff=False))

    response = client.get(admin_url(Initiative, "changelist"))

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_create_first_admin_needs_all_three_environment_variables(monkeypatch):
    monkeypatch.setenv("ADMIN_USERNAME", "admin")
    monkeypatch.delenv("ADMIN_EMAIL", raising=False)
    monkeypatch.delenv("ADMIN_PASSWORD", raising=False)

    with pytest.raises(CommandError, match="ADMIN_EMAIL, ADMIN_PASSWORD"):
        call_command("create_first_admin", stdout=StringIO())
    assert not get_user_model().objects.exists()


def test_create_first_admin_creates_a_superuser_once_and_never_resets_the_password(monkeypatch):
    monkeypatch.setenv("ADMIN_USERNAME", "admin")
    monkeypatch.setenv("ADMIN_EMAIL", "admin@kommune.dk")
    monkeypatch.setenv("ADMIN_PASSWORD", "Vestegnen-2024-redaktion")
    call_command("create_first_admin", stdout=StringIO())

    monkeypatch.setenv("ADMIN_PASSWORD", "Et-helt-andet-kodeord-99")
    out = StringIO()
    call_command("create_first_admin", stdout=out)

    user = get_user_model().objects.get()
    assert user.is_superuser and user.is_staff and user.email == "admin@kommune.dk"
    assert user.check_password("Vestegnen-2024-redaktion")
    assert "findes allerede" in out.getvalue()


def test_create_first_admin_refuses_a_weak_password(monkeypatch):
    monkeypatch.setenv("ADMIN_USERNAME", "admin")
    monkeypatch.setenv("ADMIN_EMAIL", "admin@kommune.dk")
    monkeypatch.setenv("ADMIN_PASSWORD", "123")

    with pytest.raises(CommandError, match="for svag"):
        call_command("create_first_admin", stdout=StringIO())


def test_login_is_locked_after_repeated_wrong_passwords(settings):
    make_user("Redaktør", username="anne", password="Rigtigt-kodeord-2024")
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/admin/login/", {"username": "anne", "password": "forkert"})

    response = client.post(
        "/admin/login/", {"username": "anne", "password": "Rigtigt-kodeord-2024"}
    )

    assert response.status_code == 429
    assert "For mange mislykkede loginforsøg" in response.content.decode()


def test_login_works_with_the_right_password():
    make_user("Redaktør", username="bo", password="Rigtigt-kodeord-2024")
    client = Client()

    response = client.post(
        "/admin/login/?next=/admin/", {"username": "bo", "password": "Rigtigt-kodeord-2024"}
    )

    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_the_login_session_ends_when_the_browser_closes():
    make_user("Redaktør", username="carl", password="Rigtigt-kodeord-2024")
    client = Client()

    client.post("/admin/login/", {"username": "carl", "password": "Rigtigt-kodeord-2024"})

    cookie = client.cookies["sessionid"]
    assert cookie.value
    assert cookie["expires"] == "" and cookie["max-age"] == ""  # a browser-session cookie

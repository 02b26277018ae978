"""Editors moderate in admin: accept an experience (a history version), accept a correction
beside the entry's form, reject with a reason; the submitter gets a short answer."""

from __future__ import annotations

import pytest
from django.core import mail
from django.test import Client, TestCase

from catalogue.models import Experience, Initiative
from contacts.models import ContactPoint
from feedback.models import Submission
from tests.factories import (
    make_contact,
    make_initiative,
    make_organisation,
    make_theme,
    make_user,
)

pytestmark = pytest.mark.django_db


def editor(role="Redaktør", **fields) -> tuple[Client, object]:
    user = make_user(role, **fields)
    client = Client()
    client.force_login(user)
    return client, user


def submission(subject, *, kind=Submission.Kind.EXPERIENCE, **fields) -> Submission:
    key = {"initiative": "initiative", "organisation": "about_organisation"}.get(
        subject._meta.model_name, subject._meta.model_name
    )
    if isinstance(subject, ContactPoint):
        key = "contact"
    fields.setdefault("text", "Vi har gjort det i Testrup.")
    fields.setdefault("email", "laeser@testrup.dk")
    return Submission.objects.create(kind=kind, **{key: subject}, **fields)


def accept_url(s: Submission) -> str:
    return f"/admin/feedback/submission/{s.pk}/godkend/"


def reject_url(s: Submission) -> str:
    return f"/admin/feedback/submission/{s.pk}/afvis/"


def do(client: Client, method: str, url: str, data=None):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return getattr(client, method)(url, data or {})


def test_the_queue_lists_waiting_submissions_escaped():
    client, _ = editor()
    submission(make_initiative(title="Banderåd"), text="<script>alert(1)</script>")
    page = client.get("/admin/feedback/submission/?status__exact=new").content.decode()
    assert "Banderåd" in page
    detail = client.get(f"/admin/feedback/submission/{Submission.objects.get().pk}/change/")
    body = detail.content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "<script>alert(1)</script>" not in body
    assert "Godkend erfaring" in body and "Afvis" in body


def test_accepting_an_experience_adds_the_row_with_a_history_version_by_the_editor():
    client, user = editor(email="anne@example.dk", first_name="Anne")
    initiative = make_initiative(title="Banderåd")
    organisation = make_organisation(name="Testrup Kommune", short_name="Testrup")
    s = submission(initiative, organisation_name="Testrup Kommune")

    page = client.get(accept_url(s)).content.decode()
    assert "Vi har gjort det i Testrup." in page
    response = do(client, "post", accept_url(s), {"organisation": organisation.pk, "note": ""})

    assert response.status_code == 302
    experience = Experience.objects.get(initiative=initiative, organisation=organisation)
    version = experience.history.get()
    assert version.history_user == user
    assert "bidrag nr." in version.history_change_reason
    s.refresh_from_db()
    assert (s.status, s.decided_by) == (Submission.Status.ACCEPTED, user)
    public = Client().get(initiative.get_absolute_url()).content.decode()
    assert "Testrup Kommune" in public
    assert [m.to for m in mail.outbox] == [["laeser@testrup.dk"]]
    assert "godkendt" in mail.outbox[0].body


def test_an_experience_already_listed_is_not_added_twice():
    client, _ = editor()
    initiative = make_initiative()
    organisation = make_organisation()
    Experience.objects.create(initiative=initiative, organisation=organisation)
    s = submission(initiative, organisation=organisation)
    response = client.post(accept_url(s), {"organisation": organisation.pk})
    assert "står allerede som erfaren" in response.content.decode()
    assert Experience.objects.count() == 1
    s.refresh_from_db()
    assert s.status == Submission.Status.NEW


def test_rejecting_needs_a_reason_and_tells_the_submitter():
    client, user = editor()
    initiative = make_initiative()
    s = submission(initiative)

    response = client.post(reject_url(s), {"reason": ""})
    assert response.status_code == 200
    s.refresh_from_db()
    assert s.status == Submission.Status.NEW

    do(client, "post", reject_url(s), {"reason": "Det passer ikke med kilden."})
    s.refresh_from_db()
    assert (s.status, s.decided_by, s.reason) == (
        Submission.Status.REJECTED,
        user,
        "Det passer ikke med kilden.",
    )
    assert "Det passer ikke med kilden." in mail.outbox[0].body
    assert Experience.objects.count() == 0
    assert "Vi har gjort det" not in Client().get(initiative.get_absolute_url()).content.decode()


def test_a_decided_submission_cannot_be_decided_again():
    client, _ = editor()
    s = submission(make_initiative(), status=Submission.Status.REJECTED, reason="Nej")
    response = client.post(accept_url(s), {"organisation": make_organisation().pk})
    assert response.status_code == 302
    assert Experience.objects.count() == 0


def test_no_answer_is_mailed_without_an_address():
    client, _ = editor()
    s = submission(make_initiative(), email="")
    do(client, "post", reject_url(s), {"reason": "Nej tak."})
    assert mail.outbox == []


def test_accepting_a_correction_opens_the_entry_with_the_suggestion_beside_it():
    client, user = editor(first_name="Bo")
    initiative = make_initiative(title="Banderåd", purpose="Gammel tekst.", themes=[make_theme()])
    s = submission(initiative, kind=Submission.Kind.CORRECTION, text="Skriv <b>ny</b> tekst.")

    response = client.get(accept_url(s))
    url = f"/admin/catalogue/initiative/{initiative.pk}/change/?forslag={s.pk}"
    assert response["Location"] == url
    page = client.get(url)
    body = page.content.decode()
    assert "Skriv &lt;b&gt;ny&lt;/b&gt; tekst." in body
    assert "Rettelse fra en læser" in body

    from tests.catalogue.admin_forms import form_data

    data = form_data(page)
    data["purpose"] = "Ny tekst."
    saved = do(client, "post", url, data)
    assert saved.status_code == 302
    initiative.refresh_from_db()
    assert initiative.purpose == "Ny tekst."
    version = Initiative.history.filter(id=initiative.pk).latest("history_id")
    assert version.history_user == user
    assert version.history_change_reason == f"Rettelse fra læser godkendt (bidrag nr. {s.pk})"
    s.refresh_from_db()
    assert (s.status, s.decided_by) == (Submission.Status.ACCEPTED, user)
    assert len(mail.outbox) == 1


def test_the_suggestion_is_not_shown_for_another_entry():
    client, _ = editor()
    s = submission(make_initiative(), kind=Submission.Kind.CORRECTION, text="Forslaget")
    other = make_initiative()
    body = client.get(
        f"/admin/catalogue/initiative/{other.pk}/change/?forslag={s.pk}"
    ).content.decode()
    assert "Forslaget" not in body


def test_a_contact_change_opens_the_contact_point_with_the_suggestion():
    client, _ = editor("Kontaktansvarlig")
    contact = make_contact(emails=["ssp@testrup.dk"])
    s = submission(contact, kind=Submission.Kind.CONTACT, text="Nyt nummer: 43 00 00 00")
    response = client.get(accept_url(s))
    assert response["Location"].startswith(f"/admin/contacts/contactpoint/{contact.pk}/change/")
    assert "Nyt nummer" in client.get(response["Location"]).content.decode()


def test_a_reader_role_cannot_moderate():
    client, _ = editor("Læser")
    s = submission(make_initiative())
    assert client.post(reject_url(s), {"reason": "Nej"}).status_code == 403
    s.refresh_from_db()
    assert s.status == Submission.Status.NEW


def test_editors_see_on_the_admin_front_page_what_waits():
    client, _ = editor()
    submission(make_initiative())
    make_contact(emails=["a@testrup.dk"])
    page = client.get("/admin/").content.decode()
    assert "Venter på redaktionen" in page
    assert "?status__exact=new" in page and "venter: 1" in page
    assert "?bekraeftet=over-et-aar" in page

"""``send_contact_confirmations``: who is due, never twice, dry run, a failing mail server."""

from __future__ import annotations

import datetime
from io import StringIO
from unittest import mock

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import timezone

from catalogue.models import Status
from feedback.models import ConfirmationRequest
from tests.factories import make_contact, make_user

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    out = StringIO()
    call_command("send_contact_confirmations", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


@pytest.fixture
def contacts():
    today = timezone.localdate()
    return {
        "due": make_contact(unit="Ballerup SSP", emails=["ssp@ballerup.dk", "b@ballerup.dk"]),
        "also_due": make_contact(
            unit="Ishøj SSP",
            emails=["ssp@ishoj.dk"],
            confirmed_on=today.replace(year=today.year - 2),
        ),
        "no_email": make_contact(unit="Kun Sikker Post", secure_mail=True),
        "draft": make_contact(unit="Kladde", emails=["k@x.dk"], status=Status.DRAFT),
        "recent": make_contact(
            unit="Nyligt bekræftet",
            emails=["n@x.dk"],
            confirmed_on=today - datetime.timedelta(days=30),
        ),
    }


def test_it_sends_each_due_contact_one_signed_link(contacts):
    output = run()
    assert sorted(m.to[0] for m in mail.outbox) == ["ssp@ballerup.dk", "ssp@ishoj.dk"]
    assert "2 sendt, 0 fejlede." in output
    rows = ConfirmationRequest.objects.all()
    assert {r.contact for r in rows} == {contacts["due"], contacts["also_due"]}
    assert all(r.sent_at for r in rows)
    body = next(m.body for m in mail.outbox if m.to == ["ssp@ballerup.dk"])
    link = next(line for line in body.splitlines() if "/bidrag/kontakt/" in line)
    path = link.split("://", 1)[1].split("/", 1)[1]
    assert Client().get(f"/{path}").status_code == 200


def test_it_never_sends_twice_within_the_interval(contacts):
    run()
    mail.outbox.clear()
    output = run()
    assert mail.outbox == [] and "0 sendt" in output
    assert ConfirmationRequest.objects.count() == 2


def test_a_year_later_the_unanswered_are_asked_again(contacts):
    run()
    ConfirmationRequest.objects.update(sent_at=timezone.now() - datetime.timedelta(days=366))
    mail.outbox.clear()
    run()
    assert len(mail.outbox) == 2


def test_the_dry_run_lists_who_is_due_and_sends_nothing(contacts):
    output = run("--dry-run")
    assert "Ballerup SSP" in output and "Ishøj SSP" in output and "Kladde" not in output
    assert "2 står for tur" in output
    assert mail.outbox == [] and ConfirmationRequest.objects.count() == 0


def test_a_failing_mail_server_loses_track_of_nothing(contacts):
    from feedback import notifications

    real = notifications.send_confirmation

    def flaky(request, token):
        if request.email == "ssp@ballerup.dk":
            raise ConnectionRefusedError("mailserveren svarer ikke")
        return real(request, token)

    with mock.patch.object(notifications, "send_confirmation", side_effect=flaky):
        with pytest.raises(CommandError, match="1 kunne ikke sendes"):
            run()
    assert [m.to for m in mail.outbox] == [["ssp@ishoj.dk"]]  # the others continued
    failed = ConfirmationRequest.objects.get(email="ssp@ballerup.dk")
    assert failed.sent_at is None and "svarer ikke" in failed.error

    mail.outbox.clear()
    run()  # the next run tries the failed one again, and only that one
    assert [m.to for m in mail.outbox] == [["ssp@ballerup.dk"]]


def test_editors_see_who_has_not_answered(contacts):
    run()
    ConfirmationRequest.objects.filter(contact=contacts["due"]).update(
        answered_at=timezone.now(), answer="confirmed"
    )
    client = Client()
    client.force_login(make_user("Redaktør"))
    page = client.get("/admin/feedback/confirmationrequest/?svar=mangler").content.decode()
    assert "Ishøj SSP" in page and "Ballerup SSP" not in page

"""``purge_feedback`` deletes submitted personal data 90 days after the decision, and nothing
else."""

from __future__ import annotations

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from catalogue.models import Experience
from feedback.models import Submission
from tests.factories import make_experience, make_initiative, make_organisation

pytestmark = pytest.mark.django_db


def make(days_since_decision: int | None, **fields) -> Submission:
    now = timezone.now()
    status = Submission.Status.NEW if days_since_decision is None else Submission.Status.ACCEPTED
    decided = None if days_since_decision is None else now - datetime.timedelta(days_since_decision)
    return Submission.objects.create(
        kind=Submission.Kind.EXPERIENCE,
        initiative=make_initiative(),
        text="Tekst",
        email="laeser@testrup.dk",
        status=fields.pop("status", status),
        decided_at=decided,
        **fields,
    )


def test_it_deletes_what_is_due_and_nothing_else():
    due = [make(91), make(400, status=Submission.Status.REJECTED, reason="Nej")]
    keep = [make(89), make(None)]
    old_waiting = make(None)
    Submission.objects.filter(pk=old_waiting.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=1000)
    )
    experience = make_experience(make_organisation(), make_initiative())

    out = StringIO()
    call_command("purge_feedback", stdout=out)

    remaining = set(Submission.objects.values_list("pk", flat=True))
    assert remaining == {s.pk for s in keep} | {old_waiting.pk}
    assert not remaining & {s.pk for s in due}
    assert Experience.objects.filter(pk=experience.pk).exists()
    assert "2 bidrag" in out.getvalue()


def test_the_dry_run_deletes_nothing():
    make(91)
    out = StringIO()
    call_command("purge_feedback", "--dry-run", stdout=out)
    assert Submission.objects.count() == 1 and "1 bidrag" in out.getvalue()

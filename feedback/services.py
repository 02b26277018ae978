"""Writes with rules: storing a submission, the editors' decisions, contact confirmations,
the yearly send and the deletion of personal data."""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from catalogue import services as catalogue_services
from contacts.models import ContactPoint

from . import notifications, selectors, tokens
from .models import ConfirmationRequest, Submission

log = logging.getLogger(__name__)


def submit(*, kind: str, subject, data: dict) -> Submission:
    """Store a reader's submission (waiting for an editor) and tell the editors."""
    submission = Submission(
        kind=kind,
        organisation=data.get("organisation"),
        organisation_name=(data.get("organisation_name") or "").strip(),
        text=data["text"].strip(),
        remark=(data.get("remark") or "").strip(),
        email=data.get("email") or "",
    )
    key = {
        "initiative": "initiative",
        "method": "method",
        "organisation": "about_organisation",
        "contactpoint": "contact",
    }[subject._meta.model_name]
    setattr(submission, key, subject)
    submission.full_clean()
    submission.save()
    transaction.on_commit(lambda: notifications.notify_editors(submission))
    return submission


def _decide(submission: Submission, *, status: str, user, reason: str = "") -> None:
    submission.status = status
    submission.decided_at = timezone.now()
    submission.decided_by = user
    submission.reason = reason
    submission.save(update_fields=["status", "decided_at", "decided_by", "reason"])
    transaction.on_commit(lambda: notifications.answer_submitter(submission))


def _waiting(submission: Submission) -> Submission:
    locked = Submission.objects.select_for_update().get(pk=submission.pk)
    if locked.status != Submission.Status.NEW:
        raise ValidationError("Bidraget er allerede behandlet.")
    return locked


def accept_experience(*, submission: Submission, organisation, note: str = "", user):
    """Add the experience row the reader reported (a history version by ``user``)."""
    if submission.kind != Submission.Kind.EXPERIENCE or submission.entry is None:
        raise ValidationError("Kun erfaringer med en indsats eller metode kan godkendes sådan.")
    with transaction.atomic():
        locked = _waiting(submission)
        experience = catalogue_services.add_experience(
            organisation=organisation,
            entry=submission.entry,
            note=note,
            user=user,
            reason=f"Erfaring fra læser godkendt (bidrag nr. {submission.pk})",
        )
        _decide(locked, status=Submission.Status.ACCEPTED, user=user)
    return experience


def mark_accepted(*, submission: Submission, user) -> None:
    """A correction the editor has worked into the entry (saved as its own version)."""
    with transaction.atomic():
        _decide(_waiting(submission), status=Submission.Status.ACCEPTED, user=user)


def reject(*, submission: Submission, reason: str, user) -> None:
    if not reason.strip():
        raise ValidationError("Skriv en kort begrundelse.")
    with transaction.atomic():
        _decide(
            _waiting(submission),
            status=Submission.Status.REJECTED,
            user=user,
            reason=reason.strip(),
        )


# ------------------------------------------------------------------- contact confirmation


def confirm_contact(*, token: str) -> ContactPoint:
    """The contact says its details are right: today's date, as a history version."""
    with transaction.atomic():
        request = tokens.request_for_token(token, for_update=True)
        contact = request.contact
        contact.confirmed_on = timezone.localdate()
        contact._change_reason = "Bekræftet af kontakten selv (årligt link)"
        contact.save()
        request.answered_at = timezone.now()
        request.answer = ConfirmationRequest.Answer.CONFIRMED
        request.save(update_fields=["answered_at", "answer"])
    return contact


def report_contact_change(*, token: str, data: dict) -> Submission:
    """The contact says something has changed: a submission for the moderation queue."""
    with transaction.atomic():
        request = tokens.request_for_token(token, for_update=True)
        submission = submit(kind=Submission.Kind.CONTACT, subject=request.contact, data=data)
        request.answered_at = timezone.now()
        request.answer = ConfirmationRequest.Answer.CHANGED
        request.save(update_fields=["answered_at", "answer"])
    return submission


@dataclass
class SendResult:
    sent: list[ContactPoint] = field(default_factory=list)
    failed: list[tuple[ContactPoint, str]] = field(default_factory=list)
    due: list[tuple[ContactPoint, str]] = field(default_factory=list)


def send_confirmations(*, dry_run: bool = False, limit: int | None = None) -> SendResult:
    """Send each due contact point its yearly link; one log row per attempt.

    A row is written before the mail goes out and marked sent only when the mail server
    accepted it; a failure is marked failed (not sent, so the next run tries again) and the
    others continue.
    """
    result = SendResult()
    for contact, address in selectors.contacts_due_for_confirmation(limit=limit):
        result.due.append((contact, address))
        if dry_run:
            continue
        request = ConfirmationRequest.objects.create(contact=contact, email=address)
        try:
            notifications.send_confirmation(request, tokens.make_token(request))
        except Exception as error:  # the mail server: log it, keep going
            request.failed_at = timezone.now()
            request.error = f"{type(error).__name__}: {error}"[:300]
            request.save(update_fields=["failed_at", "error"])
            log.warning("confirmation to contact %s failed: %s", contact.pk, request.error)
            result.failed.append((contact, request.error))
            continue
        request.sent_at = timezone.now()
        request.save(update_fields=["sent_at"])
        result.sent.append(contact)
    return result


# ------------------------------------------------------------------------------ retention


def purge_personal_data(*, now: datetime.datetime | None = None, dry_run: bool = False) -> int:
    """Delete submissions decided more than FEEDBACK_RETENTION_DAYS ago; returns how many.

    The submission is the only place a reader's e-mail and text are kept; what an editor
    accepted lives on in the catalogue (and its history) in the editor's words.
    """
    now = now or timezone.now()
    before = now - datetime.timedelta(days=settings.FEEDBACK_RETENTION_DAYS)
    due = Submission.objects.due_for_deletion(before=before)
    if dry_run:
        return due.count()
    deleted, _ = due.delete()
    return deleted

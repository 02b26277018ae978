"""The short e-mails: to editors when something waits, to a submitter with the decision, and
to a contact point with its yearly confirmation link. Plain text only."""

from __future__ import annotations

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db.models import Q
from django.urls import reverse

from .models import ConfirmationRequest, Submission

log = logging.getLogger(__name__)


def site_url(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def editor_addresses() -> list[str]:
    """Active editors who may moderate (by role or as superuser), plus FEEDBACK_NOTIFY_EMAILS."""
    users = (
        get_user_model()
        .objects.filter(is_active=True, is_staff=True)
        .exclude(email="")
        .filter(
            Q(is_superuser=True)
            | Q(groups__permissions__codename="change_submission")
            | Q(user_permissions__codename="change_submission")
        )
        .distinct()
    )
    addresses = [u.email for u in users] + list(settings.FEEDBACK_NOTIFY_EMAILS)
    return sorted(set(addresses))


def notify_editors(submission: Submission) -> None:
    """Tell the editors something waits; a mail error is logged, never shown to the reader."""
    recipients = editor_addresses()
    if not recipients:
        return
    queue = site_url(reverse("admin:feedback_submission_changelist") + "?status__exact=new")
    body = (
        f"Et nyt bidrag venter i Idekatalog ({submission.get_kind_display().lower()} om "
        f"»{submission.subject}«).\n\nSe og behandl det her:\n{queue}\n"
    )
    try:
        send_mail("Idekatalog: nyt bidrag venter", body, None, recipients)
    except Exception:
        log.exception("could not tell the editors about submission %s", submission.pk)


def answer_submitter(submission: Submission) -> None:
    """A short answer to the submitter, if they gave an address."""
    if not submission.email:
        return
    if submission.status == Submission.Status.ACCEPTED:
        body = (
            f"Tak for dit bidrag om »{submission.subject}« til Idekatalog. Redaktionen har "
            "godkendt det, og kataloget er opdateret.\n"
        )
    else:
        reason = f"\n\nBegrundelse: {submission.reason}\n" if submission.reason else "\n"
        body = (
            f"Tak for dit bidrag om »{submission.subject}« til Idekatalog. Redaktionen har "
            f"valgt ikke at bruge det.{reason}"
        )
    body += "\nDin e-mailadresse slettes senest 90 dage efter denne besked.\n"
    try:
        send_mail("Idekatalog: dit bidrag er behandlet", body, None, [submission.email])
    except Exception:
        log.exception("could not answer the submitter of submission %s", submission.pk)


def send_confirmation(request: ConfirmationRequest, token: str) -> None:
    """The yearly message; raises if the mail server fails (the caller records it)."""
    contact = request.contact
    link = site_url(reverse("feedback:confirm", args=[token]))
    body = (
        f"Kære {contact.organisation.name}, {contact.unit}\n\n"
        "I står som kontakt i Idekatalog til forebyggelse af rekruttering til rocker- og "
        "bandemiljøer, så andre kommuner kan ringe til jer om jeres erfaringer.\n\n"
        "Vil I bekræfte, at jeres kontaktoplysninger stadig er rigtige? Åbn linket, og vælg "
        "»Oplysningerne er stadig rigtige« eller »Noget er ændret«:\n\n"
        f"{link}\n\n"
        f"Linket virker én gang og i {settings.CONTACT_CONFIRMATION_LINK_DAYS} dage.\n"
    )
    send_mail(
        "Idekatalog: er jeres kontaktoplysninger stadig rigtige?",
        body,
        None,
        [request.email],
    )

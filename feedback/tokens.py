"""Signed, expiring one-click links for a contact point's yearly confirmation.

A token is ``<request id>:<timestamp>:<signature>`` made with Django's TimestampSigner. The salt
binds the contact point's id and the request's id, so a token can't be forged, changed to
another request, or used for another contact; ``max_age`` makes it expire; the request row's
``answered_at`` makes it work once.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core import signing

from .models import ConfirmationRequest


class LinkProblem(Exception):
    """Why a confirmation link can't be used (Danish), and the HTTP status to answer with."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


def _signer(contact_id: int, request_id: int) -> signing.TimestampSigner:
    return signing.TimestampSigner(salt=f"feedback.confirm:{contact_id}:{request_id}")


def make_token(request: ConfirmationRequest) -> str:
    return _signer(request.contact_id, request.pk).sign(str(request.pk))


def max_age() -> datetime.timedelta:
    return datetime.timedelta(days=settings.CONTACT_CONFIRMATION_LINK_DAYS)


def request_for_token(token: str, *, for_update: bool = False) -> ConfirmationRequest:
    """The unanswered request the token was made for; raises LinkProblem otherwise."""
    request_id = token.split(":", 1)[0]
    if not request_id.isdigit() or len(request_id) > 18:
        raise LinkProblem("Linket findes ikke. Tjek, at hele linket fra e-mailen er med.", 404)
    objects = ConfirmationRequest.objects.select_related("contact__organisation")
    if for_update:
        objects = objects.select_for_update()
    request = objects.filter(pk=int(request_id), sent_at__isnull=False).first()
    if request is None:
        raise LinkProblem("Linket findes ikke. Tjek, at hele linket fra e-mailen er med.", 404)
    try:
        _signer(request.contact_id, request.pk).unsign(token, max_age=max_age())
    except signing.SignatureExpired:
        raise LinkProblem(
            "Linket er udløbet. Skriv til redaktionen, eller vent på næste års e-mail.", 410
        ) from None
    except signing.BadSignature:
        raise LinkProblem(
            "Linket findes ikke. Tjek, at hele linket fra e-mailen er med.", 404
        ) from None
    if request.answered_at is not None:
        raise LinkProblem("Linket er allerede brugt. Tak for svaret.", 410)
    return request

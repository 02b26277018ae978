"""Reads spanning models: what is due for confirmation, who hasn't answered."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db.models import Exists, OuterRef, Prefetch
from django.utils import timezone

from catalogue.models import Status
from contacts.models import ContactPoint, Email

from .models import ConfirmationRequest


def contacts_due_for_confirmation(
    *, now: datetime.datetime | None = None, limit: int | None = None
) -> list[tuple[ContactPoint, str]]:
    """Published contact points with an e-mail that were neither sent a request nor confirmed
    within the interval, each with the address to write to (their first e-mail)."""
    now = now or timezone.now()
    interval = datetime.timedelta(days=settings.CONTACT_CONFIRMATION_INTERVAL_DAYS)
    recent = ConfirmationRequest.objects.filter(contact=OuterRef("pk"), sent_at__gte=now - interval)
    contacts = (
        ContactPoint.objects.filter(status=Status.PUBLISHED)
        .filter(Exists(Email.objects.filter(contact=OuterRef("pk"))))
        .filter(~Exists(recent))
        .not_confirmed_since(interval.days, today=timezone.localdate(now))
        .select_related("organisation")
        .prefetch_related(Prefetch("emails", queryset=Email.objects.order_by("order", "pk")))
        .order_by("pk")
    )
    if limit is not None:
        contacts = contacts[:limit]
    return [(contact, contact.emails.all()[0].address) for contact in contacts]

"""Writes with rules for contact points: validate everything first, then save all or nothing.

Phones and e-mails are replaced as a whole list (the order typed is kept). Rows are saved one by
one so the history (django-simple-history) records every change.
"""

from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import transaction

from catalogue.models import Organisation
from catalogue.services import one_version

from .models import ContactPoint, Email, Phone
from .validators import normalise_email, normalise_phone


def _clean_list(values: Sequence[str], normalise, field: str) -> list[str]:
    """Normalise each non-blank value; collect every error; drop duplicates (first wins)."""
    cleaned: list[str] = []
    errors: list[ValidationError] = []
    for value in values:
        if not (value or "").strip():
            continue
        try:
            item = normalise(value)
        except ValidationError as error:
            errors.append(error)
            continue
        if item.lower() not in (c.lower() for c in cleaned):
            cleaned.append(item)
    if errors:
        raise ValidationError({field: errors})
    return cleaned


def save_contact(
    *,
    contact: ContactPoint | None = None,
    organisation: Organisation,
    slug: str,
    unit: str,
    phones: Sequence[str] = (),
    emails: Sequence[str] = (),
    person_name: str = "",
    secure_mail: bool = False,
    website: str = "",
    experience_tags: Sequence[str] = (),
) -> ContactPoint:
    """Create (``contact=None``) or update a contact point with its phones and e-mails.

    Raises ValidationError with Danish messages per field (``phones``, ``emails`` and the
    model's own fields) before anything is written; nothing is half-saved.
    """
    contact = contact or ContactPoint()
    contact.organisation = organisation
    contact.slug = slug
    contact.unit = unit.strip()
    contact.person_name = person_name.strip()
    contact.secure_mail = secure_mail
    contact.website = website.strip()
    contact.experience_tags = [tag.strip() for tag in experience_tags if tag.strip()]

    errors: dict[str, list] = {}
    cleaned: dict[str, list[str]] = {}
    for name, values, normalise in (
        ("phones", phones, normalise_phone),
        ("emails", emails, normalise_email),
    ):
        try:
            cleaned[name] = _clean_list(values, normalise, name)
        except ValidationError as error:
            errors.update(error.message_dict)
    try:
        contact.full_clean()
    except ValidationError as error:
        errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)

    with transaction.atomic(), one_version(contact):
        contact.save()
        for row in contact.phones.all():
            row.delete()
        for row in contact.emails.all():
            row.delete()
        for order, number in enumerate(cleaned["phones"], start=1):
            Phone.objects.create(contact=contact, number=number, order=order)
        for order, address in enumerate(cleaned["emails"], start=1):
            Email.objects.create(contact=contact, address=address, order=order)
    return contact

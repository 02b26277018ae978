"""The ``contacts`` section of ``/data/katalog.json``, added through
``catalogue.serializers.register_section`` from ``ContactsConfig.ready()``.

The shape is part of the published interface (README, "Interfaces"; ``katalog.schema.json``);
``tests/catalogue/test_katalog_json.py`` pins it.
"""

from collections.abc import Iterator
from typing import Any

from catalogue.serializers import CHUNK

from .models import ContactPoint


def contact_to_dict(contact: ContactPoint) -> dict[str, Any]:
    org = contact.organisation
    return {
        "organisation": org.short_name,
        "unit": contact.unit,
        "region": org.region,
        "phones": [phone.number for phone in contact.phones.all()],
        "emails": [email.address for email in contact.emails.all()],
        "secure_mail": contact.secure_mail,
        "website": contact.website,
        "experience_tags": list(contact.experience_tags),
    }


def contact_items() -> Iterator[dict[str, Any]]:
    """Published contact points in catalogue order; three queries per chunk of rows."""
    contacts = ContactPoint.objects.published().for_export().order_by("order", "pk")
    return (contact_to_dict(c) for c in contacts.iterator(chunk_size=CHUNK))

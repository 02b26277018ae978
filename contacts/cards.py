"""The contact points' card on an organisation's page (``catalogue.pagecards``).

Registered from ``ContactsConfig.ready()``; the catalogue's page never names contacts. The card
reuses the directory's contact card (``templates/contacts/contact_card.html``).
"""

from typing import Any

from catalogue.models import Organisation

from .models import ContactPoint
from .selectors import Tag, directory_url

TEMPLATE = "contacts/organisation_card.html"
POSITION = 0  # first on the page: whom to call


def organisation_card(organisation: Organisation) -> dict[str, Any]:
    """The organisation's published contact points, phones and e-mails (three queries).

    Always shown: an organisation without contact points says so and links to the directory.
    The experience tags are shown as printed (no links: that would cost three more queries).
    """
    contacts = list(
        ContactPoint.objects.published()
        .filter(organisation=organisation)
        .for_export()
        .order_by("order", "pk")
    )
    for contact in contacts:
        contact.experience = [Tag(text) for text in contact.experience_tags]
    return {
        "organisation": organisation,
        "contacts": contacts,
        "directory_url": directory_url([("organisation", organisation.slug)]),
    }

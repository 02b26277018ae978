"""Contact points as search documents ("Kontakt"), registered from ContactsConfig.ready()."""

from django.db.models import QuerySet

from catalogue.models import Organisation
from catalogue.search.registry import Document, HitLink, add_dependents, register

from .models import ContactPoint
from .validators import format_phone, phone_uri


def contacts() -> QuerySet:
    return ContactPoint.objects.published().select_related("organisation")


def contact_document(contact: ContactPoint) -> Document:
    org = contact.organisation
    return Document(
        title=f"{org.short_name}: {contact.unit}",
        # The title already names the organisation: repeating it would rank a municipality's
        # contacts above the municipality itself.
        row=[contact.person_name, *(contact.experience_tags or [])],
        order=contact.order,
        owner=org.short_name,  # "Ishøj SSP" puts Ishøj's contact points right after Ishøj
    )


def contact_links(contact: ContactPoint) -> list[HitLink]:
    """Each phone number as a tap-to-call link (phones prefetched by the search)."""
    return [
        HitLink(
            text=f"Ring {format_phone(phone.number)}",
            href=phone_uri(phone.number),
            # starts with the visible text (WCAG 2.5.3, label in name)
            label=f"Ring {format_phone(phone.number)} til {contact.organisation.short_name}, "
            f"{contact.unit}",
        )
        for phone in contact.phones.all()
    ]


def register_search() -> None:
    register(
        "Kontakt",
        queryset=contacts,
        document=contact_document,
        position=5,
        links=contact_links,
        links_prefetch=("phones",),
    )
    add_dependents(Organisation, lambda org: org.contact_points.all())

"""Contact points as search documents ("Kontakt"), registered from ContactsConfig.ready()."""

from django.db.models import QuerySet

from catalogue.models import Organisation
from catalogue.search.registry import Document, add_dependents, register

from .models import ContactPoint


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
    )


def register_search() -> None:
    register("Kontakt", queryset=contacts, document=contact_document, position=5)
    add_dependents(Organisation, lambda org: org.contact_points.all())

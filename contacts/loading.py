"""The contact points' part of ``load_catalogue`` (fixtures/contacts.toml)."""

from catalogue import models as cm
from catalogue.loading import Child, Kind

from .models import ContactPoint

CONTACT = Kind(
    "contact",
    "contacts",
    ContactPoint,
    (
        "unit",
        "person_name",
        "secure_mail",
        "website",
        "contact_text",
        "experience_tags",
        "order",
        "editor_note",
    ),
    fks={"organisation": cm.Organisation},
    m2m={"themes": cm.Theme, "initiatives": cm.Initiative, "methods": cm.Method},
    children=(
        Child("phones", "phones", ("number",), "contact", scalar=True),
        Child("emails", "emails", ("address",), "contact", scalar=True),
    ),
)

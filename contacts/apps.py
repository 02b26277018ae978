from django.apps import AppConfig


class ContactsConfig(AppConfig):
    """The directory of contact points. It plugs into the catalogue through the catalogue's
    registries, so the catalogue never imports this app nor names its models or URLs."""

    name = "contacts"
    verbose_name = "Kontakter"

    def ready(self) -> None:
        from catalogue import links, pagecards, roles, serializers
        from catalogue.loading import register

        from . import cards
        from .loading import CONTACT
        from .search import register_search
        from .selectors import directory_url
        from .serializers import contact_items

        register(CONTACT)  # load_catalogue: fixtures/contacts.toml
        links.register_directory(directory_url)  # entries' "Kontakt kommuner med erfaring"
        register_search()  # "Kontakt" hits
        serializers.register_section("contacts", contact_items)  # katalog.json
        pagecards.register_organisation_card(
            cards.TEMPLATE, context=cards.organisation_card, position=cards.POSITION
        )

        contact = ["contacts.contactpoint"]  # archived, never deleted (like entries)
        rows = ["contacts.phone", "contacts.email"]
        roles.add_permissions("Redaktør", dict.fromkeys(contact + rows, ("view",)))
        roles.add_permissions(
            "Kontaktansvarlig",
            {**dict.fromkeys(contact, roles.EDIT), **dict.fromkeys(rows, roles.ROWS)},
        )
        roles.add_permissions("Læser", dict.fromkeys(contact + rows, ("view",)))

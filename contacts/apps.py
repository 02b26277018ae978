from django.apps import AppConfig


class ContactsConfig(AppConfig):
    name = "contacts"
    verbose_name = "Kontakter"

    def ready(self) -> None:
        from catalogue.loading import register

        from .loading import CONTACT

        register(CONTACT)

        from .search import register_search

        register_search()

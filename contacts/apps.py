from django.apps import AppConfig


class ContactsConfig(AppConfig):
    name = "contacts"
    verbose_name = "Kontakter"

    def ready(self) -> None:
        from catalogue.loading import register

        from .loading import CONTACT

        register(CONTACT)

        from catalogue.links import register_directory

        from .selectors import directory_url

        register_directory(directory_url)

        from .search import register_search

        register_search()

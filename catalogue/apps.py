from django.apps import AppConfig


class CatalogueConfig(AppConfig):
    name = "catalogue"
    verbose_name = "Katalog"

    def ready(self) -> None:
        from .models import SearchDocument
        from .revision import track

        # Rebuilding the search index changes search pages without a new history version.
        track(SearchDocument)

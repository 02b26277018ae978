from django.apps import AppConfig


class CatalogueConfig(AppConfig):
    name = "catalogue"
    verbose_name = "Katalog"

    def ready(self) -> None:
        from .revision import track
        from .search.models import SearchDocument

        # Rebuilding the search index changes search pages without a new history version.
        track(SearchDocument)

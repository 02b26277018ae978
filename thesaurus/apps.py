from django.apps import AppConfig


class ThesaurusConfig(AppConfig):
    name = "thesaurus"
    verbose_name = "Søgning: synonymer og søgelog"

    def ready(self) -> None:
        from catalogue.loading import register
        from catalogue.search import registry

        from . import providers
        from .loading import SYNONYM

        register(SYNONYM)
        registry.set_thesaurus(providers.synonyms)
        registry.set_extra_words(providers.extra_words)
        registry.set_search_listener(providers.count_search)

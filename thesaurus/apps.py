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

        from catalogue.roles import EDIT, ROWS, add_permissions

        models = ["thesaurus.synonym", "thesaurus.entrysearchwords", "thesaurus.searchmiss"]
        add_permissions(
            "Redaktør",
            {
                "thesaurus.synonym": EDIT,
                "thesaurus.entrysearchwords": ROWS,
                # a logged search that holds personal data can be deleted at once
                "thesaurus.searchmiss": ("view", "delete"),
            },
        )
        add_permissions("Kontaktansvarlig", dict.fromkeys(models, ("view",)))
        add_permissions("Læser", dict.fromkeys(models, ("view",)))

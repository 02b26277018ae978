from django.apps import AppConfig
from django.core.signals import request_finished, request_started

from catalogue.roles import EDIT, ROWS


class GlossaryConfig(AppConfig):
    name = "glossary"
    verbose_name = "Ordliste og kommuneprofiler"

    def ready(self) -> None:
        from catalogue import textlinks
        from catalogue.loading import register
        from catalogue.pagecards import register_home_section, register_organisation_card
        from catalogue.roles import add_permissions
        from catalogue.serializers import register_section

        from . import linking
        from .loading import KINDS
        from .search import register_search
        from .selectors import profile_card
        from .serializers import glossary_items

        for kind in KINDS:
            register(kind)
        register_search()
        register_section("glossary", glossary_items)
        register_organisation_card("glossary/profile_card.html", context=profile_card, position=10)
        register_home_section("glossary/home_section.html", position=10)
        textlinks.register(linking.add_term_links)
        # The term list is read once per request; forget it between requests.
        request_started.connect(linking.reset, dispatch_uid="glossary-linking-reset-start")
        request_finished.connect(linking.reset, dispatch_uid="glossary-linking-reset-finish")

        entries = ["glossary.term", "glossary.profile", "glossary.helpsection"]
        rows = ["glossary.termdefinition", "glossary.profilestatement"]
        add_permissions("Redaktør", {**dict.fromkeys(entries, EDIT), **dict.fromkeys(rows, ROWS)})
        for role in ("Kontaktansvarlig", "Læser"):
            add_permissions(role, dict.fromkeys(entries + rows, ("view",)))

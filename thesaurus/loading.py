"""The thesaurus's part of ``load_catalogue`` (fixtures/thesaurus.toml)."""

from catalogue.loading import Kind

from .models import Synonym

SYNONYM = Kind("synonym", "thesaurus", Synonym, ("words", "leads_to", "order", "editor_note"))

"""The catalogue app's models, organised as a package (Django's "Organizing models in a
package"): Django imports ``catalogue.models``, and every model is imported here.

- ``entries``: the catalogue itself (levels, themes, organisations, initiatives, methods ...);
- ``rows``: rows inside an entry (example blocks, experience rows);
- ``search``: the search index (``catalogue.search`` reads and writes it).
"""

from .entries import (
    AboutSection,
    Definition,
    DevelopmentInitiative,
    Entry,
    GoodAdvice,
    Initiative,
    LiteratureEntry,
    Loaded,
    Method,
    Organisation,
    PreventionLevel,
    Recommendation,
    Source,
    Status,
    Theme,
)
from .rows import Experience, Question
from .search import SearchDocument, SearchTerm, SearchWord

__all__ = [
    "AboutSection",
    "Definition",
    "DevelopmentInitiative",
    "Entry",
    "Experience",
    "GoodAdvice",
    "Initiative",
    "LiteratureEntry",
    "Loaded",
    "Method",
    "Organisation",
    "PreventionLevel",
    "Question",
    "Recommendation",
    "SearchDocument",
    "SearchTerm",
    "SearchWord",
    "Source",
    "Status",
    "Theme",
]

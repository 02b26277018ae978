from dataclasses import dataclass, field
from typing import Any

from django.utils.safestring import SafeString


@dataclass(frozen=True)
class SearchHit:
    """One search result, best first in the list ``search()`` returns."""

    type: str  # Danish label: "Indsats", "Metode", "Udviklingsinitiativ", "Organisation", "Kontakt"
    title: str
    url: str
    snippet: SafeString  # escaped text with <mark> around the words that matched
    score: float
    object: Any
    title_html: SafeString  # the title, escaped, with <mark> around matched words
    links: tuple[Any, ...] = ()  # registry.HitLink: actions such as a tel: link


@dataclass(frozen=True)
class SearchResult:
    """What the search page shows: the hits and why they were found."""

    hits: list[SearchHit] = field(default_factory=list)
    also: tuple[str, ...] = ()  # thesaurus phrases searched as well ("Viser også resultater for")
    suggestion: str = ""  # "Mente du …?": the query spelled as the catalogue spells it

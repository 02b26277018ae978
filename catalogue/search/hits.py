from dataclasses import dataclass
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

"""One way to turn Danish text into a URL or file name part: æ→ae, ø→oe, å→aa (either case),
then Django's ``slugify`` (lowercase ASCII, other accents dropped: "Zürich" → "zurich").

This is the fixtures' spelling of slugs, used for new entries, filter values and download
names. Search folds text differently, on purpose (``catalogue.search.analysis.fold``: also
ä→ae, ö→oe, ü→ue, as a Danish reader types them, and no hyphens); the glossary sorts æ, ø, å
after z (``glossary.selectors.sort_key``).
"""

from django.utils.text import slugify

DANISH_LETTERS = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "ae", "Ø": "oe", "Å": "aa"})


def danish_slug(text: str) -> str:
    """``"Forældre & søskende"`` → ``"foraeldre-soeskende"``."""
    return slugify(str(text).translate(DANISH_LETTERS))

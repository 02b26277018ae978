"""The glossary's part of ``load_catalogue``: ``fixtures/glossary.toml`` (fixtures/README.md)."""

from catalogue import models as cm
from catalogue.loading import Child, Kind

from .models import HelpSection, Profile, Term

CITED = ("text", "document", "section")

TERM = Kind(
    "term",
    "glossary",
    Term,
    ("name", "other_names", "expansion", "category", "order", "editor_note"),
    children=(Child("definition", "definitions", CITED, "term"),),
)
PROFILE = Kind(
    "profile",
    "glossary",
    Profile,
    ("order", "editor_note"),
    fks={"organisation": cm.Organisation},
    children=(Child("statement", "statements", ("topic", *CITED), "profile"),),
)
HELP_SECTION = Kind(
    "help_section",
    "glossary",
    HelpSection,
    ("part", "title", "text", "url", "document", "section", "order", "editor_note"),
)
KINDS = (TERM, PROFILE, HELP_SECTION)

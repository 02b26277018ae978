"""Reads for the glossary pages, the term links, the profile card and the help page."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import groupby

from django.db.models import Prefetch

from catalogue.models import Organisation

from .models import HelpSection, Profile, ProfileStatement, Term, TermDefinition

# Danish alphabetical order: æ, ø, å after z; "§" terms first.
_DANISH = str.maketrans({"æ": "{", "ø": "|", "å": "}", "§": " "})


def sort_key(name: str) -> str:
    return name.casefold().translate(_DANISH)


def initial(name: str) -> str:
    first = name.lstrip()[:1].upper()
    return "§" if first == "§" else first


def linkable_terms() -> list[tuple[str, list[str]]]:
    """(slug, names) of every published term an editor has not turned links off for."""
    terms = (
        Term.objects.published()
        .filter(link_in_texts=True)
        .order_by("order", "pk")
        .values_list("slug", "name", "other_names")
    )
    return [(slug, [name, *(others or [])]) for slug, name, others in terms]


@dataclass
class Letter:
    letter: str
    terms: list[Term] = field(default_factory=list)


def glossary() -> list[Letter]:
    """Published terms with their definitions, alphabetically, grouped by first letter."""
    terms = Term.objects.published().prefetch_related(
        Prefetch("definitions", queryset=TermDefinition.objects.order_by("order", "pk"))
    )
    ordered = sorted(terms, key=lambda t: sort_key(t.name))
    grouped = groupby(ordered, key=lambda t: initial(t.name))
    return [Letter(letter, list(group)) for letter, group in grouped]


@dataclass
class ProfileCard:
    profile: Profile
    topics: list[tuple[str, list[ProfileStatement]]]
    years: list[int]


def profile_card(organisation: Organisation) -> dict | None:
    """The organisation's published profile, its statements grouped by topic (one query)."""
    statements = list(
        ProfileStatement.objects.filter(
            profile__organisation=organisation, profile__status="published"
        )
        .select_related("profile")
        .order_by("order", "pk")
    )
    if not statements:
        return None
    labels = dict(ProfileStatement.Topic.choices)
    topics = []
    for topic in ProfileStatement.Topic.values:
        items = [s for s in statements if s.topic == topic]
        if items:
            topics.append((labels[topic], items))
    years = sorted({s.source.year for s in statements if s.source})
    return {
        "profile": ProfileCard(statements[0].profile, topics, years),
        "organisation": organisation,
    }


def help_sections() -> list[tuple[str, str, list[HelpSection]]]:
    """The help page's published sections by part: (part slug, label, sections)."""
    sections = list(HelpSection.objects.published().order_by("order", "pk"))
    labels = dict(HelpSection.Part.choices)
    return [
        (part, labels[part], [s for s in sections if s.part == part])
        for part in HelpSection.Part.values
        if any(s.part == part for s in sections)
    ]

"""The pieces of the list filters that need no database: facet and chip records, slugs and
labels of free-text choices, and who a method's example questions are for (catalogue/filters.py).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from .slugs import danish_slug


def normalise_label(text: str) -> str:
    """A free-text cell as a choice label: trimmed, without a trailing full stop."""
    return " ".join(text.split()).rstrip(" .")


@dataclass
class FacetChoice:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Facet:
    name: str
    label: str
    choices: list[FacetChoice]

    @property
    def any_selected(self) -> bool:
        return any(choice.selected for choice in self.choices)


@dataclass
class Chip:
    name: str
    label: str
    facet_label: str
    remove: dict  # querystring arguments that drop this one value


def text_choices(values) -> tuple[list[tuple[str, str]], dict[str, list[str]], dict[str, str]]:
    """Choices, slug -> raw values and raw value -> slug for a free-text column."""
    labels: dict[str, str] = {}
    raw_values: dict[str, list[str]] = defaultdict(list)
    slug_of: dict[str, str] = {}
    for raw in dict.fromkeys(values):  # each distinct value once, in first-seen order
        label = normalise_label(raw or "")
        if not label:
            continue
        slug = danish_slug(label)
        labels.setdefault(slug, label)
        raw_values[slug].append(raw)
        slug_of[raw] = slug
    return list(labels.items()), dict(raw_values), slug_of


# Who a method's example questions are for, read from the source's "hvem taler med hvem"
# ("Fagprofessionel til borger, forældre, skole og fritidsklubber"): the words after "til". In
# Del 2 "borger" is the young person ("Fagprofessionel til (ung) borger"). Questions without
# that note in the source belong to no group.
AUDIENCE_GROUPS = {
    "ung": ("Den unge", re.compile(r"\b(borger|ung)")),
    "foraeldre": ("Forældre", re.compile(r"\bforældre")),
    "fagprofessionelle": (
        "Andre fagprofessionelle",
        re.compile(r"\b(fagprofessionel|skole|fritidsklub|klub)"),
    ),
}


def audience_groups(audience: str) -> list[str]:
    """The groups (``ung``, ``foraeldre``, ``fagprofessionelle``) a question's audience names."""
    _, found, to = (audience or "").lower().partition(" til ")
    if not found:
        return []
    return [key for key, (_, pattern) in AUDIENCE_GROUPS.items() if pattern.search(to)]

"""The directory's choice filters (organisation, tema, indsats, metode) as the page shows them.

A short list is shown whole, as checkboxes. A long one (at national scale 2,500 initiatives,
2,500 methods and over a hundred organisations) would be thousands of checkboxes and seconds of
rendering, so it becomes *searchable*: the page shows the chosen values, ticked, and a text
field ``soeg_<filter>`` that narrows the list through an ordinary GET of the same form (no
JavaScript needed; the other filters travel along). The URL parameters of the filters
themselves are unchanged. One query per list, however long the list is.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import reduce
from operator import and_, or_

from django.db.models import Q
from django.http import QueryDict

from catalogue.inputs import read_text

from .managers import case_variants
from .selectors import MULTI_FILTERS, Selection

# A list longer than this is searchable; a search shows at most this many matches.
SHOWN_LIMIT = 30
# Words of a search that count (each must match); SQLite caps the depth of an expression.
MAX_WORDS = 5
SEARCH_PREFIX = "soeg_"

SEARCH_FIELDS = {
    "organisation": ("name", "short_name"),
    "tema": ("name",),
    "indsats": ("title",),
    "metode": ("title",),
}
NOUNS = {"organisation": "organisation", "tema": "tema", "indsats": "indsats", "metode": "metode"}


@dataclass(frozen=True)
class Choice:
    value: str
    label: str
    checked: bool


@dataclass
class ChoiceList:
    name: str
    label: str
    noun: str
    choices: list[Choice] = field(default_factory=list)
    searchable: bool = False
    term: str = ""
    problem: str | None = None
    matches: int = 0  # unticked matches shown for the term
    more: bool = False  # more matches than shown: the reader should narrow the search

    @property
    def chosen_count(self) -> int:
        return sum(choice.checked for choice in self.choices)

    @property
    def search_param(self) -> str:
        return f"{SEARCH_PREFIX}{self.name}"

    @property
    def open(self) -> bool:
        return bool(self.chosen_count or self.term or self.problem)


def _matching(fields: tuple[str, ...], term: str) -> Q:
    """Every word in one of ``fields``, case-insensitively (also Æ/Ø/Å on SQLite)."""
    words = term.split()[:MAX_WORDS]
    return reduce(
        and_,
        (
            reduce(or_, (Q(**{f"{f}__icontains": v}) for f in fields for v in case_variants(w)))
            for w in words
        ),
    )


def choice_lists(selection: Selection, params: QueryDict) -> list[ChoiceList]:
    """The four choice filters of the directory, each as a short list or a searchable one."""
    filterset = selection.filterset
    selection.valid  # noqa: B018 - validates the form once, so cleaned_data holds the valid fields
    cleaned = getattr(filterset.form, "cleaned_data", {})
    lists = []
    for name in MULTI_FILTERS:
        choices = ChoiceList(name, filterset.filters[name].label, NOUNS[name])
        chosen = list(cleaned.get(name) or [])
        chosen_slugs = {obj.slug for obj in chosen}
        choices.term, choices.problem = read_text(params, choices.search_param)
        candidates = filterset.filters[name].queryset
        if choices.term:
            candidates = candidates.filter(_matching(SEARCH_FIELDS[name], choices.term))
        rows = list(candidates.exclude(slug__in=chosen_slugs)[: SHOWN_LIMIT + 1])
        choices.searchable = bool(choices.term) or len(rows) + len(chosen) > SHOWN_LIMIT
        if choices.searchable and not choices.term:
            rows = []  # the chosen ones and the search field
        choices.more = len(rows) > SHOWN_LIMIT
        rows = rows[:SHOWN_LIMIT]
        # A value the form refused (another value of the filter was unknown) stays ticked.
        raw = set(params.getlist(name))
        ticked = chosen + [obj for obj in rows if obj.slug in raw]
        rest = [obj for obj in rows if obj.slug not in raw]
        choices.matches = len(rest)
        choices.choices = [Choice(obj.slug, str(obj), True) for obj in ticked] + [
            Choice(obj.slug, str(obj), False) for obj in rest
        ]
        lists.append(choices)
    return lists

"""Measuring search against evaluation sets: recall@5, hit@5 and hit@1, beside a baseline.

The sets themselves are data, kept with the tests (``tests/search/*.toml``): each ``[[case]]``
has a ``query``, a ``what`` (the kind of query) and ``expected``, the entries (``"Type/slug"``)
a member of staff accepts. ``manage.py search_eval`` and tests/catalogue/test_search_quality.py
run them against the real catalogue (``load_catalogue``).

- *recall@5*: mean share of a case's expected entries among its first five results;
- *hit@5*: share of cases with at least one expected entry among the first five;
- *hit@1*: share of cases whose first result is an expected entry.
"""

import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from functools import reduce
from operator import and_
from pathlib import Path

from django.conf import settings
from django.db.models import Q

from ..models import SearchDocument

TOP = 5
CASES_DIR = Path(settings.BASE_DIR) / "tests" / "search"


@dataclass(frozen=True)
class Case:
    query: str
    expected: tuple[str, ...]  # "Type/slug"
    what: str  # what the case tests


def load_cases(path: Path | str) -> tuple[Case, ...]:
    """The cases of one TOML evaluation set."""
    with Path(path).open("rb") as fh:
        raw = tomllib.load(fh)
    return tuple(
        Case(query=c["query"], expected=tuple(c["expected"]), what=c.get("what", ""))
        for c in raw.get("case", [])
    )


def case_files(directory: Path = CASES_DIR) -> list[Path]:
    return sorted(directory.glob("*.toml")) if directory.is_dir() else []


SearchFn = Callable[[str], list[str]]  # query → "Type/slug" best first


def our_search(query: str) -> list[str]:
    from . import search

    return [f"{hit.type}/{hit.object.slug}" for hit in search(query, limit=TOP)]


def substring_search(query: str) -> list[str]:
    """The baseline: every word a case-insensitive substring (``icontains``) of the same text.

    Titles that contain every word come first, then catalogue order, as a plain filter would.
    """
    words = query.split()
    if not words:
        return []
    match = reduce(and_, (Q(title__icontains=w) | Q(body__icontains=w) for w in words))
    rows = SearchDocument.objects.filter(match).values_list(
        "kind", "model", "object_id", "title", "kind_position", "order"
    )
    ranked = sorted(
        rows,
        key=lambda r: (not all(w.lower() in r[3].lower() for w in words), r[4], r[5], r[2]),
    )[:TOP]
    return [f"{kind}/{_slug(model, pk)}" for kind, model, pk, *_ in ranked]


def _slug(model: str, pk: int) -> str:
    from django.apps import apps

    return apps.get_model(model).objects.only("slug").get(pk=pk).slug


@dataclass(frozen=True)
class Outcome:
    case: Case
    found: tuple[str, ...]  # the top results

    @property
    def recall(self) -> float:
        """Share of the expected entries among the top results."""
        return sum(e in self.found for e in self.case.expected) / len(self.case.expected)

    @property
    def hit(self) -> bool:
        return any(e in self.found for e in self.case.expected)

    @property
    def first(self) -> bool:
        return bool(self.found) and self.found[0] in self.case.expected


def evaluate(search_fn: SearchFn, cases: tuple[Case, ...]) -> list[Outcome]:
    return [Outcome(case, tuple(search_fn(case.query)[:TOP])) for case in cases]


def recall_at_5(outcomes: list[Outcome]) -> float:
    """Mean over queries of the share of expected entries found in the top five."""
    return sum(o.recall for o in outcomes) / len(outcomes) if outcomes else 0.0


def hit_at_5(outcomes: list[Outcome]) -> float:
    return sum(o.hit for o in outcomes) / len(outcomes) if outcomes else 0.0


def hit_at_1(outcomes: list[Outcome]) -> float:
    return sum(o.first for o in outcomes) / len(outcomes) if outcomes else 0.0

"""The entries a visitor has chosen, read from and written to the URL.

A choice is one repeated GET parameter, ``valgt=indsats:<slug>`` or ``valgt=metode:<slug>``, in
the order chosen; a plan's title is ``titel``. Nothing is stored: the URL is the selection, so it
can be bookmarked or mailed. Reading never fails: every value that can't be used is named in
``problems`` (shown in Danish; the views answer 400 when there are any).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.http import QueryDict

PARAM = "valgt"
TITLE_PARAM = "titel"
KINDS = {"indsats": "indsats", "metode": "metode"}  # URL prefix -> kind
MAX_COMPARE = 4
MIN_COMPARE = 2
MAX_PLAN = 12
MAX_TITLE = 120
MAX_VALUES = 50  # values read at all; the rest is refused without looking at them
SLUG = re.compile(r"[-a-zA-Z0-9_]{1,120}")
SHOWN = 60  # characters of a refused value repeated on the page


@dataclass(frozen=True)
class Choice:
    kind: str  # "indsats" or "metode"
    slug: str

    @property
    def value(self) -> str:
        return f"{self.kind}:{self.slug}"


@dataclass
class Selection:
    choices: list[Choice] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    title: str = ""

    @property
    def values(self) -> list[str]:
        return [choice.value for choice in self.choices]


def _shown(value: str) -> str:
    value = "".join(ch if ch.isprintable() else "?" for ch in value)
    return value if len(value) <= SHOWN else value[:SHOWN] + "…"


def parse_choice(value: str) -> Choice | None:
    kind, _, slug = value.strip().partition(":")
    if kind not in KINDS or not SLUG.fullmatch(slug):
        return None
    return Choice(KINDS[kind], slug)


def read(params: QueryDict, *, limit: int, noun: str) -> Selection:
    """The well-formed, distinct choices in URL order (at most ``limit``) and what was refused.

    ``noun`` names the page in the too-many message ("en sammenligning", "en handleplan").
    Whether a slug exists is checked by the selectors.
    """
    selection = Selection()
    raw = params.getlist(PARAM)
    if len(raw) > MAX_VALUES:
        selection.problems.append(
            f"Adressen har {len(raw)} valg; kun de første {MAX_VALUES} er læst."
        )
        raw = raw[:MAX_VALUES]
    seen: set[Choice] = set()
    for value in raw:
        choice = parse_choice(value)
        if choice is None:
            selection.problems.append(
                f"“{_shown(value)}” er ikke en indsats eller metode. "
                "Et valg skrives indsats:<navn> eller metode:<navn>."
            )
        elif choice not in seen:
            seen.add(choice)
            selection.choices.append(choice)
    if len(selection.choices) > limit:
        selection.problems.append(
            f"I kan højst have {limit} indsatser og metoder i {noun}; "
            f"de første {limit} er vist, de sidste {len(selection.choices) - limit} er udeladt."
        )
        selection.choices = selection.choices[:limit]
    title = " ".join(params.get(TITLE_PARAM, "").split())
    if len(title) > MAX_TITLE:
        selection.problems.append(f"Titlen må højst være {MAX_TITLE} tegn; den er afkortet.")
        title = title[:MAX_TITLE]
    selection.title = "".join(ch for ch in title if ch.isprintable())
    return selection


def query(values, *, title: str = "") -> str:
    """``valgt=...&valgt=...[&titel=...]`` for a link."""
    pairs = [(PARAM, value) for value in values]
    if title:
        pairs.append((TITLE_PARAM, title))
    return urlencode(pairs)

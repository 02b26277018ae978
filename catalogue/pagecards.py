"""Cards other apps add to an organisation's page (``/organisationer/<slug>/``).

The catalogue does not know the apps that contribute: each registers, from its
``AppConfig.ready()``, a template and a function that returns the template's context for an
organisation, or ``None`` when it has nothing to show there::

    from catalogue.pagecards import register_organisation_card
    register_organisation_card("glossary/profile_card.html", context=profile_card, position=10)

The page includes each card's template after its heading, in ``position`` order, with the
context under ``card`` (the directory's contact points come first, at position 0). Keep each
context function to a fixed, small number of queries.

The front page takes plain sections the same way (``register_home_section(template)``): a
template that needs no context, shown before the good advice.

How this registry differs from the catalogue's others (``slots``, ``page_links``,
``pagecards``, ``links``): README, "Code layout".
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .models import Organisation


@dataclass(frozen=True)
class Card:
    template: str
    context: Callable[[Organisation], dict[str, Any] | None]
    position: int


_cards: dict[str, Card] = {}


def register_organisation_card(
    template: str,
    *,
    context: Callable[[Organisation], dict[str, Any] | None],
    position: int = 100,
) -> None:
    """Show ``template`` on organisation pages; registering the same template again replaces."""
    _cards[template] = Card(template, context, position)


def organisation_cards(organisation: Organisation) -> list[dict[str, Any]]:
    """``[{"template": ..., "card": context}, ...]`` for the cards that have something to show."""
    shown = []
    for card in sorted(_cards.values(), key=lambda c: (c.position, c.template)):
        context = card.context(organisation)
        if context is not None:
            shown.append({"template": card.template, "card": context})
    return shown


_home_sections: dict[str, int] = {}


def register_home_section(template: str, *, position: int = 100) -> None:
    """Show ``template`` (no context, no queries) on the front page."""
    _home_sections[template] = position


def home_sections() -> list[str]:
    return sorted(_home_sections, key=lambda t: (_home_sections[t], t))

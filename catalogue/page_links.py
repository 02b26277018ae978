"""Links other apps add to the public pages of entries and organisations.

A tiny registry so the catalogue never names another app's URLs. An app registers a function
from its ``AppConfig.ready()``::

    from catalogue.page_links import register

    register("Foreslå en rettelse", url=correction_url, models=("catalogue.initiative",))

``url(obj)`` returns the link's address for that object (or "" to leave it out). The links are
built from the object alone (no request, no query), so the pages stay cacheable. Templates show
them with ``{% page_links obj as links %}`` (``catalogue_tags``).

How this registry differs from the catalogue's others (``slots``, ``page_links``,
``pagecards``, ``links``): README, "Code layout".
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Model


@dataclass(frozen=True)
class PageLink:
    label: str
    url: str


@dataclass(frozen=True)
class _Registered:
    label: str
    url: Callable[[Model], str]
    models: tuple[str, ...]


_links: list[_Registered] = []


def register(label: str, *, url: Callable[[Model], str], models: tuple[str, ...]) -> None:
    """Show a link ``label`` to ``url(obj)`` on the public page of each object of ``models``
    (``"app_label.modelname"``); registering the same label again replaces it."""
    _links[:] = [link for link in _links if link.label != label]
    _links.append(_Registered(label, url, tuple(models)))


def links_for(obj: Model) -> list[PageLink]:
    model = obj._meta.label_lower
    found = []
    for link in _links:
        if model in link.models:
            url = link.url(obj)
            if url:
                found.append(PageLink(link.label, url))
    return found

"""Links other apps add to the public pages of entries and organisations.

A tiny registry so the catalogue never names another app's URLs. An app registers a function
from its ``AppConfig.ready()``::

    from catalogue.page_links import register

    register("Foreslå en rettelse", url=correction_url, models=("catalogue.initiative",))

``url(obj)`` returns the link's address for that object (or "" to leave it out). The links are
built from the object alone (no request, no query), so the pages stay cacheable. Templates show
them with ``{% page_links obj as links %}`` (``catalogue_tags``).

The catalogue's registries for other apps' parts of its pages, each for one job (kept apart
because each takes a different input and is rendered differently):

- ``catalogue.slots``: HTML fragments at fixed places of the entry lists and entry pages,
  rendered with the page's whole context (the plans app's "Vælg" boxes and buttons);
- ``catalogue.page_links``: plain links (label, URL built from the object alone) under "Ved du
  mere?" on entry and organisation pages (the feedback app's forms);
- ``catalogue.pagecards``: whole sections of an organisation's page, each with its own context
  function and queries (contact points, municipality profile), and the front page's sections;
- ``catalogue.links``: the one directory that entries and plans link to, filtered.
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

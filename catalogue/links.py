"""Links from catalogue pages to a directory of whom to call, which another app provides.

The catalogue never imports that app nor names its URLs. The app that provides a directory
registers how to link to it, filtered, from its ``AppConfig.ready()``::

    from catalogue.links import register_directory

    register_directory(lambda filters: f"{reverse('app:directory')}?{urlencode(filters)}")

``filters`` is a list of (parameter, value) pairs in the directory's own terms: ``indsats``
and ``metode`` (an entry's slug), ``organisation`` (an organisation's slug). Without a
registered directory, :func:`directory_url` returns "" and the pages show no link.

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

from __future__ import annotations

from collections.abc import Callable, Iterable

_directory: Callable[[list[tuple[str, str]]], str] | None = None


def register_directory(url_for: Callable[[list[tuple[str, str]]], str]) -> None:
    """Let catalogue pages link to a directory; registering again replaces it."""
    global _directory
    _directory = url_for


def directory_url(filters: Iterable[tuple[str, str]] = ()) -> str:
    """The directory filtered by ``filters`` ((parameter, value) pairs), or "" if none."""
    if _directory is None:
        return ""
    return _directory(list(dict.fromkeys(filters)))

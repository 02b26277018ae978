"""Links from catalogue pages to a directory of whom to call, which another app provides.

The catalogue never imports that app nor names its URLs. The app that provides a directory
registers how to link to it, filtered, from its ``AppConfig.ready()``::

    from catalogue.links import register_directory

    register_directory(lambda filters: f"{reverse('app:directory')}?{urlencode(filters)}")

``filters`` is a list of (parameter, value) pairs in the directory's own terms: ``indsats``
and ``metode`` (an entry's slug), ``organisation`` (an organisation's slug). Without a
registered directory, :func:`directory_url` returns "" and the pages show no link.

How this registry differs from the catalogue's others (``slots``, ``page_links``,
``pagecards``, ``links``): README, "Code layout".
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

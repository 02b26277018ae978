"""Search over the catalogue: one module used by the search page and /api/soeg alike.

Public interface (other modules import only these):
- ``search(query, *, limit=20) -> list[SearchHit]``: best first.
- ``lookup(query, *, limit=20) -> SearchResult``: the hits, the thesaurus phrases searched as
  well and a "Mente du …?" suggestion (the search page uses it).
- ``rebuild_index() -> int``: rebuild the whole term index (load_catalogue and a command call it).
- ``reindex(obj) -> None``: re-index one saved entry (admin and services call it after a save).

Other apps make their objects searchable with ``catalogue.search.registry.register`` from their
``AppConfig.ready()`` (contacts does), so the catalogue never imports them.
"""

from .hits import SearchHit, SearchResult

__all__ = ["SearchHit", "SearchResult", "lookup", "rebuild_index", "reindex", "search"]


def search(query: str, *, limit: int = 20) -> list[SearchHit]:
    from .engine import search as _search

    return _search(query, limit=limit)


def lookup(query: str, *, limit: int = 20) -> SearchResult:
    from .engine import lookup as _lookup

    return _lookup(query, limit=limit)


def rebuild_index() -> int:
    from .index import rebuild_index as _rebuild

    return _rebuild()


def reindex(obj) -> None:
    from .index import reindex as _reindex

    _reindex(obj)

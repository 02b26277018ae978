"""Search over the catalogue: one module used by the search page and /api/soeg alike.

Public interface (other modules import only these):
- ``search(query, *, limit=20) -> list[SearchHit]``: best first.
- ``rebuild_index() -> int``: rebuild the whole term index (load_catalogue and a command call it).
- ``reindex(obj) -> None``: re-index one saved entry (admin and services call it after a save).
"""

"""The catalogue revision: one token that every committed public change moves.

Every save and delete of a versioned model adds a history row (django-simple-history), so the
newest history id and the number of history rows of every history table identify the committed
state (the count catches a transaction that commits a lower id after a higher one was read).
Models without history that still shape public pages (the search index) are added with
:func:`track`. The whole token costs one query: a ``UNION ALL`` of one indexed aggregate per table.

Pages for anonymous readers are cached under (URL, revision), so no server serves a page from
before an edit and nothing needs to be told to invalidate (config/pagecache.py).
"""

from __future__ import annotations

import hashlib
from functools import cache

from django.apps import apps
from django.db import connection, models

_tracked: list[type[models.Model]] = []


def track(model: type[models.Model]) -> None:
    """Count ``model``'s rows in the revision although it has no history (e.g. a derived index)."""
    if model not in _tracked:
        _tracked.append(model)
        _sql.cache_clear()


def _tables() -> list[tuple[str, str]]:
    """(table, key column) of every history table and every tracked model."""
    tables = []
    for model in apps.get_models():
        history = getattr(model, "history", None)
        if history is not None and hasattr(history, "model"):
            tables.append((history.model._meta.db_table, "history_id"))
    for model in _tracked:
        tables.append((model._meta.db_table, model._meta.pk.column))
    return sorted(set(tables))


@cache
def _sql() -> str:
    quote = connection.ops.quote_name
    return " UNION ALL ".join(
        f"SELECT '{table}', MAX({quote(key)}), COUNT(*) FROM {quote(table)}"
        for table, key in _tables()
    )


def catalogue_revision() -> str:
    """A short token that changes with every committed change of anything public."""
    with connection.cursor() as cursor:
        cursor.execute(_sql())
        rows = cursor.fetchall()
    text = "|".join(f"{table}:{newest or 0}:{count}" for table, newest, count in sorted(rows))
    return hashlib.sha256(text.encode()).hexdigest()[:20]

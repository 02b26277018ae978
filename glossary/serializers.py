"""The glossary in ``/data/katalog.json`` under the key ``glossary`` (README, "Ordliste")."""

from collections.abc import Iterator
from typing import Any

from .search import terms


def term_to_dict(term) -> dict[str, Any]:
    return {
        "slug": term.slug,
        "name": term.name,
        "other_names": list(term.other_names or []),
        "expansion": term.expansion,
        "category": term.category,
        "definitions": [
            {
                "text": d.text,
                "document": d.document,
                "year": d.source.year if d.source else None,
                "section": d.section,
            }
            for d in term.definitions.all()
        ],
    }


def glossary_items() -> Iterator[dict[str, Any]]:
    """Every published term, in glossary order (two queries)."""
    return (term_to_dict(t) for t in terms().order_by("order", "pk"))

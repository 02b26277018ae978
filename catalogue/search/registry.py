"""Which kinds of objects are searchable, and how each becomes a search document.

The catalogue registers its own kinds (catalogue/search/documents.py); other apps register
theirs from their ``AppConfig.ready()`` so that ``catalogue`` never imports them::

    from catalogue.search.registry import Document, register

    register("Kontakt", queryset=published_contacts, document=contact_document, position=5)
"""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from importlib import import_module
from typing import Any

from django.db.models import Model, QuerySet
from django.urls import NoReverseMatch


@dataclass(frozen=True)
class Document:
    """The searchable text of one object, by field weight."""

    title: str
    row: Sequence[str] = ()  # table-row fields: purpose, target group, questions, aliases ...
    long: Sequence[str] = ()  # long descriptions (Markdown)
    aliases: Sequence[str] = ()  # other exact names (acronyms): an exact match counts as title
    order: int = 0  # catalogue order within its kind


@dataclass(frozen=True)
class Kind:
    label: str  # Danish, shown to users: "Indsats", "Metode", ...
    model: str  # "catalogue.initiative"
    queryset: Callable[[], QuerySet]  # what is searchable (published only)
    document: Callable[[Any], Document]
    url: Callable[[Any], str]
    position: int  # order of kinds when scores tie

    def url_of(self, obj: Model) -> str:
        try:
            return self.url(obj)
        except NoReverseMatch:
            return ""


_kinds: dict[str, Kind] = {}
_dependents: dict[str, list[Callable[[Any], Iterable[Model]]]] = {}


def _absolute_url(obj: Model) -> str:
    return obj.get_absolute_url()


def register(
    label: str,
    *,
    queryset: Callable[[], QuerySet],
    document: Callable[[Any], Document],
    url: Callable[[Any], str] | None = None,
    position: int = 100,
) -> None:
    """Make the objects of ``queryset()`` searchable as ``label``; registering again replaces."""
    model = queryset().model._meta.label_lower
    _kinds[model] = Kind(label, model, queryset, document, url or _absolute_url, position)


def add_dependents(model: type[Model], dependents: Callable[[Any], Iterable[Model]]) -> None:
    """Re-index ``dependents(obj)`` whenever an object of ``model`` is re-indexed.

    A contact's document names its organisation, so renaming the organisation must refresh it.
    """
    _dependents.setdefault(model._meta.label_lower, []).append(dependents)


def dependents_of(obj: Model) -> list[Model]:
    return [dep for fn in _dependents.get(obj._meta.label_lower, []) for dep in fn(obj)]


def kinds() -> list[Kind]:
    """Every registered kind, the catalogue's own included, in display order."""
    import_module("catalogue.search.documents")  # registers the catalogue's kinds once
    return sorted(_kinds.values(), key=lambda k: (k.position, k.label))


def kind_for(obj_or_model: Model | type[Model]) -> Kind | None:
    kinds()
    return _kinds.get(obj_or_model._meta.label_lower)


def kind_by_model(model_label: str) -> Kind | None:
    kinds()
    return _kinds.get(model_label)

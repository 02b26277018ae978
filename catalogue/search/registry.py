"""Which kinds of objects are searchable, and how each becomes a search document.

The catalogue registers its own kinds (catalogue/search/documents.py); other apps register
theirs from their ``AppConfig.ready()`` so that ``catalogue`` never imports them::

    from catalogue.search.registry import Document, register

    register("Kontakt", queryset=published_contacts, document=contact_document, position=5)

Three small hooks let another app (thesaurus) teach search without the catalogue importing it:
``set_thesaurus`` (query-time synonyms), ``set_extra_words`` (an entry's "også kendt som" words,
indexed with it) and ``set_search_listener`` (told how many hits a search page query found).
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
    owner: str = ""  # the name of the named object it belongs to (a contact's organisation)


@dataclass(frozen=True)
class Kind:
    label: str  # Danish, shown to users: "Indsats", "Metode", ...
    model: str  # "catalogue.initiative"
    queryset: Callable[[], QuerySet]  # what is searchable (published only)
    document: Callable[[Any], Document]
    url: Callable[[Any], str]
    position: int  # order of kinds when scores tie
    names: bool = False  # its titles are names: "Ishøj SSP" puts Ishøj and what it owns first
    links: Callable[[Any], list["HitLink"]] | None = None  # actions shown with a hit
    links_prefetch: tuple[str, ...] = ()  # what ``links`` reads, prefetched for the hits

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
    names: bool = False,
    links: Callable[[Any], list["HitLink"]] | None = None,
    links_prefetch: tuple[str, ...] = (),
) -> None:
    """Make the objects of ``queryset()`` searchable as ``label``; registering again replaces.

    ``names``: the objects' titles are names (organisations), so a query that names one ranks it
    and the documents it owns (``Document.owner``) first. ``links(obj)``: small actions shown
    with a hit (a contact's phone number as a tel: link).
    """
    model = queryset().model._meta.label_lower
    _kinds[model] = Kind(
        label,
        model,
        queryset,
        document,
        url or _absolute_url,
        position,
        names,
        links,
        tuple(links_prefetch),
    )


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


@dataclass(frozen=True)
class HitLink:
    """An action shown with a search hit: ``<a href="{href}">{text}</a>``."""

    text: str
    href: str
    label: str = ""  # accessible name when ``text`` alone is unclear


# --- hooks for an app that teaches search (one provider each; setting again replaces) --------


@dataclass(frozen=True)
class Synonym:
    """A thesaurus rule: typing one of ``words`` also searches for each of ``leads_to``."""

    words: tuple[str, ...]
    leads_to: tuple[str, ...]


_hooks: dict[str, Callable] = {}


def set_thesaurus(provider: Callable[[], Iterable[Synonym]]) -> None:
    """``provider()`` returns the current rules; called once per query."""
    _hooks["thesaurus"] = provider


def set_extra_words(provider: Callable[[str, list[int] | None], dict[int, list[str]]]) -> None:
    """``provider(model_label, ids)`` returns extra search words per object id (all if None)."""
    _hooks["extra_words"] = provider


def set_search_listener(listener: Callable[[str, int], bool]) -> None:
    """``listener(query, hit_count)`` is told about every query of the search page; it returns
    True when it recorded the query (the page is then not stored by the page cache)."""
    _hooks["listener"] = listener


def thesaurus() -> list[Synonym]:
    provider = _hooks.get("thesaurus")
    return list(provider()) if provider else []


def extra_words(model_label: str, ids: list[int] | None) -> dict[int, list[str]]:
    provider = _hooks.get("extra_words")
    return provider(model_label, ids) if provider else {}


def search_listener() -> Callable[[str, int], bool] | None:
    return _hooks.get("listener")

"""Notes other apps show beside an editor's change form, and what happens when it is saved.

A tiny registry so the catalogue's admin never names another app's models. A provider is a
function ``(request, obj) -> Aside | None`` registered from an ``AppConfig.ready()``; the
editor mixin (``EditorAdmin``) asks every provider on the change page (GET and POST):

- ``title``/``lines`` are shown above the form (plain text, escaped);
- ``change_reason`` becomes the history version's reason when the editor saves;
- ``on_saved(request, obj)`` runs after the object and its inlines were saved.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Model
from django.http import HttpRequest


@dataclass(frozen=True)
class Aside:
    title: str
    lines: tuple[tuple[str, str], ...] = ()  # (label, plain text)
    links: tuple[tuple[str, str], ...] = ()  # (label, url)
    change_reason: str = ""
    on_saved: Callable[[HttpRequest, Model], Any] | None = field(default=None, compare=False)


Provider = Callable[[HttpRequest, Model], Aside | None]
_providers: list[Provider] = []


def register(provider: Provider) -> None:
    if provider not in _providers:
        _providers.append(provider)


def asides_for(request: HttpRequest, obj: Model | None) -> list[Aside]:
    """The asides for ``obj`` on this request, computed once per request."""
    if obj is None or obj.pk is None:
        return []
    cache = request.__dict__.setdefault("_admin_asides", {})
    key = (obj._meta.label_lower, obj.pk)
    if key not in cache:
        cache[key] = [a for provider in _providers if (a := provider(request, obj)) is not None]
    return cache[key]

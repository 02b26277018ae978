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

from .admin_versions import restoring_version


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


class AsidesMixin:
    """Shows the asides on the change page; their ``change_reason`` becomes the saved version's
    reason and their ``on_saved`` runs after the save (never while restoring a version)."""

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.get_object(request, object_id) if object_id else None
        extra_context = {**(extra_context or {}), "asides": asides_for(request, obj)}
        return super().change_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        if change and not _restoring(request):
            # Why the editor saved, from other apps' notes beside the form (e.g. a reader's
            # accepted correction): the new version's reason.
            reasons = [a.change_reason for a in asides_for(request, obj) if a.change_reason]
            if reasons:
                obj._change_reason = "; ".join(reasons)
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        obj = form.instance
        if change and not _restoring(request):
            for aside in asides_for(request, obj):
                if aside.on_saved is not None:
                    aside.on_saved(request, obj)


def _restoring(request: HttpRequest) -> bool:
    return restoring_version(request) is not None

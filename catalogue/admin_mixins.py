"""What every editable model's admin shares, composed from small mixins with one job each.

``EditorAdmin`` is the base class of every editable model's admin (the catalogue's and other
apps'). Its parts, each usable alone:

- ``admin_guard.VersionGuardMixin``: the edit-conflict check (a hidden version token);
- ``admin_versions.VersionsMixin``: the history page and restoring an earlier version;
- ``admin_deleted.DeletedRowsMixin``: "Slettede ...", deleted rows restorable from history;
- ``admin_status.StatusActionsMixin``: publish, draft, archive, mark reviewed (never delete);
- ``admin_asides.AsidesMixin``: other apps' notes beside the form and what they do on save;
- ``admin_index.SearchIndexMixin``: the search index follows every write;
- ``admin_fields.EditorFieldsMixin``: checkboxes, text lists, inlines near the top.

This module also holds the review filter and the frozen slug.
"""

from __future__ import annotations

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from . import services
from .admin_asides import AsidesMixin
from .admin_deleted import DeletedRowsMixin
from .admin_fields import EditorFieldsMixin, TextListField
from .admin_guard import TOKEN_FIELD, VersionGuardedForm, VersionGuardMixin, conflict_message
from .admin_index import SearchIndexMixin
from .admin_status import StatusActionsMixin
from .admin_versions import VersionsMixin

__all__ = [
    "TOKEN_FIELD",
    "EditorAdmin",
    "NotReviewedFilter",
    "SlugFrozenMixin",
    "TextListField",
    "VersionGuardedForm",
    "conflict_message",
]


class NotReviewedFilter(admin.SimpleListFilter):
    title = "gennemgang"
    parameter_name = "gennemgaaet"

    def lookups(self, request, model_admin):
        return [
            ("over-et-aar", "Ikke gennemgået i over et år"),
            ("inden-for-et-aar", "Gennemgået inden for det seneste år"),
        ]

    def queryset(self, request, queryset):
        stale = queryset.model._default_manager.not_reviewed_since(365)
        if self.value() == "over-et-aar":
            return queryset.filter(pk__in=stale.values("pk"))
        if self.value() == "inden-for-et-aar":
            return queryset.exclude(pk__in=stale.values("pk"))
        return queryset


class SlugFrozenMixin:
    """A slug is part of public URLs and the fixtures: made once from ``slug_from``, never
    changed (read-only once saved). An editor may type one when adding, or leave it empty."""

    slug_from: tuple[str, ...] = ("title",)
    slug_prefix = ""

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        return [*readonly, "slug"] if obj is not None else readonly

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if obj is None and "slug" in form.base_fields:
            form.base_fields["slug"].required = False
            form.base_fields["slug"].help_text = (
                "Bruges i adressen. Lad feltet stå tomt for at lave det ud fra "
                f"{' og '.join(str(self.opts.get_field(f).verbose_name) for f in self.slug_from)}."
                " Kan ikke ændres, når posten er gemt."
            )
        return form

    def save_model(self, request, obj, form, change):
        if not obj.slug:
            parts = [self.slug_prefix, *(str(getattr(obj, name)) for name in self.slug_from)]
            text = " ".join(parts)
            obj.slug = services.unique_slug(type(obj), text)
        super().save_model(request, obj, form, change)


class EditorAdmin(
    AsidesMixin,
    SearchIndexMixin,
    VersionsMixin,
    VersionGuardMixin,
    DeletedRowsMixin,
    StatusActionsMixin,
    EditorFieldsMixin,
    SimpleHistoryAdmin,
):
    """History, restore and the conflict check; with ``status``: archive instead of delete.

    The order matters for saves: the asides set the version's reason first, the search index
    is refreshed after the row, its links and inlines were saved (and after a restore), and the
    asides' ``on_saved`` run last.
    """

    change_form_template = "admin/idekatalog/change_form.html"
    change_list_template = "admin/idekatalog/change_list.html"
    save_on_top = True

    class Media:
        js = ["catalogue/admin/select2_labels.js"]

"""What every editable model's admin shares: history with restore, the edit-conflict check,
archiving instead of deleting, the review filter and the editor note.

``EditorAdmin`` is the base class for the catalogue's and the contacts' admins.
"""

from __future__ import annotations

import copy
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.options import ActionLocation
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models import Exists, OuterRef
from django.shortcuts import render
from django.urls import path
from django.utils.formats import date_format
from django.utils.timezone import localtime
from simple_history.admin import SimpleHistoryAdmin

from . import services
from .admin_asides import asides_for
from .admin_diff import WordDiffHelper
from .history import child_changes, child_relations, versions_links
from .models import Status

TOKEN_FIELD = "version_token"


def conflict_message(obj, version: services.Version) -> str:
    who = f" af {version.user}" if version.user else ""
    when = f" {date_format(localtime(version.date), 'j. F Y \\k\\l. H:i')}" if version.date else ""
    return (
        f"{obj._meta.verbose_name.capitalize()} »{obj}« er blevet ændret{who}{when}, efter du "
        "åbnede siden. Dine ændringer er ikke gemt, så ingen andres arbejde er overskrevet. "
        "Åbn siden igen (fx i en ny fane) for at se den nye version, og indfør dine ændringer dér."
    )


class VersionGuardedForm(forms.ModelForm):
    """Carries the version the editor opened in a hidden field and refuses a stale save."""

    version_token = forms.CharField(widget=forms.HiddenInput, required=False)
    #: True when the form restores an earlier version: restoring never trips the check.
    restoring = False
    #: The links of the version being restored ({field name: [pks]}), shown as the initial.
    version_links: dict[str, list] = {}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None and not self.is_bound:
            self.initial[TOKEN_FIELD] = services.latest_version(self.instance).token
            for name, pks in self.version_links.items():
                if name in self.fields:
                    self.initial[name] = pks

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if self.instance.pk is not None and not self.restoring:
            current = services.latest_version(self.instance, lock=True)
            if cleaned.get(TOKEN_FIELD, "") != current.token:
                raise ValidationError(
                    conflict_message(self.instance, current), code="version_conflict"
                )
        return cleaned


class TextListField(forms.CharField):
    """A JSON list of strings edited as plain text: one item per line (or comma-separated)."""

    def __init__(self, *, separator: str = "\n", **kwargs: Any) -> None:
        self.separator = separator
        if separator == "\n":
            kwargs.setdefault("widget", forms.Textarea(attrs={"rows": 4}))
        kwargs["required"] = False
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, list):
            return (", " if self.separator == "," else self.separator).join(map(str, value))
        return value

    def to_python(self, value) -> list[str]:
        if isinstance(value, list):
            return value
        text = super().to_python(value) or ""
        return [part.strip() for part in text.split(self.separator) if part.strip()]

    def has_changed(self, initial, data) -> bool:
        return (initial or []) != self.to_python(data)


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


class EditorAdmin(SimpleHistoryAdmin):
    """History, restore and the conflict check; with ``status``: archive instead of delete."""

    form = VersionGuardedForm
    change_form_template = "admin/idekatalog/change_form.html"
    change_list_template = "admin/idekatalog/change_list.html"
    object_history_template = "simple_history/object_history.html"
    deleted_list_template = "admin/idekatalog/deleted_list.html"
    actions = ["publish_selected", "draft_selected", "archive_selected", "mark_reviewed_selected"]
    save_on_top = True

    class Media:
        js = ["catalogue/admin/select2_labels.js"]

    #: Many-to-many fields with few choices, shown as checkboxes (work without JavaScript).
    checkbox_fields: tuple[str, ...] = ()

    #: JSON lists of strings edited as text: {field name: separator}.
    text_list_fields: dict[str, str] = {}

    #: Show the inlines after this many fieldsets (near the top) instead of after the form.
    inlines_after_fieldsets: int | None = None

    def render_change_form(self, request, context, *args, **kwargs):
        context["inlines_after"] = self.inlines_after_fieldsets
        return super().render_change_form(request, context, *args, **kwargs)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name in self.text_list_fields:
            separator = self.text_list_fields[db_field.name]
            how = "Adskil med komma." if separator == "," else "Ét punkt pr. linje."
            return TextListField(
                separator=separator,
                label=db_field.verbose_name.capitalize(),
                help_text=how,
            )
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name in self.checkbox_fields:
            kwargs["widget"] = forms.CheckboxSelectMultiple
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    # --- the hidden version token -------------------------------------------------------
    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        names = {name for _, options in fieldsets for name in _flatten(options["fields"])}
        if obj is not None and TOKEN_FIELD not in names:
            title, options = fieldsets[0]
            fields = [*options["fields"], TOKEN_FIELD]
            fieldsets = [(title, {**options, "fields": fields}), *fieldsets[1:]]
        elif obj is None and TOKEN_FIELD in names:
            fieldsets = [
                (t, {**o, "fields": [f for f in o["fields"] if f != TOKEN_FIELD]})
                for t, o in fieldsets
            ]
        return fieldsets

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if getattr(request, "_restoring_version", None) is not None:
            record = self._restoring_record(request)
            links = services.links_at(services.content_version(record)) if record else {}
            form = type(form.__name__, (form,), {"restoring": True, "version_links": links})
        return form

    # --- restore -----------------------------------------------------------------------
    def _restoring_record(self, request):
        version_id = getattr(request, "_restoring_version", None)
        if version_id is None:
            return None
        return self.model.history.filter(history_id=version_id).first()

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        request._restoring_version = version_id
        record = self._restoring_record(request)
        children = {}
        if record is not None:
            content = services.content_version(record)
            for name, rows in services.children_as_of(
                record.instance, content.history_date
            ).items():
                related = self.opts.get_field(name).related_model._meta
                children[related.verbose_name_plural] = rows
        extra_context = {
            "title": f"Gendan en tidligere version af {self.opts.verbose_name}",
            "version_children": children,
        }
        return super().history_form_view(request, object_id, version_id, extra_context)

    def save_model(self, request, obj, form, change):
        record = self._restoring_record(request)
        if record is not None:
            # The version's fields (the form), links (the form's initial) and child rows.
            services.restore_version(
                obj=obj, record=record, user=request.user, save_links=form.save_m2m
            )
        else:
            if change:
                # Why the editor saved, from other apps' notes beside the form (e.g. a reader's
                # accepted correction): the new version's reason.
                reasons = [a.change_reason for a in asides_for(request, obj) if a.change_reason]
                if reasons:
                    obj._change_reason = "; ".join(reasons)
            if versions_links(self.model):
                # One version per save, recorded in save_related with the links and inlines.
                obj.skip_history_when_saving = True
            super().save_model(request, obj, form, change)
        services.refresh_search(obj)  # a restore saves no inlines: index it here too

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        obj = form.instance
        if hasattr(obj, "skip_history_when_saving"):
            services.record_saved_version(obj, created=not change, user=request.user)
        services.refresh_search(obj)  # now with its experience rows and questions
        if change and self._restoring_record(request) is None:
            for aside in asides_for(request, obj):
                if aside.on_saved is not None:
                    aside.on_saved(request, obj)

    # --- notes from other apps beside the form (catalogue/admin_asides.py) -------------------
    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.get_object(request, object_id) if object_id else None
        extra_context = {**(extra_context or {}), "asides": asides_for(request, obj)}
        return super().change_view(request, object_id, form_url, extra_context)

    def delete_model(self, request, obj):
        ghost = copy.copy(obj)  # delete() clears obj.pk; the index needs it to drop the entry
        super().delete_model(request, obj)
        services.refresh_search(ghost)

    def delete_queryset(self, request, queryset):
        ghosts = [copy.copy(obj) for obj in queryset]
        super().delete_queryset(request, queryset)
        for ghost in ghosts:
            services.refresh_search(ghost)

    def get_history_queryset(self, request, history_manager, pk_name, object_id):
        # simple-history's own version calls select_related() with no fields when a model has
        # no foreign keys, which Django 6.1 deprecates.
        fks = [
            f.name for f in history_manager.model.tracked_fields if isinstance(f, models.ForeignKey)
        ]
        return history_manager.filter(**{pk_name: object_id}).select_related("history_user", *fks)

    def get_historical_record_context_helper(self, request, historical_record):
        return WordDiffHelper(self.model, historical_record)

    def history_view(self, request, object_id, extra_context=None):
        labels = [
            str(r.related_model._meta.verbose_name_plural) for r in child_relations(self.model)
        ]
        extra_context = {
            **(extra_context or {}),
            "child_changes": child_changes(self.model, object_id),
            "child_labels": labels,
        }
        return super().history_view(request, object_id, extra_context)

    # --- deleted rows, restorable from their last version ----------------------------------
    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        deleted = path(
            "slettede/",
            self.admin_site.admin_view(self.deleted_view),
            name="{}_{}_deleted".format(*info),
        )
        return [deleted, *super().get_urls()]

    def deleted_records(self):
        """The last version of each row that has been deleted and not restored, newest first."""
        history = self.model.history.model
        pk_name = self.opts.pk.attname
        live = self.model._default_manager.filter(pk=OuterRef(pk_name))
        later = history.objects.filter(
            **{pk_name: OuterRef(pk_name)}, history_id__gt=OuterRef("history_id")
        )
        return (
            history.objects.filter(history_type="-")
            .filter(~Exists(live), ~Exists(later))
            .select_related("history_user")
            .order_by("-history_date")
        )

    def deleted_view(self, request):
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "title": f"Slettede {self.opts.verbose_name_plural}",
            "opts": self.opts,
            "records": self.deleted_records()[:200],
            "can_restore": self.has_change_permission(request),
        }
        return render(request, self.deleted_list_template, context)

    # --- status actions: editors archive, they never delete ---------------------------------
    def _has_status(self) -> bool:
        return any(f.name == "status" for f in self.opts.get_fields())

    def get_actions(self, request, action_location=ActionLocation.CHANGE_LIST):
        actions = super().get_actions(request, action_location=action_location)
        if not self._has_status():
            for name in ("publish_selected", "draft_selected", "archive_selected"):
                actions.pop(name, None)
        if not any(f.name == "last_reviewed" for f in self.opts.get_fields()):
            actions.pop("mark_reviewed_selected", None)
        return actions

    def _set_status(self, request, queryset, status: str, done: str) -> None:
        count = services.set_status(
            objects=queryset, status=status, user=request.user, reason=done.capitalize()
        )
        self.message_user(request, f"{count} {done}.", messages.SUCCESS)

    @admin.action(description="Udgiv de valgte", permissions=["change"])
    def publish_selected(self, request, queryset):
        self._set_status(request, queryset, Status.PUBLISHED, "udgivet")

    @admin.action(
        description="Gør de valgte til kladde (skjules for offentligheden)", permissions=["change"]
    )
    def draft_selected(self, request, queryset):
        self._set_status(request, queryset, Status.DRAFT, "gjort til kladde")

    @admin.action(
        description="Arkivér de valgte (fjernes fra kataloget, kan gendannes)",
        permissions=["change"],
    )
    def archive_selected(self, request, queryset):
        self._set_status(request, queryset, Status.ARCHIVED, "arkiveret")

    @admin.action(description="Markér de valgte som gennemgået i dag", permissions=["change"])
    def mark_reviewed_selected(self, request, queryset):
        count = services.mark_reviewed(objects=queryset, user=request.user)
        self.message_user(request, f"{count} markeret som gennemgået i dag.", messages.SUCCESS)


def _flatten(fields) -> list[str]:
    names = []
    for field in fields:
        names.extend(field if isinstance(field, (list, tuple)) else [field])
    return names

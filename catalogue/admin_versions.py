"""Versions in admin: the history page (word diff, child rows' changes) and restoring an
earlier version with its links and child rows (``VersionsMixin``)."""

from __future__ import annotations

from django.db import models
from django.http import HttpRequest

from . import services
from .admin_diff import WordDiffHelper
from .history import child_changes, child_relations, versions_links


def restoring_version(request: HttpRequest) -> str | None:
    """The history id being restored on this request (the history form view), or None."""
    return getattr(request, "_restoring_version", None)


class VersionsMixin:
    """History with restore. A save of a model whose links are versioned records one version,
    with the links and inline rows, after they were saved (``save_related``)."""

    object_history_template = "simple_history/object_history.html"

    def _restoring_record(self, request):
        version_id = restoring_version(request)
        if version_id is None:
            return None
        return self.model.history.filter(history_id=version_id).first()

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if restoring_version(request) is not None:
            record = self._restoring_record(request)
            links = services.links_at(services.content_version(record)) if record else {}
            form = type(form.__name__, (form,), {"restoring": True, "version_links": links})
        return form

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
            return
        if versions_links(self.model):
            # One version per save, recorded in save_related with the links and inlines.
            obj.skip_history_when_saving = True
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        obj = form.instance
        if hasattr(obj, "skip_history_when_saving"):
            services.record_saved_version(obj, created=not change, user=request.user)

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

"""Deleted rows in admin: "Slettede ..." lists each deleted row's last version, restorable from
the history form (``DeletedRowsMixin``)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef
from django.shortcuts import render
from django.urls import path


class DeletedRowsMixin:
    deleted_list_template = "admin/idekatalog/deleted_list.html"

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

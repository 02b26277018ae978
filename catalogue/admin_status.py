"""Status actions in admin: editors publish, draft and archive; they never delete
(``StatusActionsMixin``). Models without ``status``/``last_reviewed`` don't get the actions."""

from __future__ import annotations

from django.contrib import admin, messages
from django.contrib.admin.options import ActionLocation

from . import services
from .models import Status


class StatusActionsMixin:
    actions = ["publish_selected", "draft_selected", "archive_selected", "mark_reviewed_selected"]

    def _has_field(self, name: str) -> bool:
        return any(f.name == name for f in self.opts.get_fields())

    def get_actions(self, request, action_location=ActionLocation.CHANGE_LIST):
        actions = super().get_actions(request, action_location=action_location)
        if not self._has_field("status"):
            for name in ("publish_selected", "draft_selected", "archive_selected"):
                actions.pop(name, None)
        if not self._has_field("last_reviewed"):
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

"""The edit-conflict check: an editor's save never overwrites a version saved after they opened
the page (``VersionGuardedForm`` and ``VersionGuardMixin``)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.formats import date_format
from django.utils.timezone import localtime

from . import services

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


class VersionGuardMixin:
    """Puts the hidden version token into the change form (not the add form)."""

    form = VersionGuardedForm

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


def _flatten(fields) -> list[str]:
    names = []
    for field in fields:
        names.extend(field if isinstance(field, (list, tuple)) else [field])
    return names

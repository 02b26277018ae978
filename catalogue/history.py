"""Versions of a row together with its links and child rows (django-simple-history).

``History`` is ``HistoricalRecords`` with three repairs the editors rely on:

- many-to-many links are versioned (``m2m_fields``): every version stores the links the row had
  then, so the history shows a removed theme and restoring a version brings it back;
- a fixture load (``loaddata``, the backup's restore path) never adds versions: Django 6.1 marks
  the links it writes ``raw``, and the backup already holds the link history;
- a link changed from the other side (``source.initiatives.add(...)``) is a version of the row
  that declares the link, not of the other side.

A model lists the reverse accessors of its child rows in ``versioned_children`` (e.g.
``("questions", "experiences")``): rows with their own history and a foreign key to it. Restoring a
version of the model restores them as they were then (``services.restore_children``).
``services.one_version`` makes a save, its links and its child rows a single version.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import models
from simple_history.models import HistoricalRecords


class History(HistoricalRecords):
    """``HistoricalRecords`` for models whose links (and child rows) are versioned with them."""

    def finalize(self, sender, **kwargs):
        super().finalize(sender, **kwargs)
        if self.cls is sender:
            sender._versioning = self

    def m2m_changed(self, instance, action, attr, pk_set, reverse, raw=False, **kwargs):
        if raw:  # loaddata: the dump holds the link history already
            return
        if not reverse:
            super().m2m_changed(instance, action, attr, pk_set, reverse, **kwargs)
            return
        # Changed from the other side: ``instance`` is e.g. a theme, ``pk_set`` the entries.
        model = kwargs["model"]
        through = kwargs["sender"]
        if action == "pre_clear":
            field = model._meta.get_field(attr)
            owners = through.objects.filter(**{field.m2m_reverse_field_name(): instance.pk})
            instance._versioning_cleared = set(
                owners.values_list(field.m2m_field_name() + "_id", flat=True)
            )
            return
        if action == "post_clear":
            pk_set = getattr(instance, "_versioning_cleared", set())
        elif action not in ("post_add", "post_remove"):
            return
        for owner in model._default_manager.filter(pk__in=pk_set or ()):
            if not hasattr(owner, "skip_history_when_saving"):
                self.create_historical_record(owner, "~")


def versions_links(model: type[models.Model]) -> bool:
    """True when ``model``'s history is kept by :class:`History` (links and child rows)."""
    return getattr(model, "_versioning", None) is not None


def record_version(obj: models.Model, *, created: bool = False) -> None:
    """Add a version of ``obj`` as it is now, with its current links."""
    obj._versioning.create_historical_record(obj, "+" if created else "~")


def child_relations(model: type[models.Model]) -> list[models.ManyToOneRel]:
    """The reverse relations named in ``model.versioned_children``, in that order."""
    return [model._meta.get_field(name) for name in getattr(model, "versioned_children", ())]


@dataclass(frozen=True)
class ChildChange:
    """One version of a child row, for the parent's history page."""

    kind: str  # the child's verbose name, e.g. "telefonnummer"
    action: str  # Oprettet, Ændret, Slettet
    date: datetime.datetime
    user: str
    row: str  # the row as it reads after the change (before it, for a deletion)
    reason: str
    changes: list[tuple[str, str, str]]  # (field, before, after)


ACTIONS = {"+": "Oprettet", "~": "Ændret", "-": "Slettet"}


def child_changes(model: type[models.Model], pk, *, limit: int = 200) -> list[ChildChange]:
    """The versions of the child rows of ``model`` ``pk`` (``versioned_children``), newest
    first, each with what changed since that row's previous version."""
    found: list[ChildChange] = []
    for relation in child_relations(model):
        child = relation.related_model
        pk_name = child._meta.pk.attname
        shown = [
            f
            for f in child.history.model.tracked_fields
            if f.name not in (relation.field.name, child._meta.pk.name)
        ]
        records = (
            child.history.filter(**{relation.field.attname: pk})
            .select_related("history_user")
            .order_by("history_date", "history_id")
        )
        previous: dict = {}
        for record in records:
            before = previous.get(getattr(record, pk_name))
            previous[getattr(record, pk_name)] = record
            changes = []
            if before is not None and record.history_type == "~":
                for field in shown:
                    if getattr(before, field.attname) != getattr(record, field.attname):
                        label = str(field.verbose_name)
                        changes.append((label, _shown(before, field), _shown(record, field)))
            user = record.history_user
            found.append(
                ChildChange(
                    kind=str(child._meta.verbose_name),
                    action=ACTIONS.get(record.history_type, record.history_type),
                    date=record.history_date,
                    user=(user.get_full_name() or user.get_username()) if user else "",
                    row=str(record.instance),
                    reason=record.history_change_reason or "",
                    changes=changes,
                )
            )
    found.sort(key=lambda change: change.date, reverse=True)
    return found[:limit]


def _shown(record: models.Model, field: models.Field) -> str:
    if isinstance(field, models.ForeignKey):
        value = getattr(record, field.attname)
        if value is None:
            return ""
        related = field.related_model._default_manager.filter(pk=value).first()
        return str(related) if related is not None else str(value)
    value = getattr(record, field.attname)
    return "" if value is None else str(value)

"""Writes with rules for the editors' side: version tokens, archiving, review dates.

The history itself is kept by django-simple-history: every ``save()`` and ``delete()`` of a
model with ``history = HistoricalRecords()`` adds a historical record with who and when. These
services therefore always save row by row (never ``QuerySet.update``), so that every change is
a version an editor can see and restore.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import models, transaction
from django.utils import timezone
from django.utils.text import slugify

from . import search
from .examples import CONTEXT_FIELDS, carry_context
from .models import Status

#: Foreign keys through which a row belongs to a searchable entry (experience, question, phone).
PARENT_FIELDS = ("initiative", "method", "contact")


@dataclass(frozen=True)
class Version:
    """The newest version of a row: its history id (the token) and who made it when."""

    token: str
    user: str
    date: datetime.datetime | None


def latest_version(obj: models.Model, *, lock: bool = False) -> Version:
    """The newest historical record of ``obj``; ``lock`` holds the row until the transaction ends.

    On PostgreSQL the lock makes "check the token, then save" atomic: a second editor's save
    waits for the first one's transaction and then sees its new version. SQLite serialises
    writers anyway and ignores ``select_for_update``.
    """
    model = type(obj)
    if lock and transaction.get_connection().in_atomic_block:
        list(model._default_manager.select_for_update().filter(pk=obj.pk).values_list("pk"))
    record = (
        model.history.filter(**{model._meta.pk.attname: obj.pk})
        .select_related("history_user")
        .order_by("-history_id")
        .first()
    )
    if record is None:
        return Version(token="", user="", date=None)
    user = record.history_user
    name = (user.get_full_name() or user.get_username()) if user else ""
    return Version(token=str(record.history_id), user=name, date=record.history_date)


def set_status(*, objects: Iterable[models.Model], status: str, user=None, reason: str = "") -> int:
    """Give each object ``status`` (one history version each); returns how many changed."""
    if status not in Status.values:
        raise ValueError(f"unknown status {status!r}")
    changed = 0
    with transaction.atomic():
        for obj in objects:
            if obj.status == status:
                continue
            obj.status = status
            _save_as(obj, user=user, reason=reason)
            refresh_search(obj)
            changed += 1
    return changed


def archive(*, objects: Iterable[models.Model], user=None) -> int:
    """Take entries off the public site without losing them: the editors' "delete"."""
    return set_status(objects=objects, status=Status.ARCHIVED, user=user, reason="Arkiveret")


def mark_reviewed(
    *, objects: Iterable[models.Model], user=None, on: datetime.date | None = None
) -> int:
    """Record that an editor has checked each object's content on ``on`` (default: today)."""
    day = on or timezone.localdate()
    with transaction.atomic():
        count = 0
        for obj in objects:
            obj.last_reviewed = day
            _save_as(obj, user=user, reason="Markeret som gennemgået")
            count += 1
    return count


def refresh_search(obj: models.Model) -> None:
    """Bring the search index up to date after ``obj`` was saved, restored or deleted.

    A row that belongs to an entry (an experience row, a question, a phone number) re-indexes
    that entry; unpublished and deleted objects drop out of the index.
    """
    for name in PARENT_FIELDS:
        parent = getattr(obj, name, None)
        if isinstance(parent, models.Model):
            search.reindex(parent)
    search.reindex(obj)


def carry_example_context(*, method: models.Model, user=None) -> int:
    """Give each question block of ``method``'s example cell the technique and audience above
    it (see ``catalogue.examples.carry_context``), after an editor reordered or relabelled the
    blocks. Saves, with history, only the rows that change; returns how many did."""
    blocks = list(method.questions.order_by("order", "pk"))
    before = [tuple(getattr(b, name) for name in CONTEXT_FIELDS) for b in blocks]
    carry_context(blocks)
    changed = 0
    for block, old in zip(blocks, before, strict=True):
        if tuple(getattr(block, name) for name in CONTEXT_FIELDS) != old:
            _save_as(block, user=user, reason="Teknik og hvem-taler-med-hvem fra blokkene ovenfor")
            changed += 1
    return changed


def _save_as(obj: models.Model, *, user, reason: str) -> None:
    if user is not None:
        obj._history_user = user
    if reason:
        obj._change_reason = reason
    obj.save()


DANISH_LETTERS = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "ae", "Ø": "oe", "Å": "aa"})


def unique_slug(model: type[models.Model], text: str, *, max_length: int = 100) -> str:
    """A lowercase ASCII slug for ``text`` (æ→ae, ø→oe, å→aa) not yet used by ``model``."""
    base = slugify(text.translate(DANISH_LETTERS))[:max_length].strip("-") or "post"
    slug, n = base, 1
    while model._default_manager.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def add_experience(
    *,
    organisation: models.Model,
    entry: models.Model,
    note: str = "",
    user=None,
    reason: str = "",
) -> models.Model:
    """Record that ``organisation`` has experience with ``entry`` (an initiative or a method).

    One history version with ``user`` and ``reason``; the entry is re-indexed. Raises
    ValidationError (Danish) if the organisation is already listed for the entry.
    """
    from django.core.exceptions import ValidationError

    from .models import Experience, Method

    key = "method" if isinstance(entry, Method) else "initiative"
    if Experience.objects.filter(organisation=organisation, **{key: entry}).exists():
        raise ValidationError(f"{organisation} står allerede som erfaren med »{entry}«.")
    with transaction.atomic():
        last = entry.experiences.aggregate(models.Max("order"))["order__max"] or 0
        experience = Experience(organisation=organisation, note=note.strip(), order=last + 1)
        setattr(experience, key, entry)
        _save_as(experience, user=user, reason=reason)
        refresh_search(experience)
    return experience

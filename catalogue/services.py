"""Writes with rules for the editors' side: version tokens, archiving, review dates.

The history itself is kept by django-simple-history: every ``save()`` and ``delete()`` of a
model with ``history = HistoricalRecords()`` adds a historical record with who and when. These
services therefore always save row by row (never ``QuerySet.update``), so that every change is
a version an editor can see and restore.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.timezone import localtime

from . import search
from .examples import CONTEXT_FIELDS, carry_context
from .history import child_relations, record_version, versions_links
from .models import Status
from .slugs import danish_slug


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

    A child row (an experience row, a question: a row its parent lists in
    ``versioned_children``) re-indexes its parent; unpublished and deleted objects drop out of
    the index. The admin and the services call this after every write.
    """
    for parent in parents_of(obj):
        search.reindex(parent)
    search.reindex(obj)


def parents_of(obj: models.Model) -> list[models.Model]:
    """The rows ``obj`` is a child row of: the targets of its foreign keys whose model names
    the reverse relation in ``versioned_children`` (a question's method)."""
    parents = []
    for field in obj._meta.concrete_fields:
        if not field.many_to_one:
            continue
        accessor = field.remote_field.get_accessor_name()
        if accessor in getattr(field.related_model, "versioned_children", ()):
            parent = getattr(obj, field.name, None)  # None also when the parent is gone
            if parent is not None:
                parents.append(parent)
    return parents


def carry_example_context(*, method: models.Model, user=None) -> int:
    """Give each question block of ``method``'s example cell the technique and audience above
    it (see ``catalogue.examples.carry_context``), after an editor reordered or relabelled the
    blocks. Saves, with history, only the rows that change (and then re-indexes the method);
    returns how many did."""
    blocks = list(method.questions.order_by("order", "pk"))
    before = [tuple(getattr(b, name) for name in CONTEXT_FIELDS) for b in blocks]
    carry_context(blocks)
    changed = 0
    for block, old in zip(blocks, before, strict=True):
        if tuple(getattr(block, name) for name in CONTEXT_FIELDS) != old:
            _save_as(block, user=user, reason="Teknik og hvem-taler-med-hvem fra blokkene ovenfor")
            changed += 1
    if changed:
        refresh_search(method)
    return changed


@contextmanager
def one_version(obj: models.Model, *, user=None, reason: str = "") -> Iterator[None]:
    """Make the saves of ``obj``, its links and its child rows inside the block one version.

    The version is recorded when the block ends, after the links and child rows, so it holds
    the links as saved and is dated after the child rows (restoring it finds them). Models
    whose history is plain ``HistoricalRecords`` get a version per save as before.
    """
    if not versions_links(type(obj)):
        yield
        return
    created = obj._state.adding
    obj.skip_history_when_saving = True
    try:
        yield
    finally:
        del obj.skip_history_when_saving
    if user is not None:
        obj._history_user = user
    if reason:
        obj._change_reason = reason
    record_version(obj, created=created)


def record_saved_version(obj: models.Model, *, created: bool, user=None) -> None:
    """Record the version of ``obj`` whose save skipped history until its links were saved
    (the admin saves the row, then its links and inline rows, then calls this)."""
    if hasattr(obj, "skip_history_when_saving"):
        del obj.skip_history_when_saving
    if user is not None:
        obj._history_user = user
    record_version(obj, created=created)


def restore_version(*, obj: models.Model, record: models.Model, user=None, save_links=None) -> None:
    """Save ``obj`` (holding the field values of the historical ``record``) as a new version,
    with the record's links and its child rows as they were then.

    ``save_links`` saves the links instead (the admin passes its form's ``save_m2m``, whose
    initial values are the record's links). Restoring never checks the version token: it is
    a new version, so anyone who had the row open is told when they save.
    """
    when = date_format(localtime(record.history_date), "j. F Y \\k\\l. H:i")
    reason = f"Gendannet fra versionen fra {when}"
    content = content_version(record)
    if user is not None:
        obj._history_user = user
    obj._change_reason = reason
    with transaction.atomic(), one_version(obj, user=user, reason=reason):
        obj.save()
        if save_links is not None:
            save_links()
        else:
            for name, pks in links_at(content).items():
                getattr(obj, name).set(pks)
        restore_children(parent=obj, when=content.history_date, user=user, reason=reason)


def content_version(record: models.Model) -> models.Model:
    """The version whose links and child rows ``record`` stands for: itself, or for a
    deletion the version before it (by then the links and child rows were already gone)."""
    if record.history_type == "-":
        return record.prev_record or record
    return record


def links_at(record: models.Model) -> dict[str, list]:
    """The many-to-many links a historical record holds: {field name: [target pks]}."""
    links = {}
    for field in getattr(record, "_history_m2m_fields", ()):
        target = field.m2m_reverse_field_name()
        rows = getattr(record, field.name).all()
        links[field.name] = list(rows.values_list(f"{target}_id", flat=True))
    return links


def children_as_of(parent: models.Model, when: datetime.datetime) -> dict[str, list]:
    """``parent``'s child rows (``versioned_children``) as they were at ``when``, as instances.

    The newest version of every child row up to ``when`` (across all parents, so a row that
    moved away counts as gone), keeping the rows that then belonged to ``parent``.
    """
    rows: dict[str, list] = {}
    for relation in child_relations(type(parent)):
        child = relation.related_model
        fk = relation.field.attname
        records = (
            child.history.filter(history_date__lte=when)
            .latest_of_each()
            .filter(**{fk: parent.pk})
            .order_by("history_id")
        )
        newest = {}
        for record in records:  # ties on history_date: the highest history_id wins
            newest[getattr(record, child._meta.pk.attname)] = record
        instances = [r.instance for r in newest.values() if r.history_type != "-"]
        order = [f for f in ("order", "pk") if f == "pk" or hasattr(child, f)]
        rows[relation.name] = sorted(
            instances, key=lambda row: tuple(getattr(row, f) or 0 for f in order)
        )
    return rows


def restore_children(
    *, parent: models.Model, when: datetime.datetime, user=None, reason: str = ""
) -> int:
    """Bring ``parent``'s child rows back to how they were at ``when``; returns rows changed.

    Rows added since are deleted, changed rows get their old values, deleted rows come back
    with their old primary key: each as a new version of that row (nothing leaves the
    history). Where the old values clash with a unique rule on the way (two questions
    swapping places), the changed rows are deleted and re-created instead.
    """
    wanted = children_as_of(parent, when)
    changed = 0
    with transaction.atomic():
        for relation in child_relations(type(parent)):
            old = {row.pk: row for row in wanted[relation.name]}
            current = {row.pk: row for row in getattr(parent, relation.name).all()}
            fields = [f.attname for f in relation.related_model._meta.concrete_fields]
            for pk, row in current.items():
                if pk not in old:
                    _delete_as(row, user=user, reason=reason)
                    changed += 1
            pending = [
                row
                for pk, row in old.items()
                if pk not in current
                or any(getattr(row, f) != getattr(current[pk], f) for f in fields)
            ]
            try:
                with transaction.atomic():
                    for row in pending:
                        row._state.adding = row.pk not in current
                        _save_as(row, user=user, reason=reason)
            except IntegrityError:
                for row in pending:
                    if row.pk in current:
                        _delete_as(current[row.pk], user=user, reason=reason)
                for row in pending:
                    row._state.adding = True
                    _save_as(row, user=user, reason=reason, force_insert=True)
            changed += len(pending)
    return changed


def _delete_as(obj: models.Model, *, user, reason: str) -> None:
    if user is not None:
        obj._history_user = user
    if reason:
        obj._change_reason = reason
    obj.delete()


def _save_as(obj: models.Model, *, user, reason: str, force_insert: bool = False) -> None:
    if user is not None:
        obj._history_user = user
    if reason:
        obj._change_reason = reason
    obj.save(force_insert=force_insert)


def unique_slug(model: type[models.Model], text: str, *, max_length: int = 100) -> str:
    """A lowercase ASCII slug for ``text`` (æ→ae, ø→oe, å→aa) not yet used by ``model``."""
    base = danish_slug(text)[:max_length].strip("-") or "post"
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

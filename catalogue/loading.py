"""Load the TOML transcription (``fixtures/*.toml``) into the database, safely and repeatably.

Each fixture record is normalised (defaults filled in) and hashed. The hash of what was loaded is
kept on the row (``source_hash``). On a later load a row is:

- *created* when its slug is new;
- *unchanged* when the database already holds exactly the fixture record;
- *updated* when the fixture changed and nobody edited the row since it was loaded;
- *skipped* when an editor changed the row since it was loaded: an edit is never overwritten.

Other apps add their own kinds with :func:`register` (``contacts`` does, from its AppConfig), so
this module never imports them.
"""

from __future__ import annotations

import hashlib
import json
import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.db import models, transaction

from . import models as m
from . import services
from .examples import CONTEXT_FIELDS, OWN_FIELDS, ExampleKind, carry_context

FIXTURES_DIR = Path(settings.BASE_DIR) / "fixtures"


class FixtureError(Exception):
    """The transcription refers to something that does not exist, or is malformed."""


@dataclass(frozen=True)
class Child:
    """Rows that belong to an entry and are stored, compared and replaced with it."""

    key: str  # list name in the record, e.g. "experience"
    related_name: str  # reverse accessor on the entry, e.g. "experiences"
    fields: tuple[str, ...]  # plain fields of each child; a str child uses fields[0] only
    parent_field: str | Callable[[models.Model], str]  # FK name on the child pointing to entry
    fks: dict[str, type[models.Model]] = field(default_factory=dict)
    scalar: bool = False  # the record holds plain strings (phones, e-mails)
    # Completes the normalised items (in place), e.g. derives fields from the items above.
    prepare: Callable[[list[dict[str, Any]], str], None] | None = None


@dataclass(frozen=True)
class Kind:
    key: str  # table name in the TOML file, e.g. "initiative"
    file: str  # fixture file stem
    model: type[models.Model]
    fields: tuple[str, ...]
    fks: dict[str, type[models.Model]] = field(default_factory=dict)
    m2m: dict[str, type[models.Model]] = field(default_factory=dict)
    children: tuple[Child, ...] = ()


def _experience_parent(entry: models.Model) -> str:
    return "initiative" if isinstance(entry, m.Initiative) else "method"


EXPERIENCE = Child(
    key="experience",
    related_name="experiences",
    fields=("organisation", "note"),
    parent_field=_experience_parent,
    fks={"organisation": m.Organisation},
)


def _prepare_examples(items: list[dict[str, Any]], where: str) -> None:
    """A method's example blocks: a known kind, only that kind's own fields, context carried."""
    for item in items:
        item["kind"] = item["kind"] or ExampleKind.QUESTION
        if item["kind"] not in ExampleKind.values:
            raise FixtureError(f"{where}: unknown example kind {item['kind']!r}")
        own = OWN_FIELDS[item["kind"]]
        stray = [name for name in (*CONTEXT_FIELDS, "text") if item[name] and name not in own]
        if stray:
            raise FixtureError(f"{where}: a {item['kind']} block cannot have {stray}")
        if not any(item[name] for name in own[:1]):
            raise FixtureError(f"{where}: an empty {item['kind']} block")
    carry_context(items)


EXAMPLES = Child(
    key="example",
    related_name="questions",
    fields=("kind", "technique", "technique_text", "audience", "text"),
    parent_field="method",
    prepare=_prepare_examples,
)

KINDS: list[Kind] = [
    Kind("level", "taxonomy", m.PreventionLevel, ("name", "table_title", "description", "order")),
    Kind("theme", "taxonomy", m.Theme, ("name", "order", "editor_note")),
    Kind(
        "organisation",
        "taxonomy",
        m.Organisation,
        ("name", "short_name", "kind", "region", "order", "editor_note"),
    ),
    Kind("source", "about", m.Source, ("number", "text", "url", "order", "editor_note")),
    Kind(
        "initiative",
        "initiatives",
        m.Initiative,
        (
            "title",
            "theme_text",
            "purpose",
            "coordination",
            "target_group",
            "experience_text",
            "description",
            "read_more_page",
            "order",
            "editor_note",
        ),
        fks={"level": m.PreventionLevel},
        m2m={"themes": m.Theme, "sources": m.Source},
        children=(EXPERIENCE,),
    ),
    Kind(
        "method",
        "methods",
        m.Method,
        (
            "title",
            "aliases",
            "purpose",
            "professionals",
            "experience_text",
            "description",
            "read_more_page",
            "order",
            "editor_note",
        ),
        m2m={"sources": m.Source},
        children=(EXPERIENCE, EXAMPLES),
    ),
    Kind(
        "development_initiative",
        "about",
        m.DevelopmentInitiative,
        ("title", "description", "order", "editor_note"),
        m2m={"organisations": m.Organisation},
    ),
    Kind("recommendation", "about", m.Recommendation, ("title", "text", "order", "editor_note")),
    Kind("advice", "about", m.GoodAdvice, ("title", "text", "order", "editor_note")),
    Kind(
        "definition",
        "about",
        m.Definition,
        ("title", "text", "attribution", "order", "editor_note"),
    ),
    Kind("section", "about", m.AboutSection, ("title", "text", "order", "editor_note")),
    Kind(
        "literature",
        "about",
        m.LiteratureEntry,
        ("authors", "year", "title", "publisher", "url", "order", "editor_note"),
    ),
]


def register(kind: Kind) -> None:
    """Let another app load its own fixture kind after the catalogue's."""
    if all(existing.key != kind.key for existing in KINDS):
        KINDS.append(kind)


# --- records: fixture data and database rows in one comparable shape -------------------------


def _default(model: type[models.Model], name: str) -> Any:
    return model._meta.get_field(name).get_default()


def normalise(kind: Kind, raw: dict[str, Any]) -> dict[str, Any]:
    """The fixture record with every field present, so hashes compare like with like."""
    known = {"slug", *kind.fields, *kind.fks, *kind.m2m, *(c.key for c in kind.children)}
    unknown = set(raw) - known
    if unknown:
        raise FixtureError(f"{kind.key} {raw.get('slug')!r}: unknown keys {sorted(unknown)}")
    if not raw.get("slug"):
        raise FixtureError(f"a {kind.key} in {kind.file}.toml has no slug")
    record: dict[str, Any] = {"slug": raw["slug"]}
    for name in kind.fields:
        record[name] = raw.get(name, _default(kind.model, name))
        if isinstance(record[name], str):
            record[name] = record[name].strip()
    for name in kind.fks:
        record[name] = raw.get(name)
    for name in kind.m2m:
        record[name] = sorted(raw.get(name, []))
    for child in kind.children:
        items = []
        for item in raw.get(child.key, []):
            if child.scalar:
                items.append(str(item).strip())
            else:
                stray = set(item) - set(child.fields)
                if stray:
                    raise FixtureError(
                        f"{kind.key} {raw['slug']!r}: unknown {child.key} keys {sorted(stray)}"
                    )
                items.append(
                    {
                        name: item[name] if name in child.fks else item.get(name, "").strip()
                        for name in child.fields
                    }
                )
        if child.prepare is not None:
            child.prepare(items, f"{kind.key} {raw['slug']!r}")
        record[child.key] = items
    return record


def snapshot(kind: Kind, obj: models.Model) -> dict[str, Any]:
    """The database row in the shape of a normalised fixture record."""
    record: dict[str, Any] = {"slug": obj.slug}
    for name in kind.fields:
        record[name] = getattr(obj, name)
    for name in kind.fks:
        related = getattr(obj, name)
        record[name] = related.slug if related else None
    for name in kind.m2m:
        record[name] = sorted(getattr(obj, name).values_list("slug", flat=True))
    for child in kind.children:
        rows = getattr(obj, child.related_name).order_by("order", "pk")
        if child.scalar:
            record[child.key] = [getattr(row, child.fields[0]) for row in rows]
        else:
            record[child.key] = [
                {
                    name: getattr(row, name).slug if name in child.fks else getattr(row, name)
                    for name in child.fields
                }
                for row in rows
            ]
    return record


def digest(record: dict[str, Any]) -> str:
    canonical = json.dumps(record, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()


# --- writing ----------------------------------------------------------------------------------


def _lookup(model: type[models.Model], slug: str, where: str) -> models.Model:
    try:
        return model._default_manager.get(slug=slug)
    except ObjectDoesNotExist:
        raise FixtureError(f"{where}: no {model._meta.model_name} with slug {slug!r}") from None


def _write(kind: Kind, obj: models.Model, record: dict[str, Any], source_hash: str) -> None:
    where = f"{kind.key} {record['slug']!r}"
    for name in kind.fields:
        setattr(obj, name, record[name])
    for name, model in kind.fks.items():
        setattr(obj, name, _lookup(model, record[name], where) if record[name] else None)
    obj.source_hash = source_hash
    with services.one_version(obj):  # the row, its links and child rows: one version
        obj.save()
        for name, model in kind.m2m.items():
            getattr(obj, name).set([_lookup(model, slug, where) for slug in record[name]])
        for child in kind.children:
            _write_children(child, obj, record[child.key], where)


def _write_children(child: Child, obj: models.Model, items: list, where: str) -> None:
    manager = getattr(obj, child.related_name)
    child_model = manager.model
    for row in manager.all():
        row.delete()  # one by one, so history (where enabled) records each removal
    parent_field = child.parent_field(obj) if callable(child.parent_field) else child.parent_field
    for order, item in enumerate(items, start=1):
        values = {child.fields[0]: item} if child.scalar else dict(item)
        for name, model in child.fks.items():
            values[name] = _lookup(model, values[name], where)
        child_model.objects.create(**{parent_field: obj}, order=order, **values)


@dataclass
class Report:
    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    unchanged: dict[str, int] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)

    def count(self, bucket: dict[str, int], key: str) -> None:
        bucket[key] = bucket.get(key, 0) + 1

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated)


def read_fixture(stem: str, directory: Path = FIXTURES_DIR) -> dict[str, Any]:
    path = directory / f"{stem}.toml"
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise FixtureError(f"missing fixture file {path}") from None
    except tomllib.TOMLDecodeError as exc:
        raise FixtureError(f"{path}: {exc}") from None


def load_kind(kind: Kind, raw_records: Iterable[dict[str, Any]], report: Report) -> None:
    seen: set[str] = set()
    for raw in raw_records:
        record = normalise(kind, raw)
        slug = record["slug"]
        if slug in seen:
            raise FixtureError(f"{kind.key} slug {slug!r} occurs twice in {kind.file}.toml")
        seen.add(slug)
        wanted = digest(record)
        obj = kind.model._default_manager.filter(slug=slug).first()
        if obj is None:
            _write(kind, kind.model(slug=slug), record, wanted)
            report.count(report.created, kind.key)
            continue
        current = digest(snapshot(kind, obj))
        if current == wanted:
            if obj.source_hash != wanted:
                kind.model._default_manager.filter(pk=obj.pk).update(source_hash=wanted)
            report.count(report.unchanged, kind.key)
        elif current == obj.source_hash:
            _write(kind, obj, record, wanted)
            report.count(report.updated, kind.key)
        else:
            report.skipped.append(f"{kind.key} {slug}")


def load_all(directory: Path = FIXTURES_DIR) -> Report:
    """Load every registered kind in order, in one transaction."""
    report = Report()
    files: dict[str, dict[str, Any]] = {}
    with transaction.atomic():
        for kind in KINDS:
            if kind.file not in files:
                files[kind.file] = read_fixture(kind.file, directory)
            load_kind(kind, files[kind.file].get(kind.key, []), report)
    return report

"""The whole published catalogue as one JSON-ready dict: ``GET /data/katalog.json``.

The shape is a stable interface (README, "Interfaces"); ``tests/catalogue/test_katalog_json.py``
pins it. Other apps add their own top-level keys with :func:`register_section` (the directory's
contact points, the glossary), so this module never names them.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Prefetch

from . import models as m
from .revision import catalogue_revision


def level_to_dict(level: m.PreventionLevel) -> dict[str, Any]:
    return {"slug": level.slug, "name": level.name}


def theme_to_dict(theme: m.Theme) -> dict[str, Any]:
    return {"slug": theme.slug, "name": theme.name}


def organisation_to_dict(org: m.Organisation) -> dict[str, Any]:
    return {
        "slug": org.slug,
        "name": org.name,
        "short_name": org.short_name,
        "kind": org.kind,
        "region": org.region,
    }


def experience_to_list(entry: m.Initiative | m.Method) -> list[dict[str, str]]:
    return [
        {"organisation": exp.organisation.short_name, "note": exp.note}
        for exp in entry.experiences.all()
    ]


def sources_to_list(entry: m.Initiative | m.Method) -> list[dict[str, Any]]:
    return [{"number": source.number, "text": source.text} for source in entry.sources.all()]


def initiative_to_dict(item: m.Initiative) -> dict[str, Any]:
    return {
        "slug": item.slug,
        "title": item.title,
        "level": item.level.name,
        "themes": [theme.name for theme in item.themes.all()],
        "purpose": item.purpose,
        "coordination": item.coordination,
        "target_group": item.target_group,
        "description": item.description,
        "read_more_page": item.read_more_page,
        "experience": experience_to_list(item),
        "sources": sources_to_list(item),
    }


def question_to_dict(question: m.Question) -> dict[str, str]:
    return {"technique": question.technique, "audience": question.audience, "text": question.text}


def example_to_dict(block: m.Question) -> dict[str, str]:
    return {
        "kind": block.kind,
        "technique": block.technique,
        "technique_text": block.technique_text,
        "audience": block.audience,
        "text": block.text,
    }


def method_to_dict(item: m.Method) -> dict[str, Any]:
    return {
        "slug": item.slug,
        "title": item.title,
        "aliases": list(item.aliases),
        "purpose": item.purpose,
        "professionals": item.professionals,
        "description": item.description,
        "read_more_page": item.read_more_page,
        "experience": experience_to_list(item),
        "questions": [question_to_dict(q) for q in item.questions.all() if q.is_question],
        "examples": [example_to_dict(block) for block in item.questions.all()],
        "sources": sources_to_list(item),
    }


def development_to_dict(item: m.DevelopmentInitiative) -> dict[str, Any]:
    return {
        "slug": item.slug,
        "title": item.title,
        "description": item.description,
        "organisations": [org.short_name for org in item.organisations.all()],
    }


def text_to_dict(item: m.Recommendation | m.GoodAdvice) -> dict[str, str]:
    return {"title": item.title, "text": item.text}


def literature_to_dict(item: m.LiteratureEntry) -> dict[str, str]:
    return {
        "authors": item.authors,
        "year": item.year,
        "title": item.title,
        "publisher": item.publisher,
    }


def _experience_prefetch() -> Prefetch:
    return Prefetch(
        "experiences",
        queryset=m.Experience.objects.select_related("organisation").order_by("order", "pk"),
    )


#: Sections other apps add after the catalogue's own keys: {key: items producer}.
_extra_sections: dict[str, Callable[[], Iterable[dict[str, Any]]]] = {}


def register_section(key: str, items: Callable[[], Iterable[dict[str, Any]]]) -> None:
    """Add a top-level key to katalog.json (after the catalogue's own, in registration order).

    Called from another app's ``AppConfig.ready()``; ``items()`` yields JSON-ready dicts of
    published rows only, in a fixed number of queries. The catalogue's keys cannot be replaced.
    """
    _extra_sections[key] = items


CHUNK = 500  # rows fetched (with their prefetches) at a time: memory stays flat as data grows


def catalogue_sections() -> dict[str, Callable[[], Iterable[dict[str, Any]]]]:
    """Each top-level key of katalog.json and how to produce its items, in catalogue order.

    Everything published; a fixed number of queries per chunk of rows.
    """

    def rows(queryset):
        return queryset.iterator(chunk_size=CHUNK)

    own = {
        "themes": lambda: (theme_to_dict(t) for t in m.Theme.objects.all()),
        "levels": lambda: (level_to_dict(lv) for lv in m.PreventionLevel.objects.all()),
        "organisations": lambda: (organisation_to_dict(o) for o in m.Organisation.objects.all()),
        "initiatives": lambda: (
            initiative_to_dict(i)
            for i in rows(
                m.Initiative.objects.published()
                .select_related("level")
                .prefetch_related("themes", "sources", _experience_prefetch())
            )
        ),
        "methods": lambda: (
            method_to_dict(x)
            for x in rows(
                m.Method.objects.published().prefetch_related(
                    "sources", "questions", _experience_prefetch()
                )
            )
        ),
        "development_initiatives": lambda: (
            development_to_dict(d)
            for d in m.DevelopmentInitiative.objects.published().prefetch_related("organisations")
        ),
        "recommendations": lambda: (text_to_dict(r) for r in m.Recommendation.objects.published()),
        "good_advice": lambda: (text_to_dict(a) for a in m.GoodAdvice.objects.published()),
        "definitions": lambda: (
            {"title": d.title, "text": d.text, "attribution": d.attribution}
            for d in m.Definition.objects.published()
        ),
        "literature": lambda: (
            literature_to_dict(li) for li in m.LiteratureEntry.objects.published()
        ),
    }
    return {**own, **{k: v for k, v in _extra_sections.items() if k not in own}}


def catalogue_json_chunks() -> Iterator[str]:
    """katalog.json as text, one item at a time, never the whole catalogue as Python objects."""

    def encode(value: Any) -> str:
        return json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False)

    yield "{"
    for n, (key, items) in enumerate(catalogue_sections().items()):
        yield f"{', ' if n else ''}{encode(key)}: ["
        for i, item in enumerate(items()):
            yield f"{', ' if i else ''}{encode(item)}"
        yield "]"
    yield f", {encode('terms_of_use')}: {encode(terms_of_use())}"
    yield "}"


def terms_of_use() -> str:
    """The terms of reuse (the ``OPEN_DATA_TERMS`` setting), a top-level key of katalog.json."""
    return settings.OPEN_DATA_TERMS


def open_data_revision(revision: str | None = None) -> str:
    """The catalogue revision (read now unless given) plus the terms of reuse: katalog.json's
    ETag, so a client holding the old document gets the new terms after the operator changes
    them."""
    terms = hashlib.sha256(terms_of_use().encode()).hexdigest()[:8]
    return f"{revision or catalogue_revision()}-{terms}"

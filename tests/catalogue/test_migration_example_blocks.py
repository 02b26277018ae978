"""Migration 0005_example_blocks: an existing database's example cells become ordered blocks.

A method nobody edited since it was loaded is handed back to the loader (which then writes the
re-transcribed cell); an edited one keeps the editor's text, converted, and is left alone.
"""

import hashlib
import json

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from catalogue.loading import KINDS, digest, snapshot

BEFORE = [("catalogue", "0004_question_text_optional")]
AFTER = [("catalogue", "0005_example_blocks")]
OLD_FIELDS = (
    "title", "aliases", "purpose", "examples_intro", "professionals", "experience_text",
    "description", "read_more_page", "order", "editor_note",
)  # fmt: skip


def old_loader_hash(method) -> str:
    """The hash the loader wrote before the migration (its record shape at 0004)."""
    record = {"slug": method.slug, **{name: getattr(method, name) for name in OLD_FIELDS}}
    record["sources"], record["experience"] = [], []
    record["question"] = [
        {n: getattr(q, n) for n in ("technique", "technique_text", "audience", "text")}
        for q in method.questions.order_by("order", "pk")
    ]
    canonical = json.dumps(record, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()


@pytest.fixture
def executor(transactional_db):
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    yield executor
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())


def old_method(apps, slug: str, *, edited: bool):
    Method = apps.get_model("catalogue", "Method")
    Question = apps.get_model("catalogue", "Question")
    method = Method.objects.create(
        slug=slug, title=slug, examples_intro="Samtalen består af tre faser:\n\nHerefter ..."
    )
    rows = [
        ("", "", "", "Hvordan oplever du de andre?"),
        ("Kortlægning", "situationen kortlægges.", "", ""),
        ("Tiltag", "tiltag foreslås.", "Fagprofessionel til borger", "Hvad nu?"),
    ]
    for order, (technique, explanation, audience, text) in enumerate(rows, start=1):
        Question.objects.create(
            method=method, technique=technique, technique_text=explanation,
            audience=audience, text=text, order=order,
        )  # fmt: skip
    method.source_hash = "redigeret" if edited else old_loader_hash(method)
    method.save()


def test_it_turns_intro_and_questions_into_blocks_and_hands_untouched_methods_back(executor):
    apps = executor.loader.project_state(BEFORE).apps
    old_method(apps, "urort", edited=False)
    old_method(apps, "redigeret", edited=True)

    executor.loader.build_graph()
    executor.migrate(AFTER)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())

    from catalogue.models import Method

    method_kind = next(kind for kind in KINDS if kind.key == "method")
    for slug in ("urort", "redigeret"):
        method = Method.objects.get(slug=slug)
        blocks = [
            (b.kind, b.text or b.technique or b.audience)
            for b in method.questions.order_by("order")
        ]
        assert blocks == [
            ("text", "Samtalen består af tre faser:"),
            ("text", "Herefter ..."),
            ("question", "Hvordan oplever du de andre?"),
            ("technique", "Kortlægning"),
            ("technique", "Tiltag"),
            ("audience", "Fagprofessionel til borger"),
            ("question", "Hvad nu?"),
        ]
        assert method.questions.get(text="Hvad nu?").technique == "Tiltag"
        assert method.questions.first().history.exists()
        untouched = method.source_hash == digest(snapshot(method_kind, method))
        assert untouched is (slug == "urort")

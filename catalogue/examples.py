"""A method's "(Korte) eksempler" cell as ordered blocks: the kinds, and the context rule.

The cell is a small document (text, a technique or phase with its explanation, who speaks to
whom, questions, remarks). Each block is one ``Question`` row; this module holds what the
model, the loader and the services share without importing each other.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import models


class ExampleKind(models.TextChoices):
    TEXT = "text", "Tekst (indledning, scenarie, mellemoverskrift, afslutning)"
    TECHNIQUE = "technique", "Teknik eller fase, med forklaring"
    AUDIENCE = "audience", "Hvem taler med hvem"
    QUESTION = "question", "Spørgsmål eller udsagn"
    REMARK = "remark", "Bemærkning til det foregående"


#: The fields a block of each kind is written with; the others stay empty.
OWN_FIELDS: dict[str, tuple[str, ...]] = {
    ExampleKind.TEXT: ("text",),
    ExampleKind.TECHNIQUE: ("technique", "technique_text"),
    ExampleKind.AUDIENCE: ("audience",),
    ExampleKind.QUESTION: ("text",),
    ExampleKind.REMARK: ("text",),
}
CONTEXT_FIELDS = ("technique", "technique_text", "audience")


def carry_context(blocks: Iterable[Any]) -> None:
    """Give each question block the technique (with explanation) and audience in force above it.

    The technique is the nearest technique block above; the audience the nearest audience
    block above it since that technique (a new technique starts without one). Text and remark
    blocks carry none. ``blocks`` are rows (attributes) or dicts (keys), in order; changed in
    place.
    """
    technique = technique_text = audience = ""
    for block in blocks:
        get = block.get if isinstance(block, dict) else block.__getattribute__
        kind = get("kind")
        if kind == ExampleKind.TECHNIQUE:
            technique, technique_text, audience = get("technique"), get("technique_text"), ""
        elif kind == ExampleKind.AUDIENCE:
            audience = get("audience")
        if kind == ExampleKind.QUESTION:
            values = dict(zip(CONTEXT_FIELDS, (technique, technique_text, audience), strict=True))
        elif kind in (ExampleKind.TEXT, ExampleKind.REMARK):
            values = dict.fromkeys(CONTEXT_FIELDS, "")
        else:
            continue
        for name, value in values.items():
            if isinstance(block, dict):
                block[name] = value
            else:
                setattr(block, name, value)

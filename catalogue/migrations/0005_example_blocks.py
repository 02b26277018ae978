"""A method's example cell becomes ordered blocks (issue 10).

``Method.examples_intro`` (loose paragraphs shown above the questions) and the ``Question`` rows
(technique-only rows had an empty text) become ``Question`` rows with a ``kind``: text,
technique, audience, question, remark. Every block written here gets a history record.

A method the loader wrote and nobody edited since (its ``source_hash`` equals the hash of its
rows in the old shape) gets the hash of its rows in the new shape, so the next
``load_catalogue`` replaces the converted cell with the re-transcribed one (source order). An
edited method keeps its old hash: the loader leaves it alone, and the editor's text is kept,
converted block by block (loose paragraphs first, as they were shown).
"""

import hashlib
import json
import re

from django.db import migrations, models
from django.utils import timezone

FIELDS = (
    "title", "aliases", "purpose", "professionals", "experience_text", "description",
    "read_more_page", "order", "editor_note",
)  # fmt: skip
OLD_QUESTION = ("technique", "technique_text", "audience", "text")
BLOCK = ("kind", "technique", "technique_text", "audience", "text")
REASON = "Eksempelcellen delt i blokke i kildens rækkefølge"


def _digest(record):
    canonical = json.dumps(record, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()


def _record(method, *, old):
    """The method as ``catalogue.loading.snapshot`` sees it, in the old or the new shape."""
    record = {"slug": method.slug, **{name: getattr(method, name) for name in FIELDS}}
    record["sources"] = sorted(method.sources.values_list("slug", flat=True))
    record["experience"] = [
        {"organisation": e.organisation.slug, "note": e.note}
        for e in method.experiences.select_related("organisation").order_by("order", "pk")
    ]
    rows = method.questions.order_by("order", "pk")
    if old:
        record["examples_intro"] = method.examples_intro
        record["question"] = [{n: getattr(r, n) for n in OLD_QUESTION} for r in rows]
    else:
        record["example"] = [{n: getattr(r, n) for n in BLOCK} for r in rows]
    return record


def _carry_context(blocks):
    """catalogue.examples.carry_context as it was written with this migration."""
    technique = technique_text = audience = ""
    for b in blocks:
        if b["kind"] == "technique":
            technique, technique_text, audience = b["technique"], b["technique_text"], ""
        elif b["kind"] == "audience":
            audience = b["audience"]
        if b["kind"] == "question":
            b.update(technique=technique, technique_text=technique_text, audience=audience)
        elif b["kind"] in ("text", "remark"):
            b.update(technique="", technique_text="", audience="")


def _blocks(method, rows):
    """(row or None, values) for each block, in order."""
    empty = dict.fromkeys(BLOCK, "")
    out = [
        (None, {**empty, "kind": "text", "text": para.strip()})
        for para in re.split(r"\n\s*\n", method.examples_intro)
        if para.strip()
    ]
    current, audience = ("", ""), ""
    for row in rows:
        pair = (row.technique, row.technique_text)
        used = False
        if row.technique and pair != current:
            current, audience = pair, ""
            values = {**empty, "kind": "technique", "technique": pair[0], "technique_text": pair[1]}
            out.append((None if row.text else row, values))
            used = not row.text
        if row.audience and row.audience != audience and row.text:
            audience = row.audience
            out.append((None, {**empty, "kind": "audience", "audience": audience}))
        if row.text:
            out.append((row, {**empty, "kind": "question", "text": row.text}))
            used = True
        if not used:
            out.append((row, None))  # nothing left to show: deleted
    _carry_context([values for _, values in out if values])
    return out


def _history(History, row, kind_of_change, now):
    History.objects.create(
        id=row.pk, method_id=row.method_id, order=row.order,
        **{name: getattr(row, name) for name in BLOCK},
        history_date=now, history_type=kind_of_change, history_change_reason=REASON,
    )  # fmt: skip


def to_blocks(apps, schema_editor):
    Method = apps.get_model("catalogue", "Method")
    Question = apps.get_model("catalogue", "Question")
    History = apps.get_model("catalogue", "HistoricalQuestion")
    now = timezone.now()
    for method in Method.objects.all():
        untouched = bool(method.source_hash) and method.source_hash == _digest(
            _record(method, old=True)
        )
        rows = list(method.questions.order_by("order", "pk"))
        blocks = _blocks(method, rows)
        for offset, row in enumerate(rows, start=1):  # free the orders for renumbering
            Question.objects.filter(pk=row.pk).update(order=100000 + offset)
        order = 0
        for row, values in blocks:
            if values is None:
                _history(History, row, "-", now)
                row.delete()
                continue
            order += 1
            if row is None:
                row = Question(method=method)
                change = "+"
            else:
                change = "~"
            for name, value in values.items():
                setattr(row, name, value)
            row.order = order
            row.save()
            _history(History, row, change, now)
        if untouched:
            Method.objects.filter(pk=method.pk).update(
                source_hash=_digest(_record(method, old=False))
            )
    if schema_editor.connection.vendor == "postgresql":
        # Check the new rows' deferred foreign keys now: PostgreSQL refuses to ALTER a table
        # with pending trigger events, and this migration drops a column next.
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


def from_blocks(apps, schema_editor):
    """Back to an intro and question rows: text and remark blocks become the intro."""
    Method = apps.get_model("catalogue", "Method")
    for method in Method.objects.all():
        loose = []
        for row in method.questions.order_by("order", "pk"):
            if row.kind in ("text", "remark"):
                loose.append(row.text)
                row.delete()
            elif row.kind == "audience":
                row.delete()
        Method.objects.filter(pk=method.pk).update(examples_intro="\n\n".join(loose))


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0004_question_text_optional"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="historicalquestion",
            options={
                "get_latest_by": ("history_date", "history_id"),
                "ordering": ("-history_date", "-history_id"),
                "verbose_name": "historical eksempel (spørgsmål eller tekst)",
                "verbose_name_plural": "historical eksempler (spørgsmål og tekst)",
            },
        ),
        migrations.AlterModelOptions(
            name="question",
            options={
                "ordering": ["method", "order", "pk"],
                "verbose_name": "eksempel (spørgsmål eller tekst)",
                "verbose_name_plural": "eksempler (spørgsmål og tekst)",
            },
        ),
        migrations.AddField(
            model_name="historicalquestion",
            name="kind",
            field=models.CharField(
                choices=[
                    ("text", "Tekst (indledning, scenarie, mellemoverskrift, afslutning)"),
                    ("technique", "Teknik eller fase, med forklaring"),
                    ("audience", "Hvem taler med hvem"),
                    ("question", "Spørgsmål eller udsagn"),
                    ("remark", "Bemærkning til det foregående"),
                ],
                default="question",
                max_length=10,
                verbose_name="slags",
            ),
        ),
        migrations.AddField(
            model_name="question",
            name="kind",
            field=models.CharField(
                choices=[
                    ("text", "Tekst (indledning, scenarie, mellemoverskrift, afslutning)"),
                    ("technique", "Teknik eller fase, med forklaring"),
                    ("audience", "Hvem taler med hvem"),
                    ("question", "Spørgsmål eller udsagn"),
                    ("remark", "Bemærkning til det foregående"),
                ],
                default="question",
                max_length=10,
                verbose_name="slags",
            ),
        ),
        migrations.AlterField(
            model_name="historicalquestion",
            name="audience",
            field=models.CharField(
                blank=True,
                help_text="Fx 'Fagprofessionel til borger'. Et spørgsmål får den ovenfor automatisk.",
                max_length=200,
                verbose_name="hvem taler med hvem",
            ),
        ),
        migrations.AlterField(
            model_name="historicalquestion",
            name="technique",
            field=models.CharField(
                blank=True,
                help_text="Kun for en teknik; et spørgsmål får teknikken ovenfor automatisk.",
                max_length=200,
                verbose_name="teknik eller fase",
            ),
        ),
        migrations.AlterField(
            model_name="historicalquestion",
            name="text",
            field=models.TextField(
                blank=True,
                help_text="Spørgsmålet, teksten eller bemærkningen (tom for teknik og hvem-til-hvem).",
                verbose_name="tekst",
            ),
        ),
        migrations.AlterField(
            model_name="question",
            name="audience",
            field=models.CharField(
                blank=True,
                help_text="Fx 'Fagprofessionel til borger'. Et spørgsmål får den ovenfor automatisk.",
                max_length=200,
                verbose_name="hvem taler med hvem",
            ),
        ),
        migrations.AlterField(
            model_name="question",
            name="technique",
            field=models.CharField(
                blank=True,
                help_text="Kun for en teknik; et spørgsmål får teknikken ovenfor automatisk.",
                max_length=200,
                verbose_name="teknik eller fase",
            ),
        ),
        migrations.AlterField(
            model_name="question",
            name="text",
            field=models.TextField(
                blank=True,
                help_text="Spørgsmålet, teksten eller bemærkningen (tom for teknik og hvem-til-hvem).",
                verbose_name="tekst",
            ),
        ),
        migrations.RunPython(to_blocks, from_blocks),
        migrations.RemoveField(
            model_name="historicalmethod",
            name="examples_intro",
        ),
        migrations.RemoveField(
            model_name="method",
            name="examples_intro",
        ),
    ]

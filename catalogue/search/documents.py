"""The catalogue's searchable kinds: initiatives, methods, development initiatives, organisations.

Imported once by ``registry.kinds()``; contacts register themselves from the contacts app.
"""

from django.db.models import Prefetch, QuerySet
from django.urls import NoReverseMatch, reverse

from catalogue.examples import ExampleKind
from catalogue.models import (
    DevelopmentInitiative,
    Experience,
    Initiative,
    Method,
    Organisation,
)

from .registry import Document, register

_notes = Prefetch("experiences", queryset=Experience.objects.exclude(note="").order_by())


def _experience_notes(entry) -> list[str]:
    return [exp.note for exp in entry.experiences.all()]


def initiatives() -> QuerySet:
    return Initiative.objects.published().select_related("level").prefetch_related("themes", _notes)


def initiative_document(entry: Initiative) -> Document:
    return Document(
        title=entry.title,
        row=[
            entry.purpose,
            entry.coordination,
            entry.target_group,
            entry.level.name if entry.level else "",  # "Organisatorisk": Skema 1-3
            *(theme.name for theme in entry.themes.all()),
            *_experience_notes(entry),
        ],
        long=[entry.description],
        order=entry.order,
    )


def methods() -> QuerySet:
    return Method.objects.published().prefetch_related("questions", _notes)


def method_document(entry: Method) -> Document:
    # Every block of the example cell once, in order: a technique with its explanation, and the
    # text of the others (a question's carried technique is its technique block's, already in).
    examples: list[str] = []
    for block in entry.questions.all():
        is_technique = block.kind == ExampleKind.TECHNIQUE
        values = (block.technique, block.technique_text) if is_technique else (block.text,)
        examples.extend(value for value in values if value)
    return Document(
        title=entry.title,
        row=[
            " ".join(entry.aliases or []),
            entry.purpose,
            entry.professionals,
            *examples,
            *_experience_notes(entry),
        ],
        long=[entry.description],
        aliases=list(entry.aliases or []),
        order=entry.order,
    )


def development_initiatives() -> QuerySet:
    return DevelopmentInitiative.objects.published()


def development_initiative_document(entry: DevelopmentInitiative) -> Document:
    # Its description is the entry's main text, so it weighs like a table row.
    return Document(title=entry.title, row=[entry.description], order=entry.order)


def development_initiative_url(entry: DevelopmentInitiative) -> str:
    try:
        return reverse("catalogue:development_initiative", args=[entry.slug])
    except NoReverseMatch:
        return reverse("catalogue:about") + f"#{entry.slug}"


def organisations() -> QuerySet:
    return Organisation.objects.all()


def organisation_document(org: Organisation) -> Document:
    return Document(
        title=org.name,
        row=[org.get_kind_display(), org.get_region_display()],
        aliases=[org.short_name],
        order=org.order,
    )


register("Indsats", queryset=initiatives, document=initiative_document, position=1)
register("Metode", queryset=methods, document=method_document, position=2)
register(
    "Udviklingsinitiativ",
    queryset=development_initiatives,
    document=development_initiative_document,
    url=development_initiative_url,
    position=3,
)
register(
    "Organisation",
    queryset=organisations,
    document=organisation_document,
    position=4,
    names=True,
)

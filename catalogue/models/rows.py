"""Rows inside an entry, versioned with it (``versioned_children``): the blocks of a method's
example cell and the experience rows of initiatives and methods."""

from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from ..examples import ExampleKind
from ..managers import ExampleQuerySet
from .entries import Initiative, Method, Organisation


class Question(models.Model):
    """One block of a method's example cell (Del 2's "(Korte) eksempler"), in the source's order.

    The cell is a small document: text, a technique or phase with its explanation, who speaks
    to whom, the questions, remarks. ``kind`` says which; ``order`` keeps the source's order.
    A question row also carries the technique and audience in force above it (kept by
    :func:`carry_context`), so ``method.questions.asked()`` gives the questions alone.
    """

    Kind = ExampleKind

    method = models.ForeignKey(
        Method, on_delete=models.CASCADE, related_name="questions", verbose_name="metode"
    )
    kind = models.CharField(
        "slags", max_length=10, choices=ExampleKind.choices, default=ExampleKind.QUESTION
    )
    technique = models.CharField(
        "teknik eller fase",
        max_length=200,
        blank=True,
        help_text="Kun for en teknik; et spørgsmål får teknikken ovenfor automatisk.",
    )
    technique_text = models.TextField("forklaring af teknikken", blank=True)
    audience = models.CharField(
        "hvem taler med hvem",
        max_length=200,
        blank=True,
        help_text="Fx 'Fagprofessionel til borger'. Et spørgsmål får den ovenfor automatisk.",
    )
    text = models.TextField(
        "tekst",
        blank=True,
        help_text="Spørgsmålet, teksten eller bemærkningen (tom for teknik og hvem-til-hvem).",
    )
    order = models.PositiveIntegerField("rækkefølge", default=0, db_default=0)

    objects = ExampleQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = "eksempel (spørgsmål eller tekst)"
        verbose_name_plural = "eksempler (spørgsmål og tekst)"
        ordering = ["method", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["method", "order"], name="question_unique_order_per_method"
            )
        ]

    def __str__(self) -> str:
        return (self.text or self.technique or self.audience)[:80]

    @property
    def is_question(self) -> bool:
        return self.kind == ExampleKind.QUESTION and bool(self.text)


class Experience(models.Model):
    """An organisation's experience with one initiative or one method, with the source's remark."""

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="experiences",
        verbose_name="organisation",
    )
    initiative = models.ForeignKey(
        Initiative,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="experiences",
        verbose_name="indsats",
    )
    method = models.ForeignKey(
        Method,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="experiences",
        verbose_name="metode",
    )
    note = models.TextField("bemærkning", blank=True)
    order = models.PositiveIntegerField("rækkefølge", default=0, db_default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "erfaring"
        verbose_name_plural = "erfaringer"
        ordering = ["order", "pk"]
        # The list facets read (entry, organisation) pairs from these alone (index-only).
        indexes = [
            models.Index(fields=["initiative", "organisation"], name="experience_initiative_org"),
            models.Index(fields=["method", "organisation"], name="experience_method_org"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(initiative__isnull=False, method__isnull=True)
                    | Q(initiative__isnull=True, method__isnull=False)
                ),
                name="experience_initiative_xor_method",
            ),
            models.UniqueConstraint(
                fields=["organisation", "initiative"],
                condition=Q(initiative__isnull=False),
                name="experience_unique_initiative",
            ),
            models.UniqueConstraint(
                fields=["organisation", "method"],
                condition=Q(method__isnull=False),
                name="experience_unique_method",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation.short_name}: {self.initiative or self.method}"

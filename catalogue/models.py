"""The idea catalogue's data: levels, themes, organisations, initiatives (Del 1), methods (Del 2).

Every entry has a stable ``slug`` used by URLs, fixtures and ``load_catalogue``. ``source_hash``
records what ``load_catalogue`` last wrote, so a later load can tell an editor's change from an
untouched row and never overwrite the former.
"""

import re

from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from .examples import ExampleKind
from .history import History
from .managers import EntryQuerySet, ExampleQuerySet


class Status(models.TextChoices):
    DRAFT = "draft", "Kladde"
    PUBLISHED = "published", "Udgivet"
    ARCHIVED = "archived", "Arkiveret"


class Loaded(models.Model):
    """Fields every catalogue row shares: a stable slug and the loader's bookkeeping."""

    slug = models.SlugField("kort navn (slug)", max_length=120, unique=True)
    order = models.PositiveIntegerField("rækkefølge", default=0, db_default=0)
    editor_note = models.TextField(
        "bemærkning til redaktører",
        blank=True,
        help_text="Uoverensstemmelser i kildeteksten og andet, redaktører skal vide.",
    )
    source_hash = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        abstract = True
        ordering = ["order", "pk"]


class Entry(Loaded):
    """An entry the public sees: it has a status and a review date."""

    status = models.CharField(
        "status", max_length=10, choices=Status.choices, default=Status.PUBLISHED
    )
    last_reviewed = models.DateField("sidst gennemgået", null=True, blank=True)

    objects = EntryQuerySet.as_manager()

    class Meta(Loaded.Meta):
        abstract = True


class PreventionLevel(Loaded):
    """Organisatorisk (Skema 1), Situationel (Skema 2), Social (Skema 3)."""

    name = models.CharField("navn", max_length=60, unique=True)
    table_title = models.CharField("skema", max_length=120, blank=True)
    description = models.TextField("beskrivelse", blank=True)
    history = HistoricalRecords()

    class Meta(Loaded.Meta):
        verbose_name = "forebyggelsesniveau"
        verbose_name_plural = "forebyggelsesniveauer"

    def __str__(self) -> str:
        return self.name


class Theme(Loaded):
    name = models.CharField("navn", max_length=60, unique=True)
    history = HistoricalRecords()

    class Meta(Loaded.Meta):
        verbose_name = "tema"
        verbose_name_plural = "temaer"

    def __str__(self) -> str:
        return self.name


class Organisation(Loaded):
    class Kind(models.TextChoices):
        KOMMUNE = "kommune", "Kommune"
        POLITI = "politi", "Politi"

    class Region(models.TextChoices):
        VESTEGN = "vestegn", "Københavns Vestegn"
        OEVRIGE = "oevrige", "Øvrige landet"

    name = models.CharField("navn", max_length=120, unique=True)
    short_name = models.CharField("kort navn", max_length=60, unique=True)
    kind = models.CharField("type", max_length=10, choices=Kind.choices)
    region = models.CharField("region", max_length=10, choices=Region.choices)

    history = HistoricalRecords()

    class Meta(Loaded.Meta):
        verbose_name = "organisation"
        verbose_name_plural = "organisationer"
        ordering = ["order", "short_name"]
        indexes = [models.Index(fields=["region", "kind"], name="organisation_region_kind")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("catalogue:organisation", args=[self.slug])


class Source(Loaded):
    """A footnote source: numbered as in the PDF, cited by one or more entries."""

    number = models.PositiveIntegerField("fodnote nr.", null=True, blank=True)
    text = models.TextField("tekst")
    url = models.URLField("link", blank=True)

    history = HistoricalRecords()

    class Meta(Loaded.Meta):
        verbose_name = "kilde (fodnote)"
        verbose_name_plural = "kilder (fodnoter)"
        ordering = ["number", "order", "pk"]

    def __str__(self) -> str:
        prefix = f"{self.number}. " if self.number is not None else ""
        return f"{prefix}{self.text[:80]}"

    @property
    def display_text(self) -> str:
        """The footnote as a reader sees it: without the colon that led to a link the source
        had and this row lacks ("Kriminalforsorgen:" where the PDF's link stub was dropped)."""
        return self.text if self.url else self.text.rstrip().removesuffix(":").rstrip()


class Initiative(Entry):
    """A row of Del 1's tables (Skema 1-3) with the long section that explains it."""

    title = models.CharField("titel", max_length=200)
    level = models.ForeignKey(
        PreventionLevel,
        on_delete=models.PROTECT,
        related_name="initiatives",
        verbose_name="forebyggelsesniveau",
    )
    themes = models.ManyToManyField(Theme, related_name="initiatives", verbose_name="temaer")
    theme_text = models.CharField(
        "tema (som i kilden)",
        max_length=120,
        blank=True,
        help_text="Temaet stavet som i kataloget.",
    )
    purpose = models.TextField("indhold og formål", blank=True)
    coordination = models.TextField("koordinering", blank=True)
    target_group = models.TextField("målgruppe", blank=True)
    experience_text = models.TextField(
        "erfaring (som i kilden)",
        blank=True,
        help_text="Skemaets kolonne 'Hvem har erfaringer med tiltaget?' ordret.",
    )
    description = models.TextField("uddybning", blank=True)
    read_more_page = models.CharField("læs mere på s.", max_length=20, blank=True)
    sources = models.ManyToManyField(
        Source, blank=True, related_name="initiatives", verbose_name="kilder"
    )

    history = History(m2m_fields=["themes", "sources"])
    versioned_children = ("experiences",)

    class Meta(Entry.Meta):
        verbose_name = "indsats"
        verbose_name_plural = "indsatser"
        indexes = [models.Index(fields=["status", "order"], name="initiative_status_order")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("catalogue:initiative", args=[self.slug])


class Method(Entry):
    """A row of Del 2's table: a method with example questions."""

    title = models.CharField("titel", max_length=200)
    aliases = models.JSONField(
        "forkortelser og andre navne",
        default=list,
        blank=True,
        help_text='Fx ["MI"] eller ["LØFT"].',
    )
    purpose = models.TextField("metodens indhold og formål", blank=True)
    professionals = models.TextField("fagprofessionelle", blank=True)
    experience_text = models.TextField("erfaring (som i kilden)", blank=True)
    description = models.TextField("uddybning", blank=True)
    read_more_page = models.CharField("læs mere på s.", max_length=20, blank=True)
    sources = models.ManyToManyField(
        Source, blank=True, related_name="methods", verbose_name="kilder"
    )

    history = History(m2m_fields=["sources"])
    versioned_children = ("questions", "experiences")

    class Meta(Entry.Meta):
        verbose_name = "metode"
        verbose_name_plural = "metoder"
        indexes = [models.Index(fields=["status", "order"], name="method_status_order")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("catalogue:method", args=[self.slug])

    @property
    def aliases_not_in_title(self) -> list[str]:
        """The aliases a list or card should add after the title: those the title lacks.

        "Løsningsfokuseret tilgang (LØFT)" already says LØFT; "Motiverende samtaler" gets (MI).
        """
        return [
            alias
            for alias in self.aliases or []
            if not re.search(rf"(?<!\w){re.escape(alias)}(?!\w)", self.title)
        ]


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


class DevelopmentInitiative(Entry):
    """'Nye udviklingsmuligheder og initiativer'."""

    title = models.CharField("titel", max_length=200)
    description = models.TextField("beskrivelse")
    organisations = models.ManyToManyField(
        Organisation,
        blank=True,
        related_name="development_initiatives",
        verbose_name="organisationer",
    )

    history = History(m2m_fields=["organisations"])

    class Meta(Entry.Meta):
        verbose_name = "udviklingsinitiativ"
        verbose_name_plural = "udviklingsinitiativer"

    def __str__(self) -> str:
        return self.title


class Recommendation(Entry):
    """A recommendation to Kredsrådet."""

    title = models.CharField("titel", max_length=200)
    text = models.TextField("tekst")

    history = HistoricalRecords()

    class Meta(Entry.Meta):
        verbose_name = "anbefaling til Kredsrådet"
        verbose_name_plural = "anbefalinger til Kredsrådet"

    def __str__(self) -> str:
        return self.title


class GoodAdvice(Entry):
    """One of the '5 gode råd'."""

    title = models.CharField("titel", max_length=200)
    text = models.TextField("tekst")

    history = HistoricalRecords()

    class Meta(Entry.Meta):
        verbose_name = "godt råd"
        verbose_name_plural = "gode råd"

    def __str__(self) -> str:
        return self.title


class Definition(Entry):
    title = models.CharField("titel", max_length=200)
    text = models.TextField("tekst")
    attribution = models.CharField("kilde", max_length=200, blank=True)

    history = HistoricalRecords()

    class Meta(Entry.Meta):
        verbose_name = "definition"
        verbose_name_plural = "definitioner"

    def __str__(self) -> str:
        return self.title


class LiteratureEntry(Entry):
    authors = models.CharField("forfattere", max_length=300)
    year = models.CharField("år", max_length=20, help_text="Som i kilden, fx '2020a' eller 'u.å'.")
    title = models.TextField("titel")
    publisher = models.CharField("udgiver", max_length=300, blank=True)
    url = models.URLField("link", blank=True)

    history = HistoricalRecords()

    class Meta(Entry.Meta):
        verbose_name = "litteratur"
        verbose_name_plural = "litteraturliste"

    def __str__(self) -> str:
        return f"{self.authors} ({self.year})"


class AboutSection(Entry):
    """A prose section of the catalogue (Indledning, Baggrund, Metode, Afrundende ...)."""

    title = models.CharField("titel", max_length=200)
    text = models.TextField("tekst")

    history = HistoricalRecords()

    class Meta(Entry.Meta):
        verbose_name = "afsnit om kataloget"
        verbose_name_plural = "afsnit om kataloget"

    def __str__(self) -> str:
        return self.title


# The search index lives in catalogue/search/models.py; imported here so Django registers it.
from catalogue.search.models import SearchDocument, SearchTerm, SearchWord  # noqa: E402, F401

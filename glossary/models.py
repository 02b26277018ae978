"""The glossary (Ordliste), municipality profiles and the help page's sections.

Everything here is transcribed from the source documents (``documents.py``) and cites the
document and section it comes from. The loader (``loading.py``) keeps ``source_hash`` like the
catalogue's, so reloading never duplicates a row or overwrites an editor's change.
"""

from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from catalogue.models import Entry, Organisation

from .documents import CHOICES, document


class Cited(models.Model):
    """A passage from a source document: its words, the document and the section."""

    text = models.TextField("tekst (ordret fra kilden)", help_text="Markdown.")
    document = models.CharField("kildedokument", max_length=30, choices=CHOICES)
    section = models.CharField(
        "afsnit i kilden", max_length=200, blank=True, help_text="Afsnittets overskrift."
    )
    order = models.PositiveIntegerField("rækkefølge", default=0, db_default=0)

    class Meta:
        abstract = True
        ordering = ["order", "pk"]

    @property
    def source(self):
        return document(self.document)


class Term(Entry):
    """A forum, role, legal provision, programme, model or concept the documents describe."""

    class Category(models.TextChoices):
        FORUM = "forum", "Forum og samarbejde"
        ROLE = "rolle", "Rolle og enhed"
        LAW = "lov", "Lovgrundlag"
        PROGRAMME = "program", "Program, redskab og indsats"
        MODEL = "model", "Model og begreb"

    name = models.CharField("begreb", max_length=120, help_text="Stavet som i kilderne.")
    other_names = models.JSONField(
        "andre navne",
        default=list,
        blank=True,
        help_text="Andre navne og bøjninger, som kilderne bruger. De bruges også til links.",
    )
    expansion = models.CharField(
        "forkortelsen står for", max_length=200, blank=True, help_text="Som en kilde skriver det."
    )
    category = models.CharField("slags", max_length=10, choices=Category.choices)
    link_in_texts = models.BooleanField(
        "link fra tekster",
        default=True,
        help_text="Første gang begrebet nævnes i en tekst, linker det hertil. Slå fra, hvis "
        "linket forstyrrer.",
    )

    history = HistoricalRecords()

    class Meta(Entry.Meta):
        verbose_name = "begreb (ordliste)"
        verbose_name_plural = "begreber (ordliste)"
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return f"{reverse('glossary:index')}#{self.slug}"

    @property
    def shown_other_names(self) -> list[str]:
        """Other names worth showing: not mere inflections of the name ("Kredsrådet")."""
        seen = {self.name.casefold()}
        shown = []
        for name in self.other_names or []:
            folded = name.casefold()
            if folded in seen or folded.startswith(self.name.casefold()):
                continue
            if self.expansion and folded == self.expansion.casefold():
                continue
            seen.add(folded)
            shown.append(name)
        return shown

    @property
    def names(self) -> list[str]:
        """Every name the term is linked and found by: its name first."""
        return [self.name, *(n for n in self.other_names or [] if n != self.name)]


class TermDefinition(Cited):
    term = models.ForeignKey(
        Term, on_delete=models.CASCADE, related_name="definitions", verbose_name="begreb"
    )

    history = HistoricalRecords()

    class Meta(Cited.Meta):
        verbose_name = "forklaring"
        verbose_name_plural = "forklaringer"

    def __str__(self) -> str:
        return f"{self.term}: {self.text[:60]}"


class Profile(Entry):
    """How crime prevention is organised in one municipality, as the documents describe it."""

    organisation = models.OneToOneField(
        Organisation,
        on_delete=models.PROTECT,
        related_name="profile",
        verbose_name="organisation",
    )

    history = HistoricalRecords()

    class Meta(Entry.Meta):
        verbose_name = "kommuneprofil"
        verbose_name_plural = "kommuneprofiler"

    def __str__(self) -> str:
        return f"Profil: {self.organisation}"

    def get_absolute_url(self) -> str:
        return f"{self.organisation.get_absolute_url()}#profil"


class ProfileStatement(Cited):
    class Topic(models.TextChoices):
        UNIT = "enhed", "Enhed og placering i organisationen"
        MODEL = "model", "Model og arbejdsområder"
        FORA = "fora", "Fora og samarbejde"
        ROLES = "roller", "Medarbejdere og roller"
        HIGHLIGHT = "fremhaevet", "Fremhævet i dokumentet"

    profile = models.ForeignKey(
        Profile, on_delete=models.CASCADE, related_name="statements", verbose_name="profil"
    )
    topic = models.CharField("emne", max_length=12, choices=Topic.choices)

    history = HistoricalRecords()

    class Meta(Cited.Meta):
        verbose_name = "oplysning i profil"
        verbose_name_plural = "oplysninger i profil"

    def __str__(self) -> str:
        return f"{self.profile}: {self.text[:60]}"


class HelpSection(Entry):
    """A part of the help page: the national free advisory offer described in 2021."""

    class Part(models.TextChoices):
        OFFER = "tilbud", "Hvem tilbyder hvad"
        AUDIENCE = "maalgruppe", "For hvem"
        TRACKS = "forloeb", "Rådgivningsforløbene"
        COURSES = "kurser", "Kurser"
        APPLY = "ansoegning", "Sådan søger I"

    part = models.CharField("del af siden", max_length=12, choices=Part.choices)
    title = models.CharField("overskrift (som i kilden)", max_length=200, blank=True)
    text = models.TextField("tekst (ordret fra kilden)", help_text="Markdown.")
    url = models.URLField("link fra kilden", blank=True)
    document = models.CharField("kildedokument", max_length=30, choices=CHOICES)
    section = models.CharField("afsnit i kilden", max_length=200, blank=True)

    history = HistoricalRecords()

    class Meta(Entry.Meta):
        verbose_name = "afsnit på hjælpesiden"
        verbose_name_plural = "afsnit på hjælpesiden"

    def __str__(self) -> str:
        return self.title or self.text[:60]

    def get_absolute_url(self) -> str:
        return f"{reverse('glossary:help')}#{self.slug}"

    @property
    def source(self):
        return document(self.document)

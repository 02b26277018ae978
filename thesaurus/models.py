"""What editors teach search: synonyms, an entry's extra search words, and the searches that
found nothing or little (counted per day, no personal data).

The catalogue never imports this app: it plugs in through catalogue.search.registry hooks
(thesaurus/apps.py).
"""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from simple_history.models import HistoricalRecords

from catalogue.models import Loaded

MAX_QUERY = 100  # characters of a logged query, after normalising


class Synonym(Loaded):
    """A thesaurus rule. Without "søg også efter" the words are synonyms of each other; with it,
    typing one of the words also searches for those phrases (one way)."""

    words = models.JSONField(
        "ord og udtryk",
        default=list,
        help_text="Det, en medarbejder kan finde på at skrive (fx pjække, pjækker).",
    )
    leads_to = models.JSONField(
        "søg også efter",
        default=list,
        blank=True,
        help_text="Katalogets egne ord. Lad feltet stå tomt, hvis ordene ovenfor betyder det "
        "samme og skal føre til hinanden.",
    )

    history = HistoricalRecords()

    class Meta(Loaded.Meta):
        verbose_name = "synonym"
        verbose_name_plural = "synonymer"

    def __str__(self) -> str:
        words = ", ".join(self.words)
        return f"{words} → {', '.join(self.leads_to)}" if self.leads_to else words


class EntrySearchWords(models.Model):
    """ "Også kendt som": extra words an entry is found by, indexed with it."""

    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, verbose_name="slags post"
    )
    object_id = models.PositiveBigIntegerField("post-id")
    words = models.JSONField(
        "også kendt som",
        default=list,
        help_text="Ord og navne, posten også skal findes på (fx et lokalt navn).",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "søgeord for en post"
        verbose_name_plural = "søgeord for poster (også kendt som)"
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="entrysearchwords_unique"
            )
        ]

    def __str__(self) -> str:
        entry = self.entry
        return f"{entry}: {', '.join(self.words)}" if entry else ", ".join(self.words)

    @property
    def entry(self) -> models.Model | None:
        model = self.content_type.model_class() if self.content_type_id else None
        return model._default_manager.filter(pk=self.object_id).first() if model else None


class SearchMiss(models.Model):
    """A search on the search page that found nothing or little: the query, normalised, and how
    often it was made that day. No IP address, user, cookie or time of day is stored."""

    query = models.CharField("søgning", max_length=MAX_QUERY)
    day = models.DateField("dato")
    count = models.PositiveIntegerField("antal", default=1)
    hits = models.PositiveSmallIntegerField("resultater", default=0)

    class Meta:
        verbose_name = "søgning uden (mange) resultater"
        verbose_name_plural = "søgninger uden (mange) resultater"
        ordering = ["-day", "-count", "query"]
        constraints = [models.UniqueConstraint(fields=["query", "day"], name="searchmiss_unique")]

    def __str__(self) -> str:
        return self.query

"""The search index: one document per searchable object, its terms, and the vocabulary.

Rebuilt by ``rebuild_index()`` (and ``manage.py rebuild_search_index``), kept current per entry
by ``reindex(obj)``; read only through the ORM so SQLite and PostgreSQL answer alike.
Part of the catalogue app (``catalogue.models`` imports it, so Django registers it there).
"""

from django.db import models


class SearchDocument(models.Model):
    """One searchable object as the index sees it."""

    model = models.CharField(max_length=100)  # "catalogue.initiative"
    object_id = models.PositiveBigIntegerField()
    kind = models.CharField(max_length=40)  # Danish label: "Indsats", "Kontakt" ...
    kind_position = models.PositiveSmallIntegerField()
    order = models.PositiveIntegerField(default=0)
    title = models.CharField(max_length=400)
    title_keys = models.TextField(blank=True)  # normal forms of the title and aliases, "|"-joined
    body = models.TextField(blank=True)  # plain text for snippets: row fields, then long text
    owner = models.CharField(max_length=200, blank=True)  # title_key of the name it belongs to

    class Meta:
        verbose_name = "søgedokument"
        verbose_name_plural = "søgedokumenter"
        constraints = [
            models.UniqueConstraint(fields=["model", "object_id"], name="searchdocument_unique")
        ]

    def __str__(self) -> str:
        return f"{self.kind}: {self.title}"


class SearchTerm(models.Model):
    """How often a term occurs in one field class of one document."""

    class Field(models.IntegerChoices):
        TITLE = 1, "titel"
        ROW = 2, "skemafelt"
        LONG = 3, "uddybning"
        # A curated part of a compound word ("netværkskortlægning" → "kortlægning") in ...
        TITLE_PART = 4, "del af ord i titel"
        ROW_PART = 5, "del af ord i skemafelt"
        LONG_PART = 6, "del af ord i uddybning"

    document = models.ForeignKey(SearchDocument, on_delete=models.CASCADE, related_name="terms")
    term = models.CharField(max_length=64, db_index=True)
    field = models.PositiveSmallIntegerField(choices=Field.choices)
    count = models.PositiveIntegerField()

    class Meta:
        verbose_name = "søgeterm"
        verbose_name_plural = "søgetermer"
        constraints = [
            models.UniqueConstraint(fields=["document", "term", "field"], name="searchterm_unique")
        ]
        # Term weights (documents per term) and the candidate ranking read every row of the
        # query's terms: with this index they never touch the table.
        indexes = [
            models.Index(
                fields=["term", "document", "field", "count"], name="searchterm_term_covering"
            )
        ]

    def __str__(self) -> str:
        return self.term


class SearchWord(models.Model):
    """The unstemmed vocabulary: every folded word seen, with its term (typos, ASCII, prefixes)."""

    word = models.CharField(max_length=64, unique=True)
    term = models.CharField(max_length=64, db_index=True)
    loose = models.CharField(max_length=64, db_index=True)  # analysis.loose(term)
    length = models.PositiveSmallIntegerField(db_index=True)
    spelling = models.CharField(max_length=64, blank=True)  # as the catalogue writes it

    class Meta:
        verbose_name = "søgeord"
        verbose_name_plural = "søgeord"

    def __str__(self) -> str:
        return self.word

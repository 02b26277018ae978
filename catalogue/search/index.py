"""Building the term index: whole (``rebuild_index``) or one object at a time (``reindex``)."""

from collections import Counter
from dataclasses import replace

from django.db import transaction
from django.db.models import Model

from ..models import SearchDocument, SearchTerm, SearchWord
from . import analysis
from .registry import Document, Kind, dependents_of, extra_words, kind_for, kinds

FIELD_MAX = 64  # SearchTerm.term / SearchWord.word max_length
# Also index the curated parts of compound words, so "kortlægning" finds "Netværkskortlægning".
INDEX_PARTS = True
PART_OFFSET = SearchTerm.Field.TITLE_PART - SearchTerm.Field.TITLE


def _body(doc: Document) -> str:
    texts = [*doc.row, *(analysis.plain_text(text) for text in doc.long)]
    return "\n".join(text.strip() for text in texts if text and text.strip())


def _with_extra(doc: Document, words: list[str]) -> Document:
    """The document with an editor's extra search words ("også kendt som"): they count as
    table-row text and, like aliases, as other names of the entry."""
    if not words:
        return doc
    return replace(doc, row=[*doc.row, *words], aliases=[*doc.aliases, *words])


def _analyse(
    kind: Kind, doc: Document
) -> tuple[dict[tuple[str, int], int], dict[str, tuple[str, str]]]:
    """Term counts per (term, field) and the word → (term, spelling) vocabulary of a document.

    The kind's label counts as a table-row word, so "kontakt bekymringssamtaler" or
    "metode ART" reach the right kind.
    """
    counts: Counter[tuple[str, int]] = Counter()
    words: dict[str, tuple[str, str]] = {}
    fields = (
        (SearchTerm.Field.TITLE, [doc.title]),
        (SearchTerm.Field.ROW, [kind.label, *doc.row]),
        (SearchTerm.Field.LONG, doc.long),
    )
    for field, texts in fields:
        for text in texts:
            for word, term, spelling in analysis.document_spellings(text or ""):
                if len(word) > FIELD_MAX or len(term) > FIELD_MAX:
                    continue
                counts[term, field] += 1
                if word not in words or not spelling.isascii():  # "forældre" over "foraeldre"
                    words[word] = (term, spelling[:FIELD_MAX])
                for part in analysis.part_terms(word) if INDEX_PARTS else ():
                    if part != term:
                        counts[part, field + PART_OFFSET] += 1
    return counts, words


def _document_row(kind: Kind, obj: Model, doc: Document) -> SearchDocument:
    keys = {analysis.title_key(name) for name in (doc.title, *doc.aliases)} - {""}
    return SearchDocument(
        model=kind.model,
        object_id=obj.pk,
        kind=kind.label,
        kind_position=kind.position,
        order=doc.order,
        title=doc.title[:400],
        title_keys="|".join(sorted(keys)),
        owner=analysis.title_key(doc.owner)[:200],
        body=_body(doc),
    )


def _term_rows(document: SearchDocument, counts: dict[tuple[str, int], int]) -> list[SearchTerm]:
    return [
        SearchTerm(document=document, term=term, field=field, count=n)
        for (term, field), n in sorted(counts.items())
    ]


def _word_rows(words: dict[str, tuple[str, str]]) -> list[SearchWord]:
    return [
        SearchWord(word=w, term=t, loose=analysis.loose(t), length=len(w), spelling=sp)
        for w, (t, sp) in sorted(words.items())
    ]


@transaction.atomic
def rebuild_index() -> int:
    """Rebuild the whole index from every registered kind; returns the number of term rows."""
    SearchTerm.objects.all().delete()
    SearchDocument.objects.all().delete()
    SearchWord.objects.all().delete()
    vocabulary: dict[str, tuple[str, str]] = {}
    pending: list[tuple[SearchDocument, dict]] = []
    for kind in kinds():
        extra = extra_words(kind.model, None)
        for obj in kind.queryset():
            doc = _with_extra(kind.document(obj), extra.get(obj.pk, []))
            counts, words = _analyse(kind, doc)
            for word, value in words.items():
                if word not in vocabulary or not value[1].isascii():
                    vocabulary[word] = value
            pending.append((_document_row(kind, obj, doc), counts))
    documents = SearchDocument.objects.bulk_create([row for row, _ in pending], batch_size=500)
    terms = [
        t
        for document, (_, counts) in zip(documents, pending, strict=True)
        for t in _term_rows(document, counts)
    ]
    SearchTerm.objects.bulk_create(terms, batch_size=1000)
    SearchWord.objects.bulk_create(_word_rows(vocabulary), batch_size=1000)
    return len(terms)


@transaction.atomic
def reindex(obj: Model) -> None:
    """Bring one object's entry in the index up to date (removing it if no longer searchable).

    Call it after saving an entry and its related rows (services, admin). Objects of kinds that
    are not searchable are ignored; registered dependents (an organisation's contacts) follow.
    """
    for dependent in dependents_of(obj):
        reindex(dependent)
    kind = kind_for(obj)
    if kind is None:
        return
    SearchDocument.objects.filter(model=kind.model, object_id=obj.pk).delete()
    fresh = kind.queryset().filter(pk=obj.pk).first() if obj.pk is not None else None
    if fresh is None:  # deleted, unpublished or a draft
        return
    doc = _with_extra(kind.document(fresh), extra_words(kind.model, [fresh.pk]).get(fresh.pk, []))
    counts, words = _analyse(kind, doc)
    document = _document_row(kind, fresh, doc)
    document.save()
    SearchTerm.objects.bulk_create(_term_rows(document, counts))
    SearchWord.objects.bulk_create(_word_rows(words), ignore_conflicts=True)

"""Glossary terms as search documents ("Begreb"), registered from GlossaryConfig.ready()."""

from django.db.models import Prefetch, QuerySet

from catalogue.search.registry import Document, register

from .models import Term, TermDefinition


def terms() -> QuerySet:
    return Term.objects.published().prefetch_related(
        Prefetch("definitions", queryset=TermDefinition.objects.order_by("order", "pk"))
    )


def term_document(term: Term) -> Document:
    # Kept lean on purpose: a term explains a word, the catalogue's entries are what staff
    # look for, so the definitions count as long text and only the expansion as another name.
    return Document(
        title=term.name,
        long=[d.text for d in term.definitions.all()],
        aliases=[term.expansion] if term.expansion else [],
        order=term.order,
    )


def register_search() -> None:
    register("Begreb", queryset=terms, document=term_document, position=6)

"""Glossary terms as search documents ("Begreb"), registered from GlossaryConfig.ready()."""

from django.db.models import Prefetch, QuerySet

from catalogue.search.registry import Document, register

from .models import Term, TermDefinition


def terms() -> QuerySet:
    return Term.objects.published().prefetch_related(
        Prefetch("definitions", queryset=TermDefinition.objects.order_by("order", "pk"))
    )


def term_document(term: Term) -> Document:
    return Document(
        title=term.name,
        row=[term.expansion, *(term.other_names or [])],
        long=[d.text for d in term.definitions.all()],
        aliases=[n for n in [*(term.other_names or []), term.expansion] if n],
        order=term.order,
    )


def register_search() -> None:
    register("Begreb", queryset=terms, document=term_document, position=6)

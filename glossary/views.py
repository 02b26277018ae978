"""The glossary page (``/ordliste/``) and the help page (``/raadgivning/``)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from . import selectors
from .documents import DOCUMENTS


@require_safe
def index(request: HttpRequest) -> HttpResponse:
    letters = selectors.glossary()
    context = {
        "letters": letters,
        "term_count": sum(len(letter.terms) for letter in letters),
        "documents": list(DOCUMENTS.values()),
    }
    return render(request, "glossary/index.html", context)


@require_safe
def help_page(request: HttpRequest) -> HttpResponse:
    context = {"parts": selectors.help_sections(), "source": DOCUMENTS["siri-2021"]}
    return render(request, "glossary/help.html", context)

"""Kontakter: the directory of contact points and its exports, all driven by the URL's filters."""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from .choices import SEARCH_PREFIX, choice_lists
from .downloads import export_response, single_vcard_response
from .models import ContactPoint
from .selectors import experience_links, mail_list, select_contacts

PAGE_SIZE = 100


@require_safe
def directory(request: HttpRequest) -> HttpResponse:
    selection = select_contacts(request.GET)
    page = Paginator(selection.contacts.for_listing(), PAGE_SIZE).get_page(request.GET.get("side"))
    contacts = list(page.object_list)
    for contact in contacts:
        contact.experience = experience_links(contact)
    context = {
        "selection": selection,
        "filter": selection.filterset,
        "choice_lists": choice_lists(selection, request.GET),
        "page_obj": page,
        "contacts": contacts,
        "mail": mail_list(selection.contacts),
        "export_query": _export_query(request),
    }
    status = 200 if selection.valid else 400
    return render(request, "contacts/directory.html", context, status=status)


def _export_query(request: HttpRequest) -> str:
    query = request.GET.copy()
    for name in list(query):
        if name == "side" or name.startswith(SEARCH_PREFIX):  # the page, a list's search
            query.pop(name)
    return f"?{query.urlencode()}" if query else ""


def _export(request: HttpRequest, fmt: str) -> HttpResponse:
    selection = select_contacts(request.GET)
    if not selection.valid:
        message = "Filteret kan ikke bruges: " + " ".join(selection.errors)
        return HttpResponse(message, status=400, content_type="text/plain; charset=utf-8")
    return export_response(
        selection.contacts, fmt, description=selection.description, slug=selection.slug
    )


@require_safe
def export_csv(request: HttpRequest) -> HttpResponse:
    return _export(request, "csv")


@require_safe
def export_xlsx(request: HttpRequest) -> HttpResponse:
    return _export(request, "xlsx")


@require_safe
def export_vcf(request: HttpRequest) -> HttpResponse:
    return _export(request, "vcf")


@require_safe
def contact_vcf(request: HttpRequest, slug: str) -> HttpResponse:
    contact = get_object_or_404(ContactPoint.objects.published().for_export(), slug=slug)
    return single_vcard_response(contact)

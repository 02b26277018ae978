"""Sammenlign, Handleplan (page, .docx, .xlsx) and a method's Spørgekort: GET only, no cookies.

The selection is the URL (see selection.py). Anything in it that can't be used is named on the
page in Danish and the answer is 400; the downloads refuse to write a file then.
"""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_safe

from catalogue.slugs import danish_slug

from . import exports, selection, selectors

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CARD_LAYOUTS = {"kort": "Kort til at klippe ud", "liste": "Kun spørgsmålene, som liste"}


def _status(chosen: selection.Selection) -> int:
    return 400 if chosen.problems else 200


@require_safe
def compare(request: HttpRequest) -> HttpResponse:
    chosen = selection.read(request.GET, limit=selection.MAX_COMPARE, noun="en sammenligning")
    entries = selectors.chosen_entries(chosen)
    context = {
        "selection": chosen,
        "entries": entries,
        "too_few": len(entries) < selection.MIN_COMPARE,
        "has_methods": any(e.is_method for e in entries),
        "has_initiatives": any(not e.is_method for e in entries),
        "max_compare": selection.MAX_COMPARE,
        "query": selection.query(chosen.values),
    }
    return render(request, "plans/compare.html", context, status=_status(chosen))


def _plan(request: HttpRequest) -> tuple[selection.Selection, selectors.Plan]:
    chosen = selection.read(request.GET, limit=selection.MAX_PLAN, noun="en handleplan")
    return chosen, selectors.plan(chosen)


@require_safe
def plan(request: HttpRequest) -> HttpResponse:
    chosen, the_plan = _plan(request)
    query = selection.query(chosen.values, title=chosen.title)
    context = {
        "selection": chosen,
        "plan": the_plan,
        "query": query,
        "values_query": selection.query(chosen.values),
        "max_plan": selection.MAX_PLAN,
        "max_title": selection.MAX_TITLE,
        "fields": exports.FIELDS,
        "can_compare": selection.MIN_COMPARE <= len(the_plan.entries) <= selection.MAX_COMPARE,
    }
    return render(request, "plans/plan.html", context, status=_status(chosen))


def _download(request: HttpRequest, fmt: str) -> HttpResponse:
    chosen, the_plan = _plan(request)
    if chosen.problems or not the_plan.entries:
        problems = chosen.problems or ["Handleplanen er tom: vælg mindst én indsats eller metode."]
        context = {
            "problems": problems,
            "back": f"{reverse('plans:plan')}?{request.GET.urlencode()}",
        }
        return render(request, "plans/download_refused.html", context, status=400)
    query = selection.query(chosen.values, title=chosen.title)
    url = request.build_absolute_uri(f"{reverse('plans:plan')}?{query}")
    contacts_url = request.build_absolute_uri(the_plan.contacts_url)
    today = timezone.localdate()
    writer, content_type = (
        (exports.write_docx, DOCX) if fmt == "docx" else (exports.write_xlsx, XLSX)
    )
    data = writer(the_plan, url=url, contacts_url=contacts_url, created=today)
    name = f"{danish_slug(exports.plan_title(the_plan))[:60].strip('-') or 'handleplan'}"
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(
        True, f"{name}-{today:%Y-%m-%d}.{fmt}"
    )
    return response


@require_safe
def plan_docx(request: HttpRequest) -> HttpResponse:
    return _download(request, "docx")


@require_safe
def plan_xlsx(request: HttpRequest) -> HttpResponse:
    return _download(request, "xlsx")


@require_safe
def question_cards(request: HttpRequest, slug: str) -> HttpResponse:
    method = selectors.method_for_cards(slug)
    if method is None:
        raise Http404("Metoden findes ikke.")
    layout = request.GET.get("visning", "kort")
    problems = []
    if layout not in CARD_LAYOUTS:
        problems.append("Den visning findes ikke, så spørgsmålene vises som kort.")
        layout = "kort"
    groups = selectors.question_cards(method)
    context = {
        "method": method,
        "groups": groups,
        "layout": layout,
        "layouts": CARD_LAYOUTS,
        "problems": problems,
        "count": sum(len(group.cards) for group in groups),
    }
    return render(request, "plans/question_cards.html", context)

"""The public forms (report an experience, suggest a correction) and the contact's own links.

The entry pages only link here, so they stay cacheable. These pages set no cookie and are
never cached (each form carries its own signed token); POST is ``csrf_exempt`` and protected as
``protection.py`` explains.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe

from catalogue.models import Initiative, Method, Organisation

from . import forms, protection, services, tokens
from .models import Submission

KINDS = {"indsats": Initiative, "metode": Method, "organisation": Organisation}
NOUNS = {"indsats": "indsatsen", "metode": "metoden", "organisation": "organisationen"}


def _subject(kind: str, slug: str):
    model = KINDS[kind]
    objects = model.objects.all() if model is Organisation else model.objects.published()
    subject = objects.filter(slug=slug).first()
    if subject is None:
        raise Http404("Siden findes ikke.")
    return subject


def _form_class(kind: str, action: str):
    if action == "rettelse":
        return forms.CorrectionForm
    return forms.OrganisationExperienceForm if kind == "organisation" else forms.ExperienceForm


def _refused(request: HttpRequest, message: str, status: int) -> HttpResponse:
    return render(request, "feedback/refused.html", {"message": message}, status=status)


def _handle(request: HttpRequest, *, form_class, scope: str, context: dict, save) -> HttpResponse:
    """GET: a fresh form. POST: the protections, then the form, then ``save(cleaned_data)``."""
    if request.method != "POST":
        form = form_class(initial={forms.TOKEN: protection.make_form_token(scope)})
        return render(request, "feedback/form.html", {**context, "form": form})
    if protection.is_cross_origin(request):
        return _refused(request, "Formularen kan kun sendes fra Idekatalogs egne sider.", 403)
    form = form_class(request.POST)
    problems = []
    try:
        protection.check_form_token(request.POST.get(forms.TOKEN, ""), scope)
    except protection.TokenProblem as problem:
        problems.append(str(problem))
    valid = form.is_valid()
    if valid and not problems and form.cleaned_data.get(forms.HONEYPOT):
        return redirect("feedback:thanks")  # a bot: pretend all is well, store nothing
    if not valid or problems:
        fresh = form.data.copy()
        fresh[forms.TOKEN] = protection.make_form_token(scope)
        form.data = fresh
        context = {**context, "form": form, "problems": problems}
        return render(request, "feedback/form.html", context, status=400)
    if protection.over_rate_limit(request):
        return _refused(
            request,
            "Der er sendt mange bidrag fra din adresse på kort tid. Prøv igen om en time.",
            429,
        )
    save(form.cleaned_data)
    return redirect("feedback:thanks")


def _submission_view(kind: str, action: str):
    submission_kind = (
        Submission.Kind.CORRECTION if action == "rettelse" else Submission.Kind.EXPERIENCE
    )

    @csrf_exempt
    @never_cache
    @require_http_methods(["GET", "HEAD", "POST"])
    def view(request: HttpRequest, slug: str) -> HttpResponse:
        subject = _subject(kind, slug)
        context = {"subject": subject, "kind": kind, "action": action, "noun": NOUNS[kind]}

        def save(data: dict) -> None:
            if kind == "organisation" and action == "erfaring":
                data = {**data, "organisation": subject}
                services.submit(kind=submission_kind, subject=data["entry"], data=data)
            else:
                services.submit(kind=submission_kind, subject=subject, data=data)

        return _handle(
            request,
            form_class=_form_class(kind, action),
            scope=f"{kind}:{action}:{subject.pk}",
            context=context,
            save=save,
        )

    view.__name__ = f"{kind}_{action}"
    return view


initiative_experience = _submission_view("indsats", "erfaring")
initiative_correction = _submission_view("indsats", "rettelse")
method_experience = _submission_view("metode", "erfaring")
method_correction = _submission_view("metode", "rettelse")
organisation_experience = _submission_view("organisation", "erfaring")
organisation_correction = _submission_view("organisation", "rettelse")


@require_safe
def thanks(request: HttpRequest) -> HttpResponse:
    return render(request, "feedback/thanks.html")


# ------------------------------------------------------------- the contact's yearly link


@csrf_exempt
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows the contact's details and a button (mail scanners prefetch links); POST
    confirms."""
    try:
        confirmation = tokens.request_for_token(token)
    except tokens.LinkProblem as problem:
        return _refused(request, str(problem), problem.status)
    if request.method == "POST":
        if protection.is_cross_origin(request):
            return _refused(request, "Bekræftelsen kan kun sendes fra Idekatalogs egne sider.", 403)
        try:
            contact = services.confirm_contact(token=token)
        except tokens.LinkProblem as problem:
            return _refused(request, str(problem), problem.status)
        return render(request, "feedback/confirmed.html", {"contact": contact})
    contact = confirmation.contact
    return render(
        request,
        "feedback/confirm.html",
        {
            "contact": contact,
            "phones": contact.phones.all(),
            "emails": contact.emails.all(),
            "token": token,
        },
    )


@csrf_exempt
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def contact_change(request: HttpRequest, token: str) -> HttpResponse:
    """ "Noget er ændret": a correction form that goes to the moderation queue."""
    try:
        confirmation = tokens.request_for_token(token)
    except tokens.LinkProblem as problem:
        return _refused(request, str(problem), problem.status)
    contact = confirmation.contact

    def save(data: dict) -> None:
        services.report_contact_change(token=token, data=data)

    return _handle(
        request,
        form_class=forms.ContactChangeForm,
        scope=f"kontakt:{confirmation.pk}",
        context={"subject": contact, "kind": "kontakt", "action": "kontakt", "noun": "kontakten"},
        save=save,
    )

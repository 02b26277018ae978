"""What the feedback app plugs into the catalogue (called from FeedbackConfig.ready()):
the two links on entry and organisation pages, its permissions in the editors' roles, and the
suggestion shown beside an entry's admin form."""

from __future__ import annotations

from django.db.models import Model
from django.http import HttpRequest
from django.urls import reverse

from catalogue import admin_asides, page_links, roles

ROUTES = {
    "catalogue.initiative": "initiative",
    "catalogue.method": "method",
    "catalogue.organisation": "organisation",
}
#: ?forslag=<id> on an admin change page shows that submission beside the form.
SUGGESTION_PARAMETER = "forslag"


def _url(action: str):
    def url(obj: Model) -> str:
        return reverse(f"feedback:{ROUTES[obj._meta.label_lower]}_{action}", args=[obj.slug])

    return url


def suggestion_aside(request: HttpRequest, obj: Model) -> admin_asides.Aside | None:
    """The waiting submission named by ?forslag= if it is about ``obj``."""
    from . import services
    from .models import Submission

    value = request.GET.get(SUGGESTION_PARAMETER, "")
    if not value.isdigit() or len(value) > 18:
        return None
    submission = (
        Submission.objects.filter(pk=int(value), status=Submission.Status.NEW)
        .select_related("organisation")
        .first()
    )
    if submission is None or submission.subject != obj:
        return None
    if not request.user.has_perm("feedback.change_submission"):
        return None

    def on_saved(request: HttpRequest, saved: Model) -> None:
        services.mark_accepted(submission=submission, user=request.user)

    lines = [("Forslag", submission.text)]
    if submission.organisation_label:
        lines.append(("Fra", submission.organisation_label))
    if submission.remark:
        lines.append(("Bemærkning", submission.remark))
    return admin_asides.Aside(
        title=f"{submission.get_kind_display()} fra en læser (bidrag nr. {submission.pk})",
        lines=(
            *lines,
            (
                "Sådan godkender du",
                "Ret posten herunder, og gem. Så er bidraget godkendt, og ændringen er en "
                "ny version med dit navn. Vil du ikke bruge forslaget, så afvis bidraget i køen.",
            ),
        ),
        links=(
            (
                "Tilbage til bidraget",
                reverse("admin:feedback_submission_change", args=[submission.pk]),
            ),
        ),
        change_reason=f"Rettelse fra læser godkendt (bidrag nr. {submission.pk})",
        on_saved=on_saved,
    )


def register_hooks() -> None:
    entries = ("catalogue.initiative", "catalogue.method")
    page_links.register(
        "Vi har også erfaring med dette",
        url=_url("experience"),
        models=entries,
    )
    page_links.register(
        "Vi har erfaring, der mangler her",
        url=_url("experience"),
        models=("catalogue.organisation",),
    )
    page_links.register(
        "Foreslå en rettelse", url=_url("correction"), models=(*entries, "catalogue.organisation")
    )
    admin_asides.register(suggestion_aside)
    moderation = {
        "feedback.submission": ("view", "change"),
        "feedback.confirmationrequest": ("view",),
    }
    roles.add_permissions("Redaktør", moderation)
    roles.add_permissions("Kontaktansvarlig", moderation)
    roles.add_permissions(
        "Læser", {"feedback.submission": ("view",), "feedback.confirmationrequest": ("view",)}
    )

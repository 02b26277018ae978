"""The moderation queue (Redaktør role) and the log of confirmation requests.

Submissions are read-only here: an editor accepts or rejects them. Accepting an experience adds
the experience row (a catalogue history version by the editor); accepting a correction opens
the entry's own change page with the suggestion beside the form (see hooks.suggestion_aside).
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import path, reverse
from django.utils.html import format_html

from catalogue.models import Organisation

from . import services
from .hooks import SUGGESTION_PARAMETER
from .models import ConfirmationRequest, Submission


class AcceptExperienceForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label="Organisation", queryset=Organisation.objects.order_by("name")
    )
    note = forms.CharField(
        label="Bemærkning på siden (valgfri)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Vises offentligt efter organisationens navn. Skriv den selv; læserens tekst "
        "står herover.",
    )


class RejectForm(forms.Form):
    reason = forms.CharField(
        label="Begrundelse",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Sendes til indsenderen, hvis der er en e-mailadresse.",
    )


READONLY = [
    "kind",
    "status",
    "subject_link",
    "organisation",
    "organisation_name",
    "text",
    "remark",
    "email",
    "created_at",
    "decided_at",
    "decided_by",
    "reason",
]


@admin.register(Submission)
class SubmissionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "status", "organisation_label", "created_at"]
    list_filter = ["status", "kind"]
    search_fields = ["text", "organisation_name", "organisation__name"]
    list_select_related = [
        "initiative",
        "method",
        "about_organisation",
        "contact__organisation",
        "organisation",
    ]
    readonly_fields = READONLY
    fields = READONLY
    change_form_template = "admin/feedback/submission/change_form.html"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False  # personal data goes by the retention command (purge_feedback)

    @admin.display(description="om")
    def subject_link(self, obj: Submission):
        subject = obj.subject
        url = getattr(subject, "get_absolute_url", None)
        if obj.contact_id:
            url = None
        return format_html('<a href="{}">{}</a>', url(), subject) if url else str(subject)

    @admin.display(description="fra")
    def organisation_label(self, obj: Submission) -> str:
        return obj.organisation_label

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("<int:pk>/godkend/", wrap(self.accept_view), name="feedback_submission_accept"),
            path("<int:pk>/afvis/", wrap(self.reject_view), name="feedback_submission_reject"),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "show_save": False,
            "show_save_and_continue": False,
        }
        return super().change_view(request, object_id, form_url, extra_context)

    def _waiting(self, request: HttpRequest, pk: int) -> Submission:
        if not self.has_change_permission(request):
            raise PermissionDenied
        return get_object_or_404(Submission, pk=pk)

    def _back(self, submission: Submission) -> HttpResponseRedirect:
        return HttpResponseRedirect(
            reverse("admin:feedback_submission_change", args=[submission.pk])
        )

    def _page(self, request, submission, title: str, form, template: str) -> HttpResponse:
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": title,
            "submission": submission,
            "form": form,
        }
        return render(request, template, context)

    def accept_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        submission = self._waiting(request, pk)
        if submission.status != Submission.Status.NEW:
            self.message_user(request, "Bidraget er allerede behandlet.", messages.WARNING)
            return self._back(submission)
        if submission.kind != Submission.Kind.EXPERIENCE:
            target = submission.subject
            opts = target._meta
            url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[target.pk])
            return HttpResponseRedirect(f"{url}?{SUGGESTION_PARAMETER}={submission.pk}")
        if not request.user.has_perm("catalogue.add_experience"):
            raise PermissionDenied
        form = AcceptExperienceForm(
            request.POST or None, initial={"organisation": submission.organisation}
        )
        if request.method == "POST" and form.is_valid():
            try:
                services.accept_experience(
                    submission=submission,
                    organisation=form.cleaned_data["organisation"],
                    note=form.cleaned_data["note"],
                    user=request.user,
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                self.message_user(
                    request,
                    f"Godkendt: {form.cleaned_data['organisation']} står nu som erfaren med "
                    f"»{submission.entry}«.",
                    messages.SUCCESS,
                )
                return HttpResponseRedirect(reverse("admin:feedback_submission_changelist"))
        return self._page(
            request, submission, "Godkend erfaring", form, "admin/feedback/submission/accept.html"
        )

    def reject_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        submission = self._waiting(request, pk)
        if submission.status != Submission.Status.NEW:
            self.message_user(request, "Bidraget er allerede behandlet.", messages.WARNING)
            return self._back(submission)
        form = RejectForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            services.reject(
                submission=submission, reason=form.cleaned_data["reason"], user=request.user
            )
            self.message_user(request, "Bidraget er afvist.", messages.SUCCESS)
            return HttpResponseRedirect(reverse("admin:feedback_submission_changelist"))
        return self._page(
            request, submission, "Afvis bidrag", form, "admin/feedback/submission/reject.html"
        )


class UnansweredFilter(admin.SimpleListFilter):
    title = "svar"
    parameter_name = "svar"

    def lookups(self, request, model_admin):
        return [("mangler", "Sendt, ikke besvaret"), ("fejlet", "Afsendelse fejlede")]

    def queryset(self, request, queryset):
        if self.value() == "mangler":
            return queryset.filter(sent_at__isnull=False, answered_at__isnull=True)
        if self.value() == "fejlet":
            return queryset.filter(sent_at__isnull=True, failed_at__isnull=False)
        return queryset


@admin.register(ConfirmationRequest)
class ConfirmationRequestAdmin(admin.ModelAdmin):
    """Who was asked, when, and who hasn't answered; written only by send_contact_confirmations."""

    list_display = ["contact", "email", "sent_at", "failed_at", "answered_at", "answer"]
    list_filter = [UnansweredFilter, "answer"]
    search_fields = ["email", "contact__unit", "contact__organisation__name"]
    list_select_related = ["contact__organisation"]
    readonly_fields = [f.name for f in ConfirmationRequest._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

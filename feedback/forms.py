"""The readers' forms: plain text with length limits; NUL bytes are refused by Django's fields."""

from __future__ import annotations

from django import forms

from catalogue.models import Initiative, Method, Organisation

from .models import NAME_MAX, REMARK_MAX, TEXT_MAX

HONEYPOT = "hjemmeside"
TOKEN = "formular"


class Textarea(forms.Textarea):
    def __init__(self, rows: int = 6) -> None:
        super().__init__(attrs={"rows": rows, "class": "form-input"})


def _input(**attrs) -> dict:
    return {"class": "form-input", **attrs}


class OrganisationChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Organisation) -> str:
        return obj.name


class BaseSubmissionForm(forms.Form):
    """Shared fields: the signed token, the honeypot, the follow-up e-mail and the remark."""

    formular = forms.CharField(widget=forms.HiddenInput, required=False)
    hjemmeside = forms.CharField(
        label="Lad dette felt stå tomt",
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    remark = forms.CharField(
        label="Bemærkning (valgfri)",
        required=False,
        max_length=REMARK_MAX,
        widget=Textarea(rows=3),
    )
    email = forms.EmailField(
        label="Din arbejdsmail (valgfri)",
        required=False,
        help_text="Kun hvis redaktionen må skrive til dig om dit bidrag. Vi sletter den "
        "90 dage efter, at bidraget er behandlet.",
        widget=forms.EmailInput(attrs=_input(autocomplete="email")),
    )

    error_css_class = "form-error"

    def visible_questions(self):
        return [f for f in self.visible_fields() if f.name != HONEYPOT]


class OrganisationFields(forms.Form):
    """Who writes: an organisation from the list, or a new name."""

    organisation = OrganisationChoice(
        label="Jeres organisation",
        queryset=Organisation.objects.order_by("name"),
        required=False,
        empty_label="Vælg fra listen …",
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    organisation_name = forms.CharField(
        label="… eller skriv navnet, hvis den ikke er på listen",
        required=False,
        max_length=NAME_MAX,
        widget=forms.TextInput(attrs=_input(autocomplete="organization")),
    )

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("organisation") and not cleaned.get("organisation_name", "").strip():
            if "organisation" not in self.errors and "organisation_name" not in self.errors:
                self.add_error("organisation", "Vælg jeres organisation, eller skriv navnet.")
        return cleaned


class ExperienceForm(OrganisationFields, BaseSubmissionForm):
    text = forms.CharField(
        label="Hvad har I gjort?",
        help_text="Kort: hvad I gjorde, hvornår og med hvem. Skriv ikke om enkeltpersoner.",
        max_length=TEXT_MAX,
        widget=Textarea(),
    )
    field_order = ["organisation", "organisation_name", "text", "email", "remark"]


class OrganisationExperienceForm(BaseSubmissionForm):
    """On an organisation's page: the organisation is given; which entry is chosen."""

    entry = forms.ChoiceField(
        label="Hvilken indsats eller metode?", widget=forms.Select(attrs={"class": "form-select"})
    )
    text = ExperienceForm.base_fields["text"]
    field_order = ["entry", "text", "email", "remark"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        initiatives = Initiative.objects.published().order_by("title").values_list("pk", "title")
        methods = Method.objects.published().order_by("title").values_list("pk", "title")
        self.fields["entry"].choices = [
            ("", "Vælg fra listen …"),
            ("Indsatser", [(f"indsats-{pk}", title) for pk, title in initiatives]),
            ("Metoder", [(f"metode-{pk}", title) for pk, title in methods]),
        ]

    def clean_entry(self):
        kind, _, pk = self.cleaned_data["entry"].partition("-")
        model = {"indsats": Initiative, "metode": Method}.get(kind)
        entry = model.objects.published().filter(pk=pk).first() if model and pk.isdigit() else None
        if entry is None:
            raise forms.ValidationError("Vælg en indsats eller metode fra listen.")
        return entry


class CorrectionForm(OrganisationFields, BaseSubmissionForm):
    text = forms.CharField(
        label="Hvad er forkert, og hvad bør der stå?",
        max_length=TEXT_MAX,
        widget=Textarea(),
    )
    field_order = ["text", "organisation", "organisation_name", "email", "remark"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].label = "Hvor arbejder du?"


class ContactChangeForm(BaseSubmissionForm):
    """From a contact point's own confirmation link: what has changed."""

    text = forms.CharField(
        label="Hvad er ændret?",
        help_text="Fx nyt telefonnummer, ny e-mailadresse eller en anden enhed.",
        max_length=TEXT_MAX,
        widget=Textarea(),
    )
    field_order = ["text", "email", "remark"]

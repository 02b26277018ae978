"""Contact points in Django admin: phones and e-mails inline, exports, history and archiving."""

from django.contrib import admin

from catalogue.admin_mixins import EditorAdmin, NotReviewedFilter, SlugFrozenMixin

from .actions import export_csv, export_vcf, export_xlsx
from .models import ContactPoint, Email, Phone


class NotConfirmedFilter(admin.SimpleListFilter):
    title = "kontakt bekræftet"
    parameter_name = "bekraeftet"

    def lookups(self, request, model_admin):
        return [
            ("over-et-aar", "Ikke bekræftet i over et år"),
            ("inden-for-et-aar", "Bekræftet inden for det seneste år"),
        ]

    def queryset(self, request, queryset):
        stale = ContactPoint.objects.not_confirmed_since(365)
        if self.value() == "over-et-aar":
            return queryset.filter(pk__in=stale.values("pk"))
        if self.value() == "inden-for-et-aar":
            return queryset.exclude(pk__in=stale.values("pk"))
        return queryset


class PhoneInline(admin.TabularInline):
    model = Phone
    fields = ["number", "order"]
    extra = 0


class EmailInline(admin.TabularInline):
    model = Email
    fields = ["address", "order"]
    extra = 0


@admin.register(ContactPoint)
class ContactPointAdmin(SlugFrozenMixin, EditorAdmin):
    list_display = [
        "unit",
        "organisation",
        "phone_numbers",
        "status",
        "last_reviewed",
        "confirmed_on",
        "secure_mail",
        "order",
    ]
    list_filter = [
        "status",
        NotReviewedFilter,
        NotConfirmedFilter,
        "organisation__region",
        "secure_mail",
        "themes",
        "organisation",
    ]
    search_fields = [
        "unit",
        "person_name",
        "organisation__name",
        "organisation__short_name",
        "emails__address",
        "phones__number",
        "contact_text",
    ]
    list_select_related = ["organisation"]
    autocomplete_fields = ["organisation", "initiatives", "methods"]
    slug_from = ("organisation", "unit")
    checkbox_fields = ("themes",)
    text_list_fields = {"experience_tags": "\n"}
    inlines = [PhoneInline, EmailInline]
    actions = [*EditorAdmin.actions, export_csv, export_xlsx, export_vcf]
    # What editors change most comes first: the unit, then its phones and e-mails (inlines,
    # right after the first fieldset); the source's text, never shown publicly, comes last.
    inlines_after_fieldsets = 1
    fieldsets = [
        (None, {"fields": ["unit", "person_name", "secure_mail", "website", "organisation"]}),
        ("Erfaring", {"fields": ["experience_tags", "themes", "initiatives", "methods"]}),
        (
            "Status og gennemgang",
            {"fields": ["status", "last_reviewed", "confirmed_on", "order", "slug"]},
        ),
        ("Til redaktører", {"fields": ["editor_note"]}),
        (
            "Kildetekst (vises aldrig offentligt)",
            {"fields": ["contact_text"], "classes": ["collapse"]},
        ),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("phones")

    @admin.display(description="telefon")
    def phone_numbers(self, obj: ContactPoint) -> str:
        return ", ".join(phone.display for phone in obj.phones.all())


@admin.register(Phone)
class PhoneAdmin(EditorAdmin):
    list_display = ["__str__", "contact"]
    search_fields = ["number", "contact__unit", "contact__organisation__name"]
    list_select_related = ["contact__organisation"]
    autocomplete_fields = ["contact"]


@admin.register(Email)
class EmailAdmin(EditorAdmin):
    list_display = ["address", "contact"]
    search_fields = ["address", "contact__unit", "contact__organisation__name"]
    list_select_related = ["contact__organisation"]
    autocomplete_fields = ["contact"]

"""Admin actions: export the selected contact points in the directory's formats.

The admin engineer registers ``export_csv``, ``export_xlsx`` and ``export_vcf`` in
``ContactPointAdmin.actions``; ``export_contacts`` is the shared implementation.
"""

from django.contrib import admin

from .downloads import export_response


def export_contacts(modeladmin, request, queryset, fmt: str = "csv"):
    """Export the selected contact points (drafts included: an editor chose them)."""
    count = queryset.count()
    description = f"{count} kontaktpunkter valgt i administrationen"
    return export_response(
        queryset.in_directory_order(), fmt, description=description, slug="valgte"
    )


@admin.action(description="Eksportér valgte kontaktpunkter til Excel (CSV)")
def export_csv(modeladmin, request, queryset):
    return export_contacts(modeladmin, request, queryset, "csv")


@admin.action(description="Eksportér valgte kontaktpunkter til Excel (XLSX)")
def export_xlsx(modeladmin, request, queryset):
    return export_contacts(modeladmin, request, queryset, "xlsx")


@admin.action(description="Eksportér valgte kontaktpunkter til adressebog (vCard)")
def export_vcf(modeladmin, request, queryset):
    return export_contacts(modeladmin, request, queryset, "vcf")

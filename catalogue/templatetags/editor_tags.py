"""Template helpers for the admin: ``{% load editor_tags %}``."""

from django import template
from django.contrib import admin
from django.urls import reverse

register = template.Library()


@register.simple_tag(takes_context=True)
def review_overview(context) -> list[dict]:
    """Per kind of entry the user may see: how many are not reviewed for over a year."""
    request = context["request"]
    rows = []
    for model, model_admin in admin.site._registry.items():
        manager = model._default_manager
        if not hasattr(manager, "not_reviewed_since"):
            continue
        if not model_admin.has_view_or_change_permission(request):
            continue
        count = manager.not_reviewed_since(365).count()
        if count:
            opts = model._meta
            url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
            rows.append(
                {
                    "name": opts.verbose_name_plural,
                    "count": count,
                    "url": f"{url}?gennemgaaet=over-et-aar",
                }
            )
    return sorted(rows, key=lambda row: -row["count"])


#: Other apps' querysets offer these methods (duck-typed, so the catalogue names no app):
#: (method, arguments, what the count means, the changelist filter that lists them).
ATTENTION = [
    ("waiting", (), "venter", "status__exact=new"),
    ("not_confirmed_since", (365,), "ikke bekræftet i over et år", "bekraeftet=over-et-aar"),
]


@register.simple_tag(takes_context=True)
def attention_overview(context) -> list[dict]:
    """What waits for the editors: submissions to moderate, contacts not confirmed for a year."""
    request = context["request"]
    rows = []
    for model, model_admin in admin.site._registry.items():
        manager = model._default_manager
        for method, args, label, query in ATTENTION:
            if not hasattr(manager, method) or not model_admin.has_view_permission(request):
                continue
            count = getattr(manager, method)(*args).count()
            if count:
                opts = model._meta
                url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
                rows.append(
                    {
                        "name": opts.verbose_name_plural,
                        "label": label,
                        "count": count,
                        "url": f"{url}?{query}",
                    }
                )
    return rows

"""Read an admin change page's form back into the POST data a browser would send."""

from typing import Any

from django.urls import reverse


def admin_url(obj_or_model, view: str = "change", *args) -> str:
    opts = obj_or_model._meta
    if view in {"change", "history", "delete"} and not args:
        args = (obj_or_model.pk,)
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=args)


def _put(data: dict[str, Any], name: str, field, value) -> None:
    value = field.prepare_value(value)
    if isinstance(value, (list, tuple)):
        data[name] = [str(v) for v in value]
    elif isinstance(value, bool) or getattr(field.widget, "input_type", "") == "checkbox":
        if value:
            data[name] = "on"
    else:
        data[name] = "" if value is None else str(value)


def form_data(response) -> dict[str, Any]:
    """The data the change page in ``response`` posts if the editor changes nothing."""
    form = response.context["adminform"].form
    data: dict[str, Any] = {}
    for name, field in form.fields.items():
        _put(data, form.add_prefix(name), field, form[name].value())
    for inline in response.context.get("inline_admin_formsets", []):
        formset = inline.formset
        management = formset.management_form
        for name in management.fields:
            data[management.add_prefix(name)] = management[name].value()
        for sub in formset.forms:
            for name, field in sub.fields.items():
                _put(data, sub.add_prefix(name), field, sub[name].value())
    data["_save"] = "Gem"
    return data

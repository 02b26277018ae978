"""How the editors' forms look (``EditorFieldsMixin``): checkboxes for short many-to-many
lists, JSON lists of strings edited as lines of text, inlines near the top of the form."""

from __future__ import annotations

from typing import Any

from django import forms


class TextListField(forms.CharField):
    """A JSON list of strings edited as plain text: one item per line (or comma-separated)."""

    def __init__(self, *, separator: str = "\n", **kwargs: Any) -> None:
        self.separator = separator
        if separator == "\n":
            kwargs.setdefault("widget", forms.Textarea(attrs={"rows": 4}))
        kwargs["required"] = False
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, list):
            return (", " if self.separator == "," else self.separator).join(map(str, value))
        return value

    def to_python(self, value) -> list[str]:
        if isinstance(value, list):
            return value
        text = super().to_python(value) or ""
        return [part.strip() for part in text.split(self.separator) if part.strip()]

    def has_changed(self, initial, data) -> bool:
        return (initial or []) != self.to_python(data)


class EditorFieldsMixin:
    #: Many-to-many fields with few choices, shown as checkboxes (work without JavaScript).
    checkbox_fields: tuple[str, ...] = ()

    #: JSON lists of strings edited as text: {field name: separator}.
    text_list_fields: dict[str, str] = {}

    #: Show the inlines after this many fieldsets (near the top) instead of after the form.
    inlines_after_fieldsets: int | None = None

    def render_change_form(self, request, context, *args, **kwargs):
        context["inlines_after"] = self.inlines_after_fieldsets
        return super().render_change_form(request, context, *args, **kwargs)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name in self.text_list_fields:
            separator = self.text_list_fields[db_field.name]
            how = "Adskil med komma." if separator == "," else "Ét punkt pr. linje."
            return TextListField(
                separator=separator,
                label=db_field.verbose_name.capitalize(),
                help_text=how,
            )
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name in self.checkbox_fields:
            kwargs["widget"] = forms.CheckboxSelectMultiple
        return super().formfield_for_manytomany(db_field, request, **kwargs)

"""Template helpers for choosing entries: ``{% load plans_tags %}``."""

from django import template
from django.urls import reverse

from catalogue.models import Initiative, Method
from plans import selection

register = template.Library()


@register.filter
def choice_value(entry) -> str:
    """``indsats:<slug>`` or ``metode:<slug>`` for an entry; "" for anything else."""
    if isinstance(entry, Initiative):
        return f"indsats:{entry.slug}"
    if isinstance(entry, Method):
        return f"metode:{entry.slug}"
    return ""


def _carried(request) -> list[str]:
    """The well-formed choices already in the page's URL, in order, each once."""
    if request is None:
        return []
    values = request.GET.getlist(selection.PARAM)[: selection.MAX_VALUES]
    choices = [selection.parse_choice(v) for v in values]
    return list(dict.fromkeys(c.value for c in choices if c is not None))


@register.simple_tag(takes_context=True)
def carried_choices(context, *shown_entries) -> list[str]:
    """Choices in the URL that are not among ``shown_entries`` (each a list of entries)."""
    shown = {choice_value(entry) for entries in shown_entries for entry in entries or []}
    return [value for value in _carried(context.get("request")) if value not in shown]


@register.simple_tag(takes_context=True)
def chosen_values(context) -> list[str]:
    return _carried(context.get("request"))


@register.simple_tag(takes_context=True)
def with_entry_url(context, url_name: str, entry) -> str:
    """The compare or plan page with the URL's choices plus ``entry``."""
    values = list(dict.fromkeys([*_carried(context.get("request")), choice_value(entry)]))
    return f"{reverse(url_name)}?{selection.query(values)}"


@register.simple_tag
def plans_query(values, title: str = "") -> str:
    return selection.query(values, title=title)


@register.filter
def hit_entries(hits) -> list:
    return [hit.object for hit in hits or []]


@register.simple_tag
def choosable(*entry_lists) -> list:
    """The initiatives and methods among ``entry_lists`` (search hits hold other kinds too)."""
    return [e for entries in entry_lists for e in entries or [] if choice_value(e)]


@register.filter
def remove_value(values, value) -> list[str]:
    return [v for v in values if v != value]

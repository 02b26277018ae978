"""``{% load glossary_tags %}``: a definition's text with links to the *other* terms."""

from django import template
from django.utils.safestring import SafeString, mark_safe

from catalogue.templatetags.catalogue_tags import _clean, render_markdown

from ..linking import link_terms

register = template.Library()


@register.filter(is_safe=True)
def definition(text: str | None, own_slug: str = "") -> SafeString:
    """Markdown like the catalogue's filter, linking every term but the one being defined."""
    html = render_markdown(text)
    if html:
        html = _clean(link_terms(html, exclude={own_slug} if own_slug else set()))
    return mark_safe(html)  # sanitised by nh3

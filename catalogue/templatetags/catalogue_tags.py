"""Template helpers for the public pages: ``{% load catalogue_tags %}``."""

import markdown as markdown_lib
import nh3
from django import template
from django.utils.safestring import SafeString, mark_safe

from catalogue import textlinks

register = template.Library()

# What an editor's Markdown may produce; everything else is stripped by nh3.
ALLOWED_TAGS = {
    "p", "br", "h2", "h3", "h4", "h5", "h6", "strong", "em", "b", "i", "ul", "ol", "li",
    "blockquote", "a", "code", "pre", "hr", "table", "thead", "tbody", "tr", "th", "td",
    "abbr", "sup", "sub",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"scope"}}


@register.filter(is_safe=True)
def markdown(text: str | None) -> SafeString:
    """Render an entry's long text (Markdown) to sanitised HTML.

    Headings start at <h3>: the page's own <h1>/<h2> frame them. Raw HTML in the text is
    escaped by nh3's cleaning, links keep only http(s)/mailto and get rel="noopener noreferrer".
    Registered post-processors (``catalogue.textlinks``, e.g. links to glossary terms) then
    work on the clean HTML, which is cleaned once more.
    """
    clean = render_markdown(text)
    if clean and textlinks.has_processors():
        processed = textlinks.process(clean)
        if processed != clean:
            clean = _clean(processed)
    return mark_safe(clean)  # sanitised by nh3


def _clean(html: str) -> str:
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )


def render_markdown(text: str | None) -> str:
    """Markdown to sanitised HTML, without the post-processors."""
    if not text:
        return ""
    return _clean(markdown_lib.markdown(text, extensions=["sane_lists"], output_format="html"))


@register.filter
def phone(number: str) -> str:
    """An 8-digit Danish number as staff write it: '43 68 69 59'."""
    digits = "".join(ch for ch in str(number) if ch.isdigit())
    if len(digits) != 8:
        return str(number)
    return " ".join(digits[i : i + 2] for i in range(0, 8, 2))


@register.filter
def page_numbers(page) -> list:
    """The page numbers to link for ``page``: the ends and two either side, '…' for the gaps."""
    return list(page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1))

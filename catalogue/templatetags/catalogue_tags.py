"""Template helpers for the public pages: ``{% load catalogue_tags %}``."""

import datetime
import re

import markdown as markdown_lib
import nh3
from django import template
from django.utils import timezone
from django.utils.html import conditional_escape, format_html_join
from django.utils.safestring import SafeString, mark_safe

from catalogue import textlinks
from catalogue.page_links import links_for

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


BULLET = re.compile(r"^\s*[-•]\s+")


def _runs(paragraph: str) -> list[tuple[bool, list[str]]]:
    """A paragraph's lines as runs of (is a list, lines), bullets stripped, empty lines dropped."""
    runs: list[tuple[bool, list[str]]] = []
    for line in paragraph.splitlines():
        is_item = bool(BULLET.match(line))
        line = BULLET.sub("", line).strip()
        if not line:
            continue
        if not runs or runs[-1][0] != is_item:
            runs.append((is_item, []))
        runs[-1][1].append(line)
    return runs


@register.filter(is_safe=True)
def plain_text(text: str | None) -> SafeString:
    """Render a table field (plain text, not Markdown) as paragraphs and lists.

    Paragraphs are separated by a blank line; lines starting with "- " (or "• ") are the items
    of a bulleted list; other line breaks inside a paragraph are kept. Everything is escaped,
    and an empty paragraph or item renders nothing.
    """
    html: list[str] = []
    for paragraph in re.split(r"\n\s*\n", (text or "").strip()):
        for is_list, lines in _runs(paragraph):
            if is_list:
                html.append(
                    f"<ul>{format_html_join('', '<li>{}</li>', ((i,) for i in lines))}</ul>"
                )
            else:
                html.append(f"<p>{'<br>'.join(map(conditional_escape, lines))}</p>")
    return mark_safe("".join(html))  # every piece of text is escaped above


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


@register.simple_tag(takes_context=True)
def slot(context, place: str, **extra) -> SafeString:
    """Whatever other apps registered for ``place`` (catalogue/slots.py), rendered in order."""
    from catalogue.slots import templates_for

    templates = templates_for(place)
    if not templates:
        return mark_safe("")
    values = {**context.flatten(), **extra}
    request = context.get("request")
    # Each template is rendered by Django's engine with autoescaping: the result is safe HTML.
    return mark_safe("".join(t.render(values, request) for t in templates))


@register.simple_tag
def page_links(obj) -> list:
    """Links other apps add to this object's public page (catalogue/page_links.py)."""
    return links_for(obj)


@register.filter
def over_a_year_old(day) -> bool:
    """True for a date more than 12 months ago, or no date at all (never checked)."""
    if day is None:
        return True
    return day < timezone.localdate() - datetime.timedelta(days=365)

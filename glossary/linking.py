"""Links from texts to the glossary: the first mention of each term in a rendered text.

Registered with ``catalogue.textlinks`` so that every Markdown text the public pages render
(entries' descriptions, the about page, profiles) gets them; the admin never renders through
that filter. The HTML is walked with ``html.parser``: only text outside headings, links, code
and abbreviations is touched; tags and entities pass through byte for byte.

Matching is on whole words (a term is not found inside ``SSP-samarbejdet`` unless that is one
of its names). A name with two or more capital letters (SSP, YLS/CMI, Mind The Parents) is an
acronym or proper name and matches case-sensitively; other names match in any case.

"First mention" is per page: the terms already linked are remembered for the request, so the
second text on a page (another section, another profile statement) does not link them again.
The published, linkable terms are read once per request (one query, only on pages that render
Markdown) and forgotten when the request ends, so an editor's change shows on the next page.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from html.parser import HTMLParser

from django.urls import reverse

SKIP_TAGS = {"a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "abbr"}

_local = threading.local()


@dataclass(frozen=True)
class Matcher:
    pattern: re.Pattern[str] | None
    exact: dict[str, str]  # case-sensitive name -> slug
    folded: dict[str, str]  # casefolded name -> slug
    base_url: str

    def slug_for(self, text: str) -> str | None:
        return self.exact.get(text) or self.folded.get(text.casefold())


def is_case_sensitive(name: str) -> bool:
    return sum(ch.isupper() for ch in name) >= 2


def build_matcher(terms: list[tuple[str, list[str]]], base_url: str) -> Matcher:
    """``terms``: (slug, names) pairs, earlier terms winning a shared name."""
    exact: dict[str, str] = {}
    folded: dict[str, str] = {}
    alternatives: dict[str, str] = {}
    for slug, names in terms:
        for name in names:
            name = name.strip()
            if len(name) < 2:
                continue
            if is_case_sensitive(name):
                exact.setdefault(name, slug)
                alternatives.setdefault(name, re.escape(name))
            else:
                folded.setdefault(name.casefold(), slug)
                alternatives.setdefault(name.casefold(), f"(?i:{re.escape(name)})")
    if not alternatives:
        return Matcher(None, exact, folded, base_url)
    # Longest first: "SSP 18+" before "SSP", "§115-møder" before "§115".
    ordered = sorted(alternatives.items(), key=lambda item: (-len(item[0]), item[0]))
    body = "|".join(pattern for _, pattern in ordered)
    pattern = re.compile(rf"(?<![\w§/-])(?:{body})(?![\w/-]|\+)")
    return Matcher(pattern, exact, folded, base_url)


def current_matcher() -> Matcher:
    matcher = getattr(_local, "matcher", None)
    if matcher is None:
        from .selectors import linkable_terms

        matcher = build_matcher(linkable_terms(), reverse("glossary:index"))
        _local.matcher = matcher
    return matcher


def page_linked() -> set[str]:
    """The slugs already linked on the page being rendered."""
    linked = getattr(_local, "linked", None)
    if linked is None:
        linked = _local.linked = set()
    return linked


def reset(**_kwargs) -> None:
    """Forget the terms and links of this request (connected to request_started/finished)."""
    _local.__dict__.pop("matcher", None)
    _local.__dict__.pop("linked", None)


class _Linker(HTMLParser):
    def __init__(self, matcher: Matcher, linked: set[str], exclude: set[str]) -> None:
        super().__init__(convert_charrefs=False)
        self.matcher = matcher
        self.linked = linked
        self.exclude = exclude
        self.skip = 0
        self.out: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        self.out.append(self.get_starttag_text() or "")
        if tag in SKIP_TAGS:
            self.skip += 1

    def handle_startendtag(self, tag, attrs) -> None:
        self.out.append(self.get_starttag_text() or "")

    def handle_endtag(self, tag) -> None:
        self.out.append(f"</{tag}>")
        if tag in SKIP_TAGS and self.skip:
            self.skip -= 1

    def handle_entityref(self, name) -> None:
        self.out.append(f"&{name};")

    def handle_charref(self, name) -> None:
        self.out.append(f"&#{name};")

    def handle_comment(self, data) -> None:
        self.out.append(f"<!--{data}-->")

    def handle_data(self, data) -> None:
        if self.skip or self.matcher.pattern is None:
            self.out.append(data)
            return
        self.out.append(self.matcher.pattern.sub(self._link, data))

    def _link(self, match: re.Match[str]) -> str:
        text = match.group(0)
        slug = self.matcher.slug_for(text)
        if slug is None or slug in self.linked or slug in self.exclude:
            return text
        self.linked.add(slug)
        return f'<a href="{self.matcher.base_url}#{slug}">{text}</a>'


def link_terms(
    html: str,
    *,
    matcher: Matcher | None = None,
    linked: set[str] | None = None,
    exclude: frozenset[str] | set[str] = frozenset(),
) -> str:
    """``html`` with the first mention of every glossary term linked to its entry.

    ``linked``: slugs already linked (default: those of the current page; the set is updated);
    ``exclude``: slugs never to link here (a term's own definition).
    """
    matcher = matcher or current_matcher()
    if matcher.pattern is None or not html:
        return html
    linker = _Linker(matcher, page_linked() if linked is None else linked, set(exclude))
    linker.feed(html)
    linker.close()
    return "".join(linker.out)


def add_term_links(html: str) -> str:
    """The ``catalogue.textlinks`` processor."""
    return link_terms(html)

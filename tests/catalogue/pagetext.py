"""Read a rendered page the way a user sees it: its text and its links."""

import re
from html import unescape


def _clean(html: str) -> str:
    html = re.sub(r"<wbr\s*/?>", "", html)  # a line-break opportunity, not a space
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def text(response) -> str:
    """The page's visible text, tags dropped and whitespace collapsed."""
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", response.content.decode(), flags=re.S)
    return _clean(html)


def links(response) -> dict[str, str]:
    """Link text -> href for every link on the page (the last one wins on duplicates)."""
    found = re.findall(r'<a [^>]*href="([^"]*)"[^>]*>(.*?)</a>', response.content.decode(), re.S)
    return {_clean(label): unescape(href) for href, label in found}

"""How the admin's history pages show a change: changed words in long texts, changed links."""

from __future__ import annotations

import difflib
import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from simple_history.template_utils import HistoricalRecordContextHelper

WORD = re.compile(r"\s+|[^\s]+")
CONTEXT_WORDS = 8


class WordDiffHelper(HistoricalRecordContextHelper):
    """Shows a changed text as the changed words with some context, not cut off at 100 chars."""

    def stringify_delta_change_values(self, change, old, new) -> tuple[SafeString, SafeString]:
        if isinstance(old, list) and isinstance(new, list):
            return link_diff(old, new)
        if not (isinstance(old, str) and isinstance(new, str)) or len(old) + len(new) < 160:
            return super().stringify_delta_change_values(change, old, new)
        return word_diff(old, new)


def link_diff(old: list, new: list) -> tuple[SafeString, SafeString]:
    """Many-to-many links before and after: removed ones in <del>, added ones in <ins>."""
    old_names, new_names = [str(o) for o in old], [str(o) for o in new]

    def show(names: list[str], others: list[str], tag: str) -> SafeString:
        if not names:
            return mark_safe("(ingen)")
        parts = [
            escape(name) if name in others else f"<{tag}>{escape(name)}</{tag}>" for name in names
        ]
        return mark_safe(", ".join(parts))  # every name was escaped above

    return show(old_names, new_names, "del"), show(new_names, old_names, "ins")


def word_diff(old: str, new: str) -> tuple[SafeString, SafeString]:
    """``old`` with removed words in <del>, ``new`` with added words in <ins>; long unchanged
    stretches shortened to their first and last few words."""
    a, b = WORD.findall(old), WORD.findall(new)
    old_html, new_html = [], []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            same = _shorten(a[i1:i2], first=i1 == 0, last=i2 == len(a))
            old_html.append(same)
            new_html.append(same)
            continue
        if i2 > i1:
            old_html.append(f"<del>{escape(''.join(a[i1:i2]))}</del>")
        if j2 > j1:
            new_html.append(f"<ins>{escape(''.join(b[j1:j2]))}</ins>")
    # Every piece was escaped above.
    return mark_safe("".join(old_html)), mark_safe("".join(new_html))


def _shorten(tokens: list[str], *, first: bool, last: bool) -> str:
    keep = CONTEXT_WORDS * 2  # tokens: a word and the space after it
    head = [] if first else tokens[:keep]
    tail = [] if last else tokens[-keep:]
    if len(head) + len(tail) >= len(tokens):
        return escape("".join(tokens))
    return escape("".join(head)) + " … " + escape("".join(tail))

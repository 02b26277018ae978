"""Template filters for the directory."""

import re

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

# After "@", before "." (the usual places to break an address), escaped text between.
BREAK = re.compile(r"(?<=@)|(?=\.)")


@register.filter
def email_breaks(address: str) -> SafeString:
    """``address`` escaped, with <wbr> after "@" and before each ".": a narrow screen breaks
    ``kriminalpraeventive.enhed@albertslund.dk`` there, never in the middle of a word."""
    parts = [escape(part) for part in BREAK.split(str(address)) if part]
    return mark_safe("<wbr>".join(parts))  # every part was escaped above

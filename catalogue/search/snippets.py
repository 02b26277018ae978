"""Highlighted snippets: show why a hit matched, escaped, with <mark> around matched words."""

from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from . import analysis

WINDOW = 30  # words in a snippet
LEAD = 8  # words shown before the first match


@lru_cache(maxsize=65536)
def _terms_of(token: str) -> frozenset[str]:
    """What a lowercased token can match: its term and its compound parts' terms."""
    if not analysis.is_indexable(token):
        return frozenset()
    return frozenset({analysis.term(token), *analysis.part_terms(analysis.fold(token))})


def _is_match(text: str, start: int, end: int, terms: frozenset[str]) -> bool:
    return not _terms_of(text[start:end].lower()).isdisjoint(terms)


def highlight(text: str, terms: frozenset[str]) -> SafeString:
    """All of ``text``, escaped, with matched words marked."""
    return _render(text, analysis.token_spans(text), 0, len(text), terms)


def _render(text: str, spans, start: int, end: int, terms: frozenset[str]) -> SafeString:
    out: list[str] = []
    pos = start
    for s, e in spans:
        if s < start or e > end:
            continue
        if _is_match(text, s, e, terms):
            out.append(escape(text[pos:s]))
            out.append(f"<mark>{escape(text[s:e])}</mark>")
            pos = e
    out.append(escape(text[pos:end]))
    return mark_safe("".join(out))  # every piece escaped above


def snippet(body: str, terms: frozenset[str]) -> SafeString:
    """The passage of ``body`` that best shows the matched terms, about WINDOW words long.

    The passage is the paragraph with the most distinct matched terms (earliest on a tie),
    cut to a window that starts a few words before its first match.
    """
    paragraphs = [p for p in body.split("\n") if p.strip()]
    if not paragraphs:
        return mark_safe("")
    best, best_found = paragraphs[0], 0
    for paragraph in paragraphs:
        found = {t for tok in analysis.tokens(paragraph) for t in _terms_of(tok) if t in terms}
        if len(found) > best_found:
            best, best_found = paragraph, len(found)
    spans = analysis.token_spans(best)
    if not spans:
        return mark_safe(escape(best[:200]))
    first = next((i for i, (s, e) in enumerate(spans) if _is_match(best, s, e, terms)), 0)
    lo = max(0, first - LEAD)
    hi = min(len(spans), lo + WINDOW)
    lo = max(0, min(lo, hi - WINDOW))
    start = 0 if lo == 0 else spans[lo][0]
    end = len(best) if hi == len(spans) else spans[hi - 1][1]
    html = _render(best, spans, start, end, terms)
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(best.rstrip()) else ""
    return mark_safe(f"{prefix}{html}{suffix}")

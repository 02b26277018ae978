"""Compare the glossary transcription (fixtures/glossary.toml) with the source documents.

Besides ``tests.sourcetext.plain`` (markup, quotes, whitespace), two differences of the PDF
conversion are ignored: a word broken over a line with a hyphen ("Kreds-\\n rådet" is
"Kredsrådet", "SSP-\\n konsulenter" stays "SSP-konsulenter"), and list dashes, bullets and
footnote markers (¹ ²) that a table cell or a list carries in the source and a Markdown list
carries differently in the transcription.
"""

import re
from functools import cache

from glossary.documents import DOCUMENTS
from tests.sourcetext import fixture, plain, source_text

SUPERSCRIPTS = "¹²³⁴⁵⁶⁷⁸⁹⁰"


def dehyphenate(text: str) -> str:
    """Join words the conversion broke over a line: lower-case halves lose the hyphen."""
    text = re.sub(r"(?<=[a-zæøå])- *\n(?=[a-zæøå])", "", text)
    return re.sub(r"- *\n(?=\S)", "-", text)


def loose(text: str) -> str:
    text = plain(text)
    text = text.translate(str.maketrans("", "", SUPERSCRIPTS))
    text = re.sub(r"(^|\s)[-–•]\s+", " ", text)  # list dashes and standalone dashes
    return re.sub(r"\s+", " ", text).strip()


@cache
def document_text(code: str) -> str:
    """The source document ``code`` as comparable text."""
    return loose(dehyphenate(source_text(DOCUMENTS[code].source_file)))


def paragraphs(text: str) -> list[str]:
    return [p for p in re.split(r"\n\s*\n", text) if p.strip()]


def missing_paragraphs(text: str, code: str) -> list[str]:
    """The paragraphs of ``text`` that do not occur verbatim in document ``code``."""
    haystack = document_text(code)
    return [p for p in paragraphs(text) if loose(p) not in haystack]


def in_any_document(text: str, *, any_case: bool = False) -> bool:
    needle = loose(text)
    if any_case:
        return any(needle.casefold() in document_text(code).casefold() for code in DOCUMENTS)
    return any(needle in document_text(code) for code in DOCUMENTS)


def glossary() -> dict:
    return fixture("glossary")

"""Read the source catalogue and the TOML transcription for tests that compare the two."""

import html
import re
import tomllib
from functools import cache
from pathlib import Path

from django.conf import settings

FIXTURES_DIR = Path(settings.BASE_DIR) / "fixtures"
# The source documents, kept in the repository (fixtures/sources/README.md names each one).
SOURCES_DIR = FIXTURES_DIR / "sources"
SOURCE_FILE = "000_c3619026dd3adf56.txt"


@cache
def source_text(name: str = SOURCE_FILE) -> str:
    """The raw text of a source document (default: the catalogue itself)."""
    return (SOURCES_DIR / name).read_text(encoding="utf-8")


_QUOTES = str.maketrans({"”": '"', "“": '"', "„": '"', "’": "'", "‘": "'", "´": "'"})


def plain(text: str) -> str:
    """Reduce source text or Markdown to comparable words: no markup, quotes unified, one space."""
    text = re.sub(r"\[([^\]]*)\]\(#?[^)]*\)", r"\1", text)  # [Find rapporten her](#)
    text = re.sub(r"<sup>\s*\d+\s*</sup>", " ", text)  # footnote markers
    text = re.sub(r"<[^>]+>", " ", text)  # any other tag
    text = html.unescape(text)
    text = re.sub(r"^\s*#+\s*", " ", text, flags=re.M)  # markdown headings
    text = re.sub(r"^\s*[-•]\s+", " ", text, flags=re.M)  # bullets at line start
    text = text.replace("•", " ").replace("**", "").replace("*", "")
    text = text.translate(_QUOTES)
    return re.sub(r"\s+", " ", text).strip()


@cache
def source_plain() -> str:
    return plain(source_text())


@cache
def fixture(name: str) -> dict:
    with open(FIXTURES_DIR / f"{name}.toml", "rb") as fh:
        return tomllib.load(fh)


def assert_in_source(text: str, what: str = "") -> None:
    """Assert that ``text`` (after ``plain``) occurs verbatim in the source."""
    needle = plain(text)
    assert needle in source_plain(), (
        f"{what or 'text'} not found verbatim in the source: {needle[:200]!r}"
    )


FIXTURE_FILES = ("taxonomy", "initiatives", "methods", "about", "contacts")


def editor_notes() -> str:
    """Every ``editor_note`` in the transcription, plain, joined with " ¶ "."""
    notes: list[str] = []

    def walk(value) -> None:
        if isinstance(value, dict):
            notes.extend(plain(v) for k, v in value.items() if k == "editor_note")
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    for name in FIXTURE_FILES:
        walk(fixture(name))
    return " ¶ ".join(notes)

"""Limits for what visitors type: one length for every free-text URL parameter.

Every page, export and API that reads free text (``q`` and the like) goes through this module,
so no parameter reaches the database unbounded and every page words the limit the same way.
"""

import django_filters
from django.http import QueryDict

# Characters. Longer than any real question a member of staff types, short enough that a
# query's terms stay few (SQLite refuses expressions deeper than 1000).
MAX_TEXT_LENGTH = 200

TOO_LONG = f"Fritekst må højst være {MAX_TEXT_LENGTH} tegn"
INVALID_CHARACTER = "Fritekst indeholder et ugyldigt tegn (et nul-tegn)"


def text_problem(value: str) -> str | None:
    """Why ``value`` can't be used as free text, in Danish; None when it can."""
    if len(value) > MAX_TEXT_LENGTH:
        return f"{TOO_LONG} (den har {len(value)})."
    if "\x00" in value:  # PostgreSQL can't store or compare it
        return f"{INVALID_CHARACTER}."
    return None


def read_text(params: QueryDict, name: str = "q") -> tuple[str, str | None]:
    """The stripped value of ``name`` and, when it can't be used, why (the value is then "")."""
    value = params.get(name, "").strip()
    problem = text_problem(value)
    return ("", problem) if problem else (value, None)


class FreeTextFilter(django_filters.CharFilter):
    """A free-text filter bounded by MAX_TEXT_LENGTH, with Danish messages."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", MAX_TEXT_LENGTH)
        kwargs.setdefault(
            "error_messages",
            {
                "max_length": f"{TOO_LONG} (den har %(show_value)d).",
                "null_characters_not_allowed": f"{INVALID_CHARACTER}.",
            },
        )
        super().__init__(*args, **kwargs)

"""The operator's settings as the pages show them: a value, or a plain "not set" that names the
environment variable, so a deployment that forgot one is obvious on the page itself."""

from dataclasses import dataclass
from datetime import date

from django.conf import settings

# Settings a production site must set (checked by `check --deploy`, see checks.py).
REQUIRED = (
    "SITE_OPERATOR_NAME",
    "SITE_OPERATOR_EMAIL",
    "SITE_OPERATOR_PHONE",
    "DATA_CONTROLLER_NAME",
    "DATA_CONTROLLER_EMAIL",
    "DATA_PROTECTION_OFFICER_EMAIL",
    "ACCESSIBILITY_STATEMENT_DATE",
    "ACCESSIBILITY_TEST_DATE",
    "SERVER_LOG_RETENTION_DAYS",
)


@dataclass(frozen=True)
class Configured:
    """One setting: ``value`` when set; ``str()`` gives the value or the not-set text."""

    name: str
    value: str | date | int | None

    def __bool__(self) -> bool:
        return bool(self.value)

    def __str__(self) -> str:
        if self.value:
            return str(self.value)
        return f"[ikke angivet – driftsansvarlig skal sætte {self.name}]"


def configured(name: str) -> Configured:
    return Configured(name, getattr(settings, name))


def unset_settings() -> list[str]:
    return [name for name in REQUIRED if not configured(name)]


def site_settings() -> dict[str, Configured]:
    """Every setting the site pages show, keyed by its lower-case name."""
    names = (*REQUIRED, "ACCESSIBILITY_WAS_URL", "OPEN_DATA_TERMS")
    return {name.lower(): configured(name) for name in names}

"""`check --deploy` warns while the operator's settings are unset, and is quiet once set."""

import datetime

from django.core.checks import run_checks
from django.test import override_settings

from sitepages.settings_view import REQUIRED

SET = {
    "SITE_OPERATOR_NAME": "Eksempel Kommune",
    "SITE_OPERATOR_EMAIL": "web@example.dk",
    "SITE_OPERATOR_PHONE": "12 34 56 78",
    "DATA_CONTROLLER_NAME": "Eksempel Kommune",
    "DATA_CONTROLLER_EMAIL": "data@example.dk",
    "DATA_PROTECTION_OFFICER_EMAIL": "dpo@example.dk",
    "ACCESSIBILITY_STATEMENT_DATE": datetime.date(2026, 11, 20),
    "ACCESSIBILITY_TEST_DATE": datetime.date(2026, 11, 24),
    "SERVER_LOG_RETENTION_DAYS": 30,
}


def site_warnings() -> list:
    messages = run_checks(include_deployment_checks=True, tags=["sitepages"])
    return [m for m in messages if m.id == "sitepages.W001"]


def test_it_names_every_unset_setting():
    with override_settings(**{**SET, "SITE_OPERATOR_PHONE": "", "ACCESSIBILITY_TEST_DATE": None}):
        [warning] = site_warnings()
    assert "SITE_OPERATOR_PHONE" in warning.msg and "ACCESSIBILITY_TEST_DATE" in warning.msg
    assert "SITE_OPERATOR_EMAIL" not in warning.msg


def test_it_is_quiet_when_everything_is_set():
    assert set(SET) == set(REQUIRED)
    with override_settings(**SET):
        assert site_warnings() == []

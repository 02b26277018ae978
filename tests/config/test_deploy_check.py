"""`manage.py check --deploy` is clean with the documented production variables."""

import os
import subprocess
import sys

from django.conf import settings

PRODUCTION_ENV = {
    "DEBUG": "0",
    "SECRET_KEY": "a-long-random-production-secret-key-for-the-check-only-0123456789abcdef",
    "ALLOWED_HOSTS": "idekatalog.example.dk",
    # Without a mail server Django 6.1's deploy check flags the console backend (mail.E001).
    "EMAIL_HOST": "smtp.example.dk",
    # Shown on the accessibility statement and privacy policy (sitepages.W001 while unset).
    "SITE_OPERATOR_NAME": "Eksempel Kommune",
    "SITE_OPERATOR_EMAIL": "web@example.dk",
    "SITE_OPERATOR_PHONE": "12 34 56 78",
    "DATA_CONTROLLER_NAME": "Eksempel Kommune",
    "DATA_CONTROLLER_EMAIL": "databeskyttelse@example.dk",
    "DATA_PROTECTION_OFFICER_EMAIL": "dpo@example.dk",
    "ACCESSIBILITY_STATEMENT_DATE": "2026-11-20",
    "ACCESSIBILITY_TEST_DATE": "2026-11-24",
    "SERVER_LOG_RETENTION_DAYS": "30",
}


def run_manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    database = "sqlite:////tmp/idekatalog-deploy-check.sqlite3"
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env={**os.environ, "DATABASE_URL": database, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_reports_no_issues_with_production_settings():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = {**PRODUCTION_ENV, "SECRET_KEY": ""}
    result = run_manage("check", env=env)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_a_malformed_boolean_fails_loudly():
    result = run_manage("check", env={"DEBUG": "maybe"})
    assert result.returncode != 0
    assert "DEBUG must be a boolean" in result.stderr


def test_a_malformed_date_fails_loudly():
    result = run_manage("check", env={"ACCESSIBILITY_TEST_DATE": "24-11-2026"})
    assert result.returncode != 0
    assert "ACCESSIBILITY_TEST_DATE must be a date as YYYY-MM-DD" in result.stderr


def test_check_deploy_warns_while_the_site_pages_settings_are_unset():
    env = {**PRODUCTION_ENV, "SITE_OPERATOR_EMAIL": ""}
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode != 0
    assert "sitepages.W001" in result.stderr + result.stdout
    assert "SITE_OPERATOR_EMAIL" in result.stderr + result.stdout

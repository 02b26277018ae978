"""Settings and fixtures for the whole test suite.

Browser fixtures (Playwright, axe) live in tests/browser/conftest.py.
"""

import pytest
from django.test import override_settings

TEST_SETTINGS = {
    # Hashing passwords properly costs ~0.3 s per user; tests need no real security.
    "PASSWORD_HASHERS": ["django.contrib.auth.hashers.MD5PasswordHasher"],
}


def pytest_configure(config):
    # WhiteNoise warns on every request when STATIC_ROOT is missing; tests don't run collectstatic.
    config.addinivalue_line("filterwarnings", "ignore:No directory at:UserWarning")


@pytest.fixture(autouse=True, scope="session")
def _test_settings():
    with override_settings(**TEST_SETTINGS):
        yield


@pytest.fixture(autouse=True)
def _empty_caches():
    """Each test starts with empty caches: a rolled-back test database can reuse history ids,
    and so the revision that keys the cached /data/katalog.json."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()


@pytest.fixture(scope="module")
def real_catalogue(django_db_setup, django_db_blocker):
    """The real catalogue (``load_catalogue``), loaded once per test module.

    It lives in a transaction that is rolled back when the module ends, and every test runs in
    its own savepoint inside it, so what a test writes is undone after that test. Loading takes
    seconds; a module whose tests read the catalogue asks for it once instead of once per test.
    Once loaded it is visible to the module's later tests, so use it only in modules where every
    database test may see it, and never with ``transaction=True`` or ``live_server``.
    """
    from io import StringIO

    from django.core.management import call_command
    from django.db import transaction

    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_catalogue", verbosity=0, stdout=StringIO())
        yield
        transaction.set_rollback(True)

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

"""DATABASE_URL: a reader never waits long for a database that is away."""

import pytest
from django.db import connection

from config.settings import database_from_url

URL = "postgres://idekatalog:hemmeligt@db.example:5432/idekatalog"


def test_connection_attempts_are_bounded(monkeypatch):
    monkeypatch.delenv("DB_CONNECT_TIMEOUT", raising=False)

    assert database_from_url(URL)["OPTIONS"]["connect_timeout"] == 3


def test_the_pool_is_off_by_default(monkeypatch):
    monkeypatch.delenv("DB_POOL", raising=False)

    assert database_from_url(URL)["OPTIONS"]["pool"] is False


def test_the_pool_bounds_the_wait_for_a_connection(monkeypatch):
    monkeypatch.setenv("DB_POOL", "1")
    monkeypatch.setenv("DB_POOL_TIMEOUT", "2")

    pool = database_from_url(URL)["OPTIONS"]["pool"]

    assert pool["timeout"] == 2
    assert pool["max_waiting"] > 0


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="the pool is PostgreSQL only")
def test_a_reader_waiting_for_a_busy_pool_gets_an_error_instead_of_hanging(monkeypatch):
    from psycopg_pool import ConnectionPool, PoolTimeout

    monkeypatch.setenv("DB_POOL", "1")
    monkeypatch.setenv("DB_POOL_TIMEOUT", "1")
    settings = connection.settings_dict
    options = database_from_url(URL)["OPTIONS"]
    conninfo = (
        f"host={settings['HOST']} port={settings['PORT'] or 5432} dbname={settings['NAME']} "
        f"user={settings['USER']} password={settings['PASSWORD']} "
        f"connect_timeout={options['connect_timeout']}"
    )
    with ConnectionPool(conninfo, min_size=1, max_size=1, open=True, **options["pool"]) as pool:
        with pool.connection():
            with pytest.raises(PoolTimeout):
                with pool.connection():
                    pass

"""A backup of the catalogue (entries, history, contacts) restores into an empty database intact.

Portable path (both databases): ``dumpdata --format=xml`` → empty database → ``loaddata``.
(XML, because the JSON serialiser rounds timestamps to milliseconds: history dates would change.)
PostgreSQL path (production): ``pg_dump -Fc`` → new empty database → ``pg_restore``.
"""

import os
import shutil
import subprocess
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection
from django.db.models import Count

from catalogue.models import Initiative
from contacts.models import ContactPoint

pytestmark = pytest.mark.django_db(transaction=True)

BACKED_UP_APPS = ("catalogue", "contacts", "auth")
# Permissions and content types are recreated by migrate; the dump refers to them by natural key.
NOT_DUMPED = ("auth.Permission",)


def fingerprint() -> dict[str, list]:
    """Every row of every backed-up model (history tables included), as comparable values."""
    rows = {}
    for app in BACKED_UP_APPS:
        for model in apps.get_app_config(app).get_models():
            if model._meta.label in NOT_DUMPED:
                continue
            fields = [f.attname for f in model._meta.concrete_fields]
            rows[model._meta.label] = sorted(
                model._default_manager.order_by("pk").values_list(*fields), key=repr
            )
    return rows


def prepare_catalogue_with_an_edit():
    """The loaded catalogue, a text edit and a link edit (a version with one source fewer)."""
    call_command("load_catalogue", verbosity=0)
    entry = Initiative.objects.order_by("order").first()
    entry.purpose = "Redigeret efter indlæsning."
    entry.save()
    cited = Initiative.objects.annotate(n=Count("sources")).filter(n__gt=0).first()
    cited.sources.remove(cited.sources.first())


def test_dumpdata_restores_into_an_empty_database_with_nothing_lost(tmp_path):
    prepare_catalogue_with_an_edit()
    before = fingerprint()
    assert any(label.endswith("HistoricalInitiative") and rows for label, rows in before.items())
    for links in (
        "catalogue.HistoricalInitiative_themes",
        "contacts.HistoricalContactPoint_methods",
    ):
        assert before[links], f"the link history {links} must be in the backup"
    versions = (Initiative.history.count(), ContactPoint.history.count())
    dump = tmp_path / "backup.xml"
    call_command(
        "dumpdata",
        *BACKED_UP_APPS,
        "--natural-foreign",
        "--exclude=auth.permission",
        "--format=xml",
        f"--output={dump}",
        verbosity=0,
    )
    call_command("flush", "--no-input", verbosity=0)
    assert Initiative.objects.count() == 0
    call_command("loaddata", str(dump), verbosity=0, stdout=StringIO())
    assert (Initiative.history.count(), ContactPoint.history.count()) == versions
    assert fingerprint() == before


def table_rows(cursor, tables: list[str]) -> dict[str, list]:
    rows = {}
    for table in tables:
        cursor.execute(f'SELECT * FROM "{table}" ORDER BY 1')
        rows[table] = cursor.fetchall()
    return rows


@pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_dump/pg_restore: PostgreSQL only")
@pytest.mark.skipif(
    not shutil.which("pg_dump") and not os.environ.get("CI"),
    reason="pg_dump is not installed (CI installs it, and there its absence fails the test)",
)
def test_pg_dump_restores_into_an_empty_database_with_nothing_lost(tmp_path):
    import psycopg

    prepare_catalogue_with_an_edit()
    tables = sorted(connection.introspection.table_names())
    params = connection.get_connection_params()
    env = {**os.environ, "PGPASSWORD": params.get("password") or ""}
    host, port, user = (
        params.get("host") or "127.0.0.1",
        str(params.get("port") or 5432),
        params["user"],
    )
    common = ["-h", host, "-p", port, "-U", user]
    source = connection.settings_dict["NAME"]
    target = f"{source}_restore"
    dump = tmp_path / "backup.dump"

    def read(dbname: str) -> dict[str, list]:
        with (
            psycopg.connect(
                host=host, port=port, user=user, password=params.get("password"), dbname=dbname
            ) as conn,
            conn.cursor() as cursor,
        ):
            return table_rows(cursor, tables)

    before = read(source)
    assert before["catalogue_historicalinitiative"]
    assert before["catalogue_historicalinitiative_themes"]
    assert before["contacts_historicalcontactpoint_methods"]

    def run(*cmd: str) -> None:
        subprocess.run(cmd, check=True, env=env, capture_output=True, timeout=300)

    run("pg_dump", *common, "-Fc", "-f", str(dump), source)
    run("dropdb", *common, "--if-exists", target)
    run("createdb", *common, target)
    try:
        run("pg_restore", *common, "--no-owner", "--exit-on-error", "-d", target, str(dump))
        with (
            psycopg.connect(
                host=host, port=port, user=user, password=params.get("password"), dbname=target
            ) as restored,
            restored.cursor() as cursor,
        ):
            after = table_rows(cursor, tables)
        assert after == before
    finally:
        run("dropdb", *common, "--if-exists", target)

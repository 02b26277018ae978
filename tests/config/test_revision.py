"""The catalogue revision (catalogue/revision.py): cheap however large the history, and never
fooled by a writer that commits a lower history id after a higher one was read."""

import pytest
from django.db import connection

from catalogue.models import Initiative
from catalogue.revision import catalogue_revision
from tests.factories import make_initiative

pytestmark = pytest.mark.django_db


def test_it_reads_no_row_counts_only_the_newest_id_of_each_table(django_assert_num_queries):
    with django_assert_num_queries(1) as queries:
        catalogue_revision()
    assert "COUNT(" not in queries.captured_queries[0]["sql"].upper()


def test_a_save_and_a_delete_each_move_it():
    entry = make_initiative()
    first = catalogue_revision()
    entry.title = "Ny titel"
    entry.save()
    second = catalogue_revision()
    Initiative.objects.get(pk=entry.pk).delete()

    assert len({first, second, catalogue_revision()}) == 3


def test_on_postgresql_a_writer_still_in_flight_is_part_of_it():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite runs one writer at a time: ids always commit in order")
    import psycopg

    settings = connection.settings_dict
    before = catalogue_revision()
    other = psycopg.connect(
        dbname=settings["NAME"],
        user=settings["USER"],
        password=settings["PASSWORD"],
        host=settings["HOST"],
        port=settings["PORT"] or None,
    )
    try:
        # what an editor's save holds until it commits: a transaction id and a lock on the
        # history table it wrote to
        other.execute("LOCK TABLE catalogue_historicaltheme IN ROW EXCLUSIVE MODE")
        other.execute("SELECT pg_current_xact_id()")
        during = catalogue_revision()
    finally:
        other.rollback()
        other.close()

    assert during != before  # a page read now is never the page after that writer commits
    assert catalogue_revision() == before  # with no writer in flight, finished writes don't churn

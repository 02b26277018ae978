"""Every benchmarked page needs the same number of queries however much data there is.

The national-scale benchmark (manage.py benchmark) reports the counts; this pins the property on
small data: the real catalogue, then the catalogue plus synthetic municipalities, entries,
experience rows and contacts (ops/national.py at a small size).
"""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from ops.management.commands.benchmark import pages
from ops.national import seed

pytestmark = pytest.mark.django_db


def query_counts(client: Client) -> dict[str, int]:
    counts = {}
    for name, url in pages():
        client.get(url)  # warm-up: per-process caches (content types, sites) are not the point
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
            if response.streaming:
                b"".join(response.streaming_content)
        assert response.status_code == 200, (name, url, response.status_code)
        counts[name] = len(queries)
    return counts


def test_query_counts_do_not_grow_with_the_data(client):
    call_command("load_catalogue", verbosity=0)
    small = query_counts(client)
    assert all(small.values()), small  # every page reads the database: the count is real
    seed(municipalities=6, police_districts=2, entries=60, experiences=300, contacts=40)
    call_command("rebuild_search_index", verbosity=0)
    larger = query_counts(client)
    assert larger == small

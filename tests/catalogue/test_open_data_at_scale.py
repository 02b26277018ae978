"""The open-data files at a size past one 500-row chunk: real builds, not cached bytes.

``katalog.json`` is kept per catalogue revision, so a size test is only worth something if the
revision moves between the two sizes (rows added through the ORM write history; bulk rows
don't, so one ORM save follows them) and the second response is built, not served from cache.
"""

import csv
import io
import json

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from catalogue.models import Experience, Initiative, Method, Organisation, PreventionLevel
from catalogue.revision import catalogue_revision
from catalogue.serializers import CHUNK
from tests.factories import make_method

pytestmark = pytest.mark.django_db

SIZES = (CHUNK + 100, 2 * CHUNK - 50)  # initiatives and methods each: both past one chunk


@pytest.fixture
def catalogue():
    call_command("load_catalogue", verbosity=0)


def grow_to(total: int) -> None:
    """``total`` published initiatives and methods, each new one with an experience row; the
    last method is saved through the ORM, so the catalogue revision moves."""
    level = PreventionLevel.objects.first()
    organisation = Organisation.objects.first()
    for model, extra in ((Initiative, {"level": level}), (Method, {})):
        missing = total - model.objects.published().count() - (model is Method)
        start = model.objects.count()
        rows = model.objects.bulk_create(
            model(slug=f"skala-{model._meta.model_name}-{start + i}", title=f"Skala {i}", **extra)
            for i in range(missing)
        )
        key = model._meta.model_name
        Experience.objects.bulk_create(
            Experience(organisation=organisation, note="skala", **{key: row}) for row in rows
        )
    make_method(title="Sidst gemt")  # with history: a new revision
    assert Initiative.objects.published().count() == Method.objects.published().count() == total


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def measure(client, url: str) -> tuple[int, bytes]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
        content = body(response)
    assert response.status_code == 200
    assert response.get("X-Cache", "miss") == "miss", "measured a cached copy, not a build"
    return len(queries), content


def test_katalog_json_is_built_at_each_size_in_the_same_number_of_queries(client, catalogue):
    counts, revisions = [], []
    for total in SIZES:
        grow_to(total)
        revisions.append(catalogue_revision())
        count, content = measure(client, "/data/katalog.json")
        data = json.loads(content)
        assert len(data["initiatives"]) == len(data["methods"]) == total  # built, not stale
        counts.append(count)

    assert revisions[0] != revisions[1]
    assert counts[0] == counts[1] <= 45


@pytest.mark.parametrize("url", ["/data/indsatser.csv", "/data/metoder.csv"])
def test_the_csv_files_stream_every_row_at_each_size_in_the_same_number_of_queries(
    client, catalogue, url
):
    counts = []
    for total in SIZES:
        grow_to(total)
        count, content = measure(client, url)
        rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline=""), delimiter=";"))
        assert len(rows) == 1 + total
        counts.append(count)

    assert counts[0] == counts[1] <= 12

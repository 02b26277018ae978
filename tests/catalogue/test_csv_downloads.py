"""/data/indsatser.csv and /data/metoder.csv: every published entry, for Danish Excel."""

import csv
import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from catalogue.models import Initiative, Method, Source
from tests.factories import make_experience, make_initiative, make_method, make_organisation
from tests.sourcetext import fixture

pytestmark = pytest.mark.django_db

INITIATIVE_COLUMNS = [
    "Titel",
    "Niveau",
    "Temaer",
    "Indhold og formål",
    "Koordinering",
    "Målgruppe",
    "Erfaring",
    "Uddybning",
    "Læs mere på s.",
    "Kilder",
    "Link",
]
METHOD_COLUMNS = [
    "Titel",
    "Også kaldt",
    "Metodens indhold og formål",
    "Fagprofessionelle",
    "Erfaring",
    "Uddybning",
    "Læs mere på s.",
    "Kilder",
    "Link",
]


@pytest.fixture
def catalogue():
    call_command("load_catalogue", verbosity=0)


def download(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response, b"".join(response.streaming_content)


def read_as_excel(data: bytes) -> list[dict[str, str]]:
    """What Danish Excel does on double-click: UTF-8 with BOM, ';' separated."""
    assert data.startswith(b"\xef\xbb\xbf"), "Excel needs the BOM to read UTF-8"
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))
    header = rows[0]
    assert all(len(row) == len(header) for row in rows)
    return [dict(zip(header, row, strict=True)) for row in rows[1:]]


def header(data: bytes) -> list[str]:
    return next(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))


def test_the_initiatives_file_has_the_documented_columns_in_order(client, catalogue):
    response, data = download(client, "/data/indsatser.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert header(data) == INITIATIVE_COLUMNS


def test_the_methods_file_has_the_documented_columns_in_order(client, catalogue):
    _, data = download(client, "/data/metoder.csv")
    assert header(data) == METHOD_COLUMNS


def test_every_published_initiative_comes_back_in_catalogue_order(client, catalogue):
    rows = read_as_excel(download(client, "/data/indsatser.csv")[1])
    expected = [item["title"].strip() for item in fixture("initiatives")["initiative"]]
    assert [row["Titel"] for row in rows] == expected


def test_every_published_method_comes_back_with_its_aliases(client, catalogue):
    rows = read_as_excel(download(client, "/data/metoder.csv")[1])
    methods = list(Method.objects.published().order_by("order", "pk"))
    assert [row["Titel"] for row in rows] == [m.title for m in methods]
    assert [row["Også kaldt"] for row in rows] == [", ".join(m.aliases) for m in methods]


def test_long_texts_with_line_breaks_and_danish_letters_survive_the_round_trip(client, catalogue):
    rows = read_as_excel(download(client, "/data/indsatser.csv")[1])
    for row, item in zip(rows, Initiative.objects.order_by("order", "pk"), strict=True):
        assert row["Uddybning"] == item.description
        assert row["Indhold og formål"] == item.purpose
        assert row["Niveau"] == item.level.name
    assert any("ø" in row["Uddybning"] and "\n" in row["Uddybning"] for row in rows)


def test_it_is_semicolon_separated_with_crlf_line_ends(client, catalogue):
    _, data = download(client, "/data/metoder.csv")
    first_line = data.split(b"\r\n", 1)[0]
    assert first_line.decode("utf-8-sig") == ";".join(METHOD_COLUMNS)


def test_experience_sources_and_link_are_readable_cells(client, db):
    ishoej = make_organisation(short_name="Ishøj", slug="ishoej", order=1)
    herlev = make_organisation(short_name="Herlev", slug="herlev", order=2)
    entry = make_initiative(slug="gadeplansarbejde", title="Gadeplansarbejde")
    make_experience(ishoej, entry, order=1)
    make_experience(herlev, entry, note="i samarbejde med boligsocialt", order=2)
    entry.sources.set(
        [
            Source.objects.create(slug="k12", number=12, text="DKR (2020). Bandeexit.", order=1),
            Source.objects.create(slug="k13", number=13, text="SFI, 2019", order=2),
        ]
    )
    row = read_as_excel(download(client, "/data/indsatser.csv")[1])[0]
    assert row["Erfaring"] == "Ishøj, Herlev (i samarbejde med boligsocialt)"
    assert row["Kilder"] == "[12] DKR (2020). Bandeexit.\n[13] SFI, 2019"
    assert row["Link"] == "http://testserver/indsatser/gadeplansarbejde/"


def test_a_cell_that_looks_like_a_formula_is_neutralised(client, db):
    make_method(title='=HYPERLINK("http://x")', purpose="+45 1234", professionals="@SUM(A1)")
    make_initiative(title="-1+1", target_group="=1+1")
    method = read_as_excel(download(client, "/data/metoder.csv")[1])[0]
    initiative = read_as_excel(download(client, "/data/indsatser.csv")[1])[0]
    assert method["Titel"] == '\'=HYPERLINK("http://x")'
    assert method["Metodens indhold og formål"] == "'+45 1234"
    assert method["Fagprofessionelle"] == "'@SUM(A1)"
    assert initiative["Titel"] == "'-1+1"
    assert initiative["Målgruppe"] == "'=1+1"


def test_drafts_and_archived_entries_are_left_out(client, catalogue):
    draft = Initiative.objects.order_by("order").first()
    draft.status = "draft"
    draft.save()
    archived = Method.objects.order_by("order").first()
    archived.status = "archived"
    archived.save()
    initiatives = read_as_excel(download(client, "/data/indsatser.csv")[1])
    methods = read_as_excel(download(client, "/data/metoder.csv")[1])
    assert draft.title not in {row["Titel"] for row in initiatives}
    assert archived.title not in {row["Titel"] for row in methods}
    assert len(initiatives) == Initiative.objects.published().count()


def test_the_filename_says_what_and_when(client, db):
    today = timezone.localdate().isoformat()
    response, _ = download(client, "/data/indsatser.csv")
    assert f'filename="indsatser-{today}.csv"' in response["Content-Disposition"]
    assert response["Content-Disposition"].startswith("attachment")
    response, _ = download(client, "/data/metoder.csv")
    assert f'filename="metoder-{today}.csv"' in response["Content-Disposition"]


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        download(client, url)
    return len(queries)

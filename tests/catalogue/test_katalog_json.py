"""GET /data/katalog.json: the whole published catalogue as open data, in a pinned shape."""

import re

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from catalogue.models import Initiative, Method, Theme
from contacts.models import ContactPoint
from tests import opendata
from tests.sourcetext import fixture

pytestmark = pytest.mark.django_db

SHAPE = {
    "themes": {"slug", "name"},
    "levels": {"slug", "name"},
    "organisations": {"slug", "name", "short_name", "kind", "region"},
    "initiatives": {
        "slug",
        "title",
        "level",
        "themes",
        "purpose",
        "coordination",
        "target_group",
        "description",
        "read_more_page",
        "experience",
        "sources",
    },
    "methods": {
        "slug",
        "title",
        "aliases",
        "purpose",
        "professionals",
        "description",
        "read_more_page",
        "experience",
        "questions",
        "examples",
        "sources",
    },
    "development_initiatives": {"slug", "title", "description", "organisations"},
    "recommendations": {"title", "text"},
    "good_advice": {"title", "text"},
    "definitions": {"title", "text", "attribution"},
    "literature": {"authors", "year", "title", "publisher"},
    "contacts": {
        "organisation",
        "unit",
        "region",
        "phones",
        "emails",
        "secure_mail",
        "website",
        "experience_tags",
    },
    # Added by the glossary app through catalogue.serializers.register_section.
    "glossary": {"slug", "name", "other_names", "expansion", "category", "definitions"},
}


@pytest.fixture
def catalogue(real_catalogue, db):
    """The real catalogue, loaded once for this module (tests/conftest.py)."""


def get_json(client):
    response = client.get("/data/katalog.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return response


def get_data(client) -> dict:
    return opendata.data(get_json(client))


# Top-level keys that hold one value rather than a list of items.
SCALARS = {"terms_of_use": str}


def test_it_has_exactly_the_documented_shape(client, catalogue):
    data = get_data(client)
    assert set(data) == set(SHAPE) | set(SCALARS)
    for key, kind in SCALARS.items():
        assert isinstance(data[key], kind), key
    for key, fields in SHAPE.items():
        assert data[key], f"{key} is empty"
        for item in data[key]:
            assert set(item) == fields, key
    for entry in data["initiatives"] + data["methods"]:
        for experience in entry["experience"]:
            assert set(experience) == {"organisation", "note"}
    for method in data["methods"]:
        for question in method["questions"]:
            assert set(question) == {"technique", "audience", "text"}
        for block in method["examples"]:
            assert set(block) == {"kind", "technique", "technique_text", "audience", "text"}
            assert block["kind"] in {"text", "technique", "audience", "question", "remark"}
    for term in data["glossary"]:
        for definition in term["definitions"]:
            assert set(definition) == {"text", "document", "year", "section"}


def test_questions_are_the_questions_alone_in_source_order_with_their_context(client, catalogue):
    method = next(m for m in get_data(client)["methods"] if m["slug"] == "bekymringssamtaler")
    # The three phases are techniques without a question: not items of "questions".
    assert method["questions"] == [
        {
            "technique": "",
            "audience": "",
            "text": "Hvordan oplever du de andre i klassen, og hvordan tror du, at de oplever dig?",
        }
    ]
    mi = next(m for m in get_data(client)["methods"] if m["slug"] == "motiverende-samtaler")
    assert all(q["text"] for q in mi["questions"])
    assert mi["questions"][-1] == {
        "technique": "Reflekterende lytning",
        "audience": "Fagprofessionel til borger",
        "text": "Du har ikke rigtig lyst til at være her",
    }


def test_examples_keep_the_cells_blocks_in_source_order(client, catalogue):
    methods = {m["slug"]: m for m in get_data(client)["methods"]}
    kinds = [b["kind"] for b in methods["bekymringssamtaler"]["examples"]]
    assert kinds == ["text", "question", "text", "technique", "technique", "technique", "text"]
    art = methods["aggression-replacement-training-art"]["examples"]
    assert art[-1] == {
        "kind": "remark",
        "technique": "",
        "technique_text": "",
        "audience": "",
        "text": "Og mange flere.",
    }
    questions = [b["text"] for b in art if b["kind"] == "question"]
    assert questions == [
        q["text"] for q in methods["aggression-replacement-training-art"]["questions"]
    ]


def test_the_catalogues_own_keys_come_first_in_their_documented_order(client, catalogue):
    keys = list(get_data(client))
    assert keys[: len(SHAPE) - 1] == [k for k in SHAPE if k != "glossary"]


def test_it_holds_every_entry_of_the_catalogue(client, catalogue):
    data = get_data(client)
    assert [i["slug"] for i in data["initiatives"]] == [
        i["slug"] for i in fixture("initiatives")["initiative"]
    ]
    assert [m["slug"] for m in data["methods"]] == [m["slug"] for m in fixture("methods")["method"]]
    assert len(data["organisations"]) == len(fixture("taxonomy")["organisation"])
    assert len(data["contacts"]) == len(fixture("contacts")["contact"])
    assert len(data["good_advice"]) == 5
    assert len(data["literature"]) == len(fixture("about")["literature"])


def test_experience_names_organisations_by_short_name(client, catalogue):
    data = get_data(client)
    short_names = {org["short_name"] for org in data["organisations"]}
    for entry in data["initiatives"] + data["methods"]:
        assert {e["organisation"] for e in entry["experience"]} <= short_names
    assert {c["organisation"] for c in data["contacts"]} <= short_names


def test_kinds_regions_and_phones_use_the_documented_values(client, catalogue):
    data = get_data(client)
    assert {o["kind"] for o in data["organisations"]} == {"kommune", "politi"}
    assert {o["region"] for o in data["organisations"]} == {"vestegn", "oevrige"}
    for contact in data["contacts"]:
        assert all(re.fullmatch(r"\d{8}", phone) for phone in contact["phones"])
        assert isinstance(contact["secure_mail"], bool)


def test_danish_letters_are_written_as_is(client, catalogue):
    body = opendata.body(get_json(client)).decode("utf-8")
    assert "Høje-Taastrup" in body
    assert "\\u00f8" not in body


def test_it_hides_unpublished_entries(client, catalogue):
    draft = Initiative.objects.order_by("order").first()
    draft.status = "draft"
    draft.save()
    archived = Method.objects.order_by("order").first()
    archived.status = "archived"
    archived.save()
    contact = ContactPoint.objects.order_by("order").first()
    contact.status = "draft"
    contact.save()
    data = get_data(client)
    assert draft.slug not in {i["slug"] for i in data["initiatives"]}
    assert archived.slug not in {m["slug"] for m in data["methods"]}
    assert len(data["contacts"]) == ContactPoint.objects.published().count()


def count_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        opendata.body(get_json(client))  # a streamed response reads as it is sent
    return len(queries)


def test_the_first_request_after_an_edit_streams_and_the_next_gets_the_kept_bytes(
    client, catalogue
):
    first = get_json(client)
    entry = Initiative.objects.order_by("order").first()
    entry.purpose = "Formål efter en rettelse."
    entry.save()
    streamed = get_json(client)
    assert streamed.streaming
    assert streamed["ETag"] and streamed["ETag"] != first["ETag"]
    sent = opendata.body(streamed)
    kept = get_json(client)
    assert not kept.streaming
    assert kept.content == sent
    assert kept["ETag"] == streamed["ETag"]
    assert opendata.data(kept)["initiatives"][0]["purpose"] == "Formål efter en rettelse."
    again = client.get("/data/katalog.json", headers={"if-none-match": streamed["ETag"]})
    assert again.status_code == 304


def test_an_unchanged_catalogue_is_served_from_the_cache_with_only_the_revision_queries(
    client, catalogue
):
    built = count_queries(client)
    cached = count_queries(client)
    assert cached < built
    assert cached <= 25  # one small query per history table, nothing that grows with the data


def test_it_sends_an_etag_and_answers_304_when_nothing_changed(client, catalogue):
    first = get_json(client)
    etag = first["ETag"]
    assert etag
    again = client.get("/data/katalog.json", headers={"if-none-match": etag})
    assert again.status_code == 304
    assert again.content == b""


def test_an_edit_changes_the_etag_and_the_data_at_once(client, catalogue):
    first = get_json(client)
    entry = Initiative.objects.order_by("order").first()
    entry.purpose = "Opdateret formål."
    entry.save()
    second = get_json(client)
    assert second["ETag"] != first["ETag"]
    assert opendata.data(second)["initiatives"][0]["purpose"] == "Opdateret formål."
    assert (
        client.get("/data/katalog.json", headers={"if-none-match": first["ETag"]}).status_code
        == 200
    )


def test_renaming_a_theme_reaches_the_open_data(client, catalogue):
    get_json(client)
    theme = Theme.objects.get(slug="familie")
    theme.name = "Familien"
    theme.save()
    assert "Familien" in {t["name"] for t in get_data(client)["themes"]}


def test_it_states_the_terms_of_reuse_without_inventing_a_licence(client, catalogue):
    terms = get_data(client)["terms_of_use"]
    assert "Strategisk Chefforum og Københavns Vestegns Politi" in terms
    assert "har ikke oplyst vilkår for genbrug" in terms
    assert "licens" not in terms.lower() and "CC" not in terms


def test_the_terms_come_from_the_setting_and_a_change_moves_the_etag(client, catalogue):
    first = get_json(client)
    with override_settings(OPEN_DATA_TERMS="Frit genbrug med kildeangivelse."):
        second = get_json(client)
        assert opendata.data(second)["terms_of_use"] == "Frit genbrug med kildeangivelse."
        assert second["ETag"] != first["ETag"]
        stale = client.get("/data/katalog.json", headers={"if-none-match": first["ETag"]})
        assert stale.status_code == 200

"""GET /data/katalog.schema.json: a JSON Schema (2020-12) that the real katalog.json satisfies.

The schema pins the documented keys strictly (required, types, enums, no unknown fields inside
an item) and lets new top-level keys through, so other features can add sections.
"""

import copy
import json

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from catalogue.models import Organisation
from tests import opendata

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue(real_catalogue, db):
    """The real catalogue, loaded once for this module (tests/conftest.py)."""


@pytest.fixture
def schema(client):
    response = client.get("/data/katalog.schema.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/schema+json"
    return json.loads(response.content)


@pytest.fixture
def katalog(client, catalogue):
    return opendata.katalog(client)


def errors(schema, document) -> list[str]:
    validator = Draft202012Validator(schema, format_checker=FormatChecker())
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(document)]


def test_it_is_a_valid_draft_2020_12_schema(schema):
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)


def test_the_real_katalog_json_satisfies_it(schema, katalog):
    assert errors(schema, katalog) == []


def test_it_requires_every_documented_key(schema, katalog):
    documented = {
        "themes",
        "levels",
        "organisations",
        "initiatives",
        "methods",
        "development_initiatives",
        "recommendations",
        "good_advice",
        "definitions",
        "literature",
        "contacts",
        "terms_of_use",
    }
    assert set(schema["required"]) == documented
    for key in sorted(documented):
        broken = {k: v for k, v in katalog.items() if k != key}
        assert errors(schema, broken), f"no error without {key}"


def test_new_top_level_keys_are_allowed(schema, katalog):
    assert errors(schema, {**katalog, "glossary": [{"term": "SSP"}]}) == []


def test_unknown_fields_inside_an_item_are_refused(schema, katalog):
    broken = copy.deepcopy(katalog)
    broken["initiatives"][0]["extra"] = "x"
    assert errors(schema, broken)


@pytest.mark.parametrize(
    "section, field, value",
    [
        ("organisations", "kind", "forening"),
        ("organisations", "region", "jylland"),
        ("contacts", "region", "Vestegn"),
        ("contacts", "phones", ["43 68 69 59"]),
        ("contacts", "secure_mail", "Ja"),
        ("initiatives", "themes", "Familie"),
        ("methods", "aliases", None),
    ],
)
def test_wrong_values_are_refused(schema, katalog, section, field, value):
    broken = copy.deepcopy(katalog)
    broken[section][0][field] = value
    assert errors(schema, broken)


def test_its_enums_are_the_models_choices(schema):
    defs = schema["$defs"]
    assert defs["organisation"]["properties"]["kind"]["enum"] == Organisation.Kind.values
    assert defs["region"]["enum"] == Organisation.Region.values


def test_it_answers_304_to_a_client_that_has_it(client):
    first = client.get("/data/katalog.schema.json")
    again = client.get("/data/katalog.schema.json", headers={"if-none-match": first["ETag"]})
    assert again.status_code == 304

"""Every kind of response carries the security headers: pages, lists, JSON, streamed files,
error pages, the admin and the health check."""

import pytest

from tests.factories import make_contact, make_initiative

pytestmark = pytest.mark.django_db

PAGE_TYPES = {
    "front page": "/",
    "list": "/indsatser/",
    "detail page": "/indsatser/tryghed/",
    "search page": "/soeg/?q=tryghed",
    "search API (JSON)": "/api/soeg?q=tryghed",
    "open data (JSON)": "/data/katalog.json",
    "streamed CSV": "/data/indsatser.csv",
    "contact directory": "/kontakter/",
    "streamed contact export": "/kontakter/eksport.csv",
    "Danish 404 page": "/findes-ikke/",
    "Danish 400 (bad filter)": "/kontakter/?organisation=findes-ikke",
    "admin login": "/admin/login/",
    "health check": "/healthz",
}


@pytest.fixture
def responses(client):
    make_initiative(slug="tryghed", title="Tryghed i boligområdet")
    make_contact()
    found = {}
    for name, url in PAGE_TYPES.items():
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)
        found[name] = response
    return found


def test_the_page_types_answer_as_expected(responses):
    statuses = {name: response.status_code for name, response in responses.items()}
    assert statuses == {
        **dict.fromkeys(PAGE_TYPES, 200),
        "Danish 404 page": 404,
        "Danish 400 (bad filter)": 400,
    }
    assert responses["streamed CSV"].streaming and responses["streamed contact export"].streaming


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_every_page_type_gets_a_strict_content_security_policy(responses, name):
    policy = responses[name]["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_every_page_type_gets_the_other_security_headers(responses, name):
    response = responses[name]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert response["X-Frame-Options"] == "DENY"

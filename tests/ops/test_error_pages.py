"""Friendly Danish error pages, and logs that say what failed and where."""

import logging
import re

import pytest
from django.test import Client

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.ops.error_urls")]


@pytest.fixture
def request_log(caplog):
    """Capture django.request, which doesn't propagate to the root logger (settings.LOGGING)."""
    logger = logging.getLogger("django.request")
    logger.addHandler(caplog.handler)
    caplog.set_level(logging.WARNING, logger="django.request")
    yield caplog
    logger.removeHandler(caplog.handler)


def test_a_missing_page_returns_404_with_the_danish_page(client):
    response = client.get("/indsatser/findes-ikke-i-kataloget/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="da">' in html
    assert "Siden findes ikke" in html


def test_the_404_page_offers_search_and_the_main_sections(client):
    html = client.get("/ingen-side-her/").content.decode()
    assert re.search(r'<form[^>]*action="/soeg/"', html)
    assert 'name="q"' in html
    for href, label in (("/", "Forside"), ("/indsatser/", "Indsatser"), ("/metoder/", "Metoder")):
        assert f'<a href="{href}">{label}</a>' in html


def test_a_crashing_view_returns_the_danish_500_page(request_log):
    client = Client(raise_request_exception=False)
    response = client.get("/test-fejl/500/?q=noget")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Der skete en fejl hos os" in html
    assert "the database said no" not in html  # no internals shown to the public


def test_the_500_page_has_no_inline_styles_or_scripts(client):
    response = Client(raise_request_exception=False).get("/test-fejl/500/")
    html = response.content.decode()
    assert "<script" not in html
    assert "<style" not in html
    assert "style=" not in html
    assert "unsafe-inline" not in response["Content-Security-Policy"]


def test_the_failure_is_logged_with_its_path_and_traceback(request_log):
    Client(raise_request_exception=False).get("/test-fejl/500/")
    [record] = [r for r in request_log.records if r.levelno == logging.ERROR]
    assert "/test-fejl/500/" in record.getMessage()
    assert record.exc_info is not None
    assert "the database said no" in str(record.exc_info[1])


def test_permission_denied_shows_the_danish_403_page(client):
    response = client.get("/test-fejl/403/")
    assert response.status_code == 403
    assert "Du har ikke adgang til siden" in response.content.decode()


def test_a_bad_request_shows_the_danish_400_page(client):
    response = client.get("/test-fejl/400/")
    assert response.status_code == 400
    assert "Forespørgslen kan ikke bruges" in response.content.decode()


def test_a_missing_page_is_logged_as_a_warning_with_its_path(client, request_log):
    client.get("/ingen-side-her/")
    assert any(
        r.levelno == logging.WARNING and "/ingen-side-her/" in r.getMessage()
        for r in request_log.records
    )


def test_a_form_without_a_csrf_token_gets_the_danish_page_without_inline_styles():
    response = Client(enforce_csrf_checks=True).post("/indsatser/", {"q": "x"})
    assert response.status_code == 403
    html = response.content.decode()
    assert "Formularen kunne ikke sendes" in html
    assert "<style" not in html

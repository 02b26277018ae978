"""Every kind of public data an editor changes reaches every page that shows it on the next
request, with the page cache on: organisations, experience, example questions, and an edit
through the admin (tests/config/test_pagecache.py has entries, themes, contacts, status changes,
deletes, restores, the search index and load_catalogue)."""

import pytest
from django.test import Client

from catalogue.models import Experience, Initiative
from tests.catalogue.admin_forms import admin_url, form_data
from tests.factories import (
    make_experience,
    make_initiative,
    make_method,
    make_organisation,
    make_question,
    make_theme,
    make_user,
)
from tests.opendata import body

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue():
    theme = make_theme(slug="familie", name="Familie")
    initiative = make_initiative(slug="mentorordninger", title="Mentorordninger", themes=[theme])
    method = make_method(slug="motiverende-samtaler", title="Motiverende samtaler")
    question = make_question(method, text="Hvad er vigtigt for dig lige nu?")
    ishoej = make_organisation(slug="ishoej", short_name="Ishøj", name="Ishøj Kommune")
    make_experience(ishoej, initiative)
    return initiative, method, question, ishoej


def text(client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    return body(response).decode()


def cached(client, paths: list[str]) -> None:
    """Request each page until the cache serves it (katalog.json: streamed, then kept, then
    stored by the page cache)."""
    for path in paths:
        for _ in range(3):
            text(client, path)
        assert client.get(path).get("X-Cache") == "hit", path


def test_a_renamed_organisation_shows_on_every_page_that_names_it(client, catalogue):
    _, _, _, ishoej = catalogue
    pages = [
        "/organisationer/",
        "/organisationer/ishoej/",
        "/indsatser/",
        "/indsatser/mentorordninger/",
        "/data/katalog.json",
    ]
    cached(client, pages)
    ishoej.short_name, ishoej.name = "Ishøj (nyt navn)", "Ishøj Kommune (nyt navn)"
    ishoej.save()

    for path in pages:
        assert "(nyt navn)" in text(client, path), path


def test_new_experience_shows_on_the_organisation_the_entry_and_the_open_data(client, catalogue):
    _, method, _, ishoej = catalogue
    pages = ["/organisationer/ishoej/", "/metoder/motiverende-samtaler/", "/data/katalog.json"]
    cached(client, pages)
    assert "Motiverende samtaler" not in text(client, "/organisationer/ishoej/")
    Experience.objects.create(organisation=ishoej, method=method, note="Prøvet i 2024")

    assert "Motiverende samtaler" in text(client, "/organisationer/ishoej/")
    assert "Ishøj" in text(client, "/metoder/motiverende-samtaler/")
    assert "Prøvet i 2024" in text(client, "/data/katalog.json")


def test_an_edited_example_question_shows_at_once(client, catalogue):
    _, _, question, _ = catalogue
    pages = ["/metoder/motiverende-samtaler/", "/data/katalog.json"]
    cached(client, pages)
    question.text = "Hvem kan du tale med, når det er svært?"
    question.save()

    for path in pages:
        assert "Hvem kan du tale med, når det er svært?" in text(client, path), path


def test_an_edit_through_the_admin_shows_to_readers_at_once(client, catalogue):
    initiative, *_ = catalogue
    pages = ["/indsatser/", "/indsatser/mentorordninger/", "/data/katalog.json"]
    cached(client, pages)
    editor = Client()
    editor.force_login(make_user("Redaktør"))
    data = form_data(editor.get(admin_url(initiative)))
    data["title"] = "Mentorordninger for unge"
    assert editor.post(admin_url(initiative), data).status_code == 302
    assert Initiative.objects.get(pk=initiative.pk).title == "Mentorordninger for unge"

    for path in pages:
        assert "Mentorordninger for unge" in text(client, path), path


def test_a_body_larger_than_the_limit_is_not_stored(client, catalogue, settings):
    """The cache counts entries, not bytes: a 19 MB katalog.json per revision would fill it."""
    settings.PAGE_CACHE_MAX_BYTES = 100
    for _ in range(3):
        response = client.get("/indsatser/")
    assert response["X-Cache"] == "miss"
    assert response["ETag"]  # still revalidated by ETag
    settings.PAGE_CACHE_MAX_BYTES = 10_000_000
    client.get("/indsatser/")
    assert client.get("/indsatser/")["X-Cache"] == "hit"

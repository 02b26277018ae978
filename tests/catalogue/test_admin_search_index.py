"""An editor's change in admin shows up in search at once: save, inlines, restore, archive."""

import pytest
from django.test import Client

from catalogue import search
from catalogue.models import Status
from tests.catalogue.admin_forms import admin_url, form_data
from tests.factories import make_initiative, make_method, make_question, make_theme, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor() -> Client:
    client = Client()
    client.force_login(make_user("Redaktør"))
    return client


def titles(query: str) -> list[str]:
    return [hit.title for hit in search.search(query)]


def save(client: Client, obj, **changes) -> None:
    data = form_data(client.get(admin_url(obj)))
    data.update(changes)
    response = client.post(admin_url(obj), data)
    assert response.status_code == 302, response.context and response.context.get("errors")


def test_a_saved_title_is_found_by_search_at_once(editor):
    entry = make_initiative(title="Lektiecafé i boligområdet", themes=[make_theme()])
    search.rebuild_index()
    save(editor, entry, title="Trivselsvandring i boligområdet")
    assert "Trivselsvandring i boligområdet" in titles("trivselsvandring")
    assert titles("lektiecafé") == []


def test_a_question_edited_inline_is_found_by_search(editor):
    method = make_method(title="Samtalemetode")
    question = make_question(method, text="Hvem bestemmer i gruppen?")
    search.rebuild_index()
    data = form_data(editor.get(admin_url(method)))
    name = next(k for k, v in data.items() if v == "Hvem bestemmer i gruppen?")
    data[name] = "Hvilke drømme har du for fremtiden?"
    assert editor.post(admin_url(method), data).status_code == 302
    question.refresh_from_db()
    assert question.text == "Hvilke drømme har du for fremtiden?"
    assert "Samtalemetode" in titles("drømme")


def test_an_archived_entry_leaves_search_results(editor):
    entry = make_initiative(title="Nattevandring", themes=[make_theme()])
    search.rebuild_index()
    assert titles("nattevandring") == ["Nattevandring"]
    response = editor.post(
        admin_url(entry, "changelist"),
        {"action": "archive_selected", "_selected_action": [entry.pk]},
    )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.status == Status.ARCHIVED
    assert titles("nattevandring") == []

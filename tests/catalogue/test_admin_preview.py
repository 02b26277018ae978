"""Drafts: invisible to the public, in the open data and the search; editors may preview them."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import Client

from catalogue.models import Initiative, Method, Status
from tests.factories import (
    make_contact,
    make_initiative,
    make_method,
    make_theme,
    make_user,
)
from tests.opendata import katalog

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue_with_drafts():
    theme = make_theme()
    return {
        "published": make_initiative(
            slug="udgivet-indsats", title="Udgivet indsats", themes=[theme]
        ),
        "draft": make_initiative(
            slug="hemmelig-kladde",
            title="Hemmelig kladdeindsats",
            themes=[theme],
            status=Status.DRAFT,
        ),
        "archived": make_initiative(
            slug="arkiveret-indsats",
            title="Arkiveret indsats",
            themes=[theme],
            status=Status.ARCHIVED,
        ),
        "draft_method": make_method(slug="kladdemetode", title="Kladdemetode", status=Status.DRAFT),
        "draft_contact": make_contact(unit="Kladdeenhed", status=Status.DRAFT),
    }


def test_drafts_and_archived_entries_are_not_in_the_open_data(catalogue_with_drafts):
    data = katalog(Client())

    assert [i["title"] for i in data["initiatives"]] == ["Udgivet indsats"]
    assert "Kladdemetode" not in [m["title"] for m in data["methods"]]
    assert "Kladdeenhed" not in [c["unit"] for c in data["contacts"]]


def test_drafts_are_not_on_the_public_pages(catalogue_with_drafts):
    client = Client()

    listing = client.get("/indsatser/").content.decode()

    assert "Udgivet indsats" in listing
    assert "Hemmelig kladdeindsats" not in listing
    assert "Arkiveret indsats" not in listing
    assert client.get("/indsatser/hemmelig-kladde/").status_code == 404
    assert client.get("/indsatser/arkiveret-indsats/").status_code == 404
    assert client.get("/metoder/kladdemetode/").status_code == 404


def test_drafts_are_not_found_by_the_search(catalogue_with_drafts):
    from django.core.management import call_command

    call_command("rebuild_search_index", verbosity=0)
    results = Client().get("/api/soeg", {"q": "kladdeindsats"}).json()["results"]

    assert "Hemmelig kladdeindsats" not in [r["title"] for r in results]


def test_visible_to_shows_drafts_only_to_staff_who_may_change_that_kind_of_entry(
    catalogue_with_drafts,
):
    everything = {"udgivet-indsats", "hemmelig-kladde", "arkiveret-indsats"}

    def slugs(user):
        return set(Initiative.objects.visible_to(user).values_list("slug", flat=True))

    assert slugs(AnonymousUser()) == {"udgivet-indsats"}
    assert slugs(None) == {"udgivet-indsats"}
    assert slugs(make_user("Læser")) == {"udgivet-indsats"}
    assert slugs(make_user("Kontaktansvarlig")) == {"udgivet-indsats"}
    assert slugs(make_user("Redaktør", is_active=False)) == {"udgivet-indsats"}
    assert slugs(make_user("Redaktør", is_staff=False)) == {"udgivet-indsats"}
    assert slugs(make_user("Redaktør")) == everything
    assert set(Method.objects.visible_to(make_user("Redaktør")).values_list("slug", flat=True)) == {
        "kladdemetode"
    }


def test_an_editor_can_preview_a_draft_on_the_site(catalogue_with_drafts):
    editor = Client()
    editor.force_login(make_user("Redaktør"))

    response = editor.get("/indsatser/hemmelig-kladde/")

    assert response.status_code == 200
    assert "Hemmelig kladdeindsats" in response.content.decode()
    assert Client().get("/indsatser/hemmelig-kladde/").status_code == 404

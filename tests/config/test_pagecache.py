"""Anonymous readers get cached pages, never stale ones; editors never get a cached page."""

from unittest import mock

import pytest
from django.core.management import call_command
from django.db import OperationalError
from django.test import Client

from catalogue.models import Initiative, Status, Theme
from tests.factories import make_contact, make_initiative, make_theme, make_user
from tests.opendata import body

pytestmark = pytest.mark.django_db

REVISION = "config.pagecache.catalogue_revision"


@pytest.fixture
def initiative():
    return make_initiative(slug="mentorordninger", title="Mentorordninger", themes=[make_theme()])


def page(client, path="/indsatser/mentorordninger/", **headers):
    return client.get(path, **headers)


def test_the_second_anonymous_request_is_served_from_the_cache(
    client, initiative, django_assert_num_queries
):
    first = page(client)
    with django_assert_num_queries(1):  # the revision, nothing else
        second = page(client)

    assert first["X-Cache"] == "miss"
    assert second["X-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]


def test_cached_pages_keep_the_security_headers(client, initiative):
    page(client)
    response = page(client)

    assert response["X-Cache"] == "hit"
    assert "Content-Security-Policy" in response
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_an_edit_through_the_orm_shows_on_the_next_request(client, initiative):
    page(client)
    initiative.title = "Mentorordninger for unge"
    initiative.save()

    assert "Mentorordninger for unge" in page(client).content.decode()


def test_an_unpublished_entry_disappears_at_once(client, initiative):
    assert page(client).status_code == 200
    initiative.status = Status.DRAFT
    initiative.save()

    assert page(client).status_code == 404


def test_a_deleted_entry_disappears_from_the_list_at_once(client, initiative):
    assert "Mentorordninger" in page(client, "/indsatser/").content.decode()
    Initiative.objects.get(pk=initiative.pk).delete()

    assert "Mentorordninger" not in page(client, "/indsatser/").content.decode()


def test_a_renamed_theme_shows_at_once(client, initiative):
    page(client)
    theme = Theme.objects.get()
    theme.name = "Nyt temanavn"
    theme.save()

    assert "Nyt temanavn" in page(client).content.decode()


def test_a_contact_change_shows_in_the_directory_and_the_open_data(client):
    contact = make_contact(unit="SSP Ishøj", phones=["43577580"])
    page(client, "/kontakter/")
    page(client, "/data/katalog.json")
    phone = contact.phones.get()
    phone.number = "43577581"
    phone.save()

    assert "43 57 75 81" in page(client, "/kontakter/").content.decode()
    assert "43577581" in body(page(client, "/data/katalog.json")).decode()


def test_a_reindexed_entry_shows_in_search_at_once(client, initiative):
    from catalogue.search import rebuild_index, reindex

    rebuild_index()
    page(client, "/soeg/?q=mentorordninger")
    Initiative.objects.filter(pk=initiative.pk).update(title="Mentorordninger (ændret)")
    reindex(Initiative.objects.get(pk=initiative.pk))

    assert "Mentorordninger (ændret)" in page(client, "/soeg/?q=mentorordninger").content.decode()


def test_a_restored_version_shows_at_once(client, initiative):
    initiative.title = "Forkert titel"
    initiative.save()
    assert "Forkert titel" in page(client).content.decode()
    first = initiative.history.earliest()
    first.instance.save()

    assert "Forkert titel" not in page(client).content.decode()


def test_loading_the_catalogue_moves_the_revision(client):
    empty = page(client, "/indsatser/").content
    call_command("load_catalogue", verbosity=0)

    assert page(client, "/indsatser/").content != empty


def test_a_logged_in_editor_is_never_served_a_cached_page(client, initiative):
    page(client)
    page(client)
    editor = Client()
    editor.force_login(make_user("Redaktør"))

    response = page(editor)

    assert "X-Cache" not in response
    assert "private" in response["Cache-Control"]


def test_a_matching_if_none_match_gets_304(client, initiative):
    etag = page(client)["ETag"]

    response = page(client, HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == 304
    assert response["ETag"] == etag
    assert response.content == b""


def test_the_etag_changes_with_an_edit_and_the_browser_must_revalidate(client, initiative):
    first = page(client)
    initiative.title = "Nyt navn"
    initiative.save()
    second = page(client, HTTP_IF_NONE_MATCH=first["ETag"])

    assert second.status_code == 200
    assert second["ETag"] != first["ETag"]
    assert first["Cache-Control"] == "max-age=0, must-revalidate"


def test_one_url_never_answers_another(client, initiative):
    make_initiative(slug="anden", title="Anden indsats")
    everything = page(client, "/indsatser/")
    searched = page(client, "/indsatser/?q=mentor")
    other_host = page(client, "/indsatser/?q=mentor", HTTP_HOST="127.0.0.1")

    assert "Anden indsats" in everything.content.decode()
    assert "Anden indsats" not in searched.content.decode()
    assert searched["ETag"] != everything["ETag"]
    assert other_host["X-Cache"] == "miss"


def test_a_head_request_is_answered_from_the_cache_without_a_body(client, initiative):
    page(client)

    response = client.head("/indsatser/mentorordninger/")

    assert response["X-Cache"] == "hit"
    assert response.content == b""


def test_errors_and_404s_are_not_stored(client):
    page(client, "/indsatser/findes-ikke/")

    assert "X-Cache" not in page(client, "/indsatser/findes-ikke/")


def test_admin_and_healthz_are_never_cached(client):
    assert "X-Cache" not in client.get("/healthz")
    assert "X-Cache" not in client.get("/admin/login/")


def test_readers_get_the_last_copy_while_the_database_is_down(client, initiative):
    fresh = page(client)
    with mock.patch(REVISION, side_effect=OperationalError("connection refused")):
        response = page(client)

    assert response.status_code == 200
    assert response["X-Cache"] == "stale"
    assert response.content == fresh.content


def test_a_page_never_seen_while_the_database_is_down_is_a_danish_503(client, initiative):
    with mock.patch(REVISION, side_effect=OperationalError("connection refused")):
        response = page(client)

    assert response.status_code == 503
    assert "Kataloget svarer ikke lige nu" in response.content.decode()
    assert response["Retry-After"]


def test_an_editor_gets_a_danish_503_when_the_database_goes_away(initiative):
    editor = Client(raise_request_exception=False)
    editor.force_login(make_user("Redaktør"))
    with mock.patch(
        "catalogue.views.selectors.initiative_detail",
        side_effect=OperationalError("server closed the connection unexpectedly"),
    ):
        response = page(editor)

    assert response.status_code == 503
    assert "Kataloget svarer ikke lige nu" in response.content.decode()


def test_the_revision_is_one_query(django_assert_num_queries):
    from catalogue.revision import catalogue_revision

    with django_assert_num_queries(1):
        catalogue_revision()


def test_a_new_day_gets_a_new_page(client, initiative):
    """Pages mark entries not reviewed for a year: yesterday's page is not today's."""
    import datetime

    from django.utils import timezone

    first = page(client)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    with mock.patch("config.pagecache.timezone.localdate", return_value=tomorrow):
        second = page(client)

    assert second["X-Cache"] == "miss"
    assert second["ETag"] != first["ETag"]

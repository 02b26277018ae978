"""Two editors saving the same entry: the second is told, and nothing is overwritten."""

import threading
import time

import pytest
from django.db import connection, connections, transaction
from django.forms import modelform_factory

from catalogue.admin_mixins import VersionGuardedForm
from catalogue.models import Initiative
from catalogue.services import latest_version
from tests.catalogue.admin_forms import admin_url, form_data
from tests.factories import (
    make_experience,
    make_organisation,
    make_theme,
    make_user,
)
from tests.factories import make_initiative as _make_initiative

pytestmark = pytest.mark.django_db


def make_initiative(**fields):
    return _make_initiative(themes=[make_theme()], **fields)


@pytest.fixture
def editors(client):
    from django.test import Client

    first, second = Client(), Client()
    first.force_login(make_user("Redaktør", first_name="Anne", last_name="Andersen"))
    second.force_login(make_user("Redaktør", first_name="Bo", last_name="Berg"))
    return first, second


def test_an_editor_can_save_an_entry_they_opened():
    initiative = make_initiative(title="Nedsætte et banderåd")
    from django.test import Client

    client = Client()
    client.force_login(make_user("Redaktør"))
    data = form_data(client.get(admin_url(initiative)))
    data["title"] = "Nedsætte et banderåd i kommunen"

    response = client.post(admin_url(initiative), data)

    assert response.status_code == 302
    initiative.refresh_from_db()
    assert initiative.title == "Nedsætte et banderåd i kommunen"


def test_the_second_editor_is_told_the_entry_changed_and_nothing_is_overwritten(editors):
    first, second = editors
    initiative = make_initiative(title="Original", purpose="Oprindeligt formål")
    first_data = form_data(first.get(admin_url(initiative)))
    second_data = form_data(second.get(admin_url(initiative)))

    first_data["purpose"] = "Annes formål"
    assert first.post(admin_url(initiative), first_data).status_code == 302
    second_data["purpose"] = "Bos formål"
    response = second.post(admin_url(initiative), second_data)

    assert response.status_code == 200
    page = response.content.decode()
    assert "er blevet ændret af Anne Andersen" in page
    assert "Dine ændringer er ikke gemt" in page
    initiative.refresh_from_db()
    assert initiative.purpose == "Annes formål"
    # The second editor's text is still in the form, so it can be copied into the new version.
    assert "Bos formål" in page


def test_a_conflict_also_blocks_changes_made_only_in_the_inline_rows(editors):
    first, second = editors
    initiative = make_initiative()
    experience = make_experience(make_organisation(), initiative, note="Oprindelig")
    first_data = form_data(first.get(admin_url(initiative)))
    second_data = form_data(second.get(admin_url(initiative)))

    first_data["title"] = "Ny titel"
    assert first.post(admin_url(initiative), first_data).status_code == 302
    second_data["experiences-0-note"] = "Bos bemærkning"
    response = second.post(admin_url(initiative), second_data)

    assert response.status_code == 200
    experience.refresh_from_db()
    assert experience.note == "Oprindelig"


def test_the_second_editor_can_save_after_reopening_the_entry(editors):
    first, second = editors
    initiative = make_initiative()
    stale = form_data(second.get(admin_url(initiative)))
    data = form_data(first.get(admin_url(initiative)))
    data["title"] = "Annes titel"
    first.post(admin_url(initiative), data)
    stale["title"] = "Bos titel"
    assert second.post(admin_url(initiative), stale).status_code == 200

    fresh = form_data(second.get(admin_url(initiative)))
    fresh["title"] = "Bos titel"
    assert second.post(admin_url(initiative), fresh).status_code == 302
    assert Initiative.objects.get(pk=initiative.pk).title == "Bos titel"


def test_a_change_made_outside_admin_also_counts_as_a_newer_version(editors):
    first, _ = editors
    initiative = make_initiative(title="Før")
    data = form_data(first.get(admin_url(initiative)))
    initiative.title = "Ændret af indlæsningen"
    initiative.save()

    data["title"] = "Annes titel"
    response = first.post(admin_url(initiative), data)

    assert response.status_code == 200
    assert Initiative.objects.get(pk=initiative.pk).title == "Ændret af indlæsningen"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks: PostgreSQL only")
@pytest.mark.django_db(transaction=True)
def test_two_saves_at_the_same_moment_one_wins_and_the_other_is_told():
    initiative = make_initiative(title="Original")
    token = latest_version(initiative).token
    form_class = modelform_factory(Initiative, form=VersionGuardedForm, fields=["title"])
    barrier = threading.Barrier(2)
    results: dict[str, bool] = {}

    def save(title: str) -> None:
        try:
            barrier.wait()
            with transaction.atomic():
                obj = Initiative.objects.get(pk=initiative.pk)
                form = form_class({"title": title, "version_token": token}, instance=obj)
                results[title] = form.is_valid()
                if results[title]:
                    time.sleep(0.3)  # the other save arrives while this one holds the row
                    form.save()
        finally:
            connections.close_all()

    threads = [threading.Thread(target=save, args=(t,)) for t in ("Anne", "Bo")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(results.values()) == [False, True]
    winner = next(title for title, saved in results.items() if saved)
    assert Initiative.objects.get(pk=initiative.pk).title == winner

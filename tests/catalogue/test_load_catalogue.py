"""load_catalogue: loads the whole transcription, is idempotent and never overwrites an edit."""

import shutil
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from catalogue.loading import FIXTURES_DIR, load_all
from catalogue.models import Experience, Initiative, Method, Organisation, Question
from contacts.models import ContactPoint
from tests.sourcetext import fixture

pytestmark = pytest.mark.django_db


def load() -> str:
    out = StringIO()
    call_command("load_catalogue", stdout=out)
    return out.getvalue()


def test_it_loads_every_record_of_the_transcription():
    load()
    assert Initiative.objects.count() == len(fixture("initiatives")["initiative"])
    assert Method.objects.count() == len(fixture("methods")["method"])
    assert Organisation.objects.count() == len(fixture("taxonomy")["organisation"])
    assert ContactPoint.objects.count() == len(fixture("contacts")["contact"])
    blocks = sum(len(method.get("example", [])) for method in fixture("methods")["method"])
    assert Question.objects.count() == blocks


def test_loading_twice_changes_nothing():
    load()
    before = {
        (e.organisation_id, e.initiative_id, e.method_id, e.note) for e in Experience.objects.all()
    }
    output = load()
    assert "oprettet" not in output
    assert "opdateret" not in output
    after = {
        (e.organisation_id, e.initiative_id, e.method_id, e.note) for e in Experience.objects.all()
    }
    assert before == after
    assert Initiative.objects.count() == len(fixture("initiatives")["initiative"])


def test_it_never_overwrites_an_editors_change_and_reports_it():
    load()
    entry = Initiative.objects.order_by("order").first()
    entry.purpose = "Rettet af en redaktør."
    entry.save()
    output = load()
    entry.refresh_from_db()
    assert entry.purpose == "Rettet af en redaktør."
    assert f"initiative {entry.slug}" in output
    assert "sprunget over" in output


def test_an_edited_experience_row_counts_as_an_edit_of_its_entry():
    load()
    method = Method.objects.filter(experiences__isnull=False).order_by("order").first()
    method.experiences.first().delete()
    report = load_all()
    assert f"method {method.slug}" in report.skipped


def test_it_applies_a_changed_fixture_to_rows_nobody_edited(tmp_path):
    load()
    shutil.copytree(FIXTURES_DIR, tmp_path, dirs_exist_ok=True)
    path = tmp_path / "taxonomy.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace('name = "Vejen Kommune"', 'name = "Vejen Kommune (ny)"'), encoding="utf-8"
    )
    report = load_all(tmp_path)
    assert report.updated == {"organisation": 1}
    assert Organisation.objects.get(slug="vejen").name == "Vejen Kommune (ny)"


def test_a_broken_reference_fails_clearly_and_loads_nothing(tmp_path):
    shutil.copytree(FIXTURES_DIR, tmp_path, dirs_exist_ok=True)
    path = tmp_path / "initiatives.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('level = "social"', 'level = "ukendt"', 1), encoding="utf-8")
    with pytest.raises(Exception, match="ukendt"):
        load_all(tmp_path)
    assert Initiative.objects.count() == 0


def test_the_command_reports_fixture_errors_in_danish(settings, tmp_path, monkeypatch):
    monkeypatch.setattr("catalogue.loading.FIXTURES_DIR", tmp_path)
    monkeypatch.setattr(
        "catalogue.management.commands.load_catalogue.load_all", lambda: load_all(tmp_path)
    )
    with pytest.raises(CommandError, match="Fejl i fixtures"):
        call_command("load_catalogue")

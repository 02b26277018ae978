"""What editors teach search: synonyms applied at query time, "også kendt som" words that reach the
index at once, "Mente du …?", and the search-miss log (no personal data, 12 months)."""

from datetime import date, timedelta
from io import StringIO

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import DatabaseError
from django.test import Client

from catalogue import search
from tests.catalogue.admin_forms import admin_url, form_data
from tests.factories import make_initiative, make_method, make_theme, make_user
from thesaurus import services
from thesaurus.models import EntrySearchWords, SearchMiss, Synonym

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor() -> Client:
    call_command("setup_roles", stdout=StringIO())
    client = Client()
    client.force_login(make_user("Redaktør"))
    return client


@pytest.fixture
def street():
    entry = make_initiative(
        title="Gadeplansarbejde", purpose="Gadeplansmedarbejdere møder unge på gaden.",
        themes=[make_theme()],
    )  # fmt: skip
    make_method(title="Motiverende samtaler", purpose="Åbne spørgsmål.")
    search.rebuild_index()
    return entry


def titles(query: str) -> list[str]:
    return [hit.title for hit in search.search(query)]


def test_a_one_way_synonym_finds_the_catalogues_word_and_is_shown(street):
    assert titles("streetworker") == []
    Synonym.objects.create(slug="s", words=["streetworker"], leads_to=["gadeplansmedarbejder"])
    result = search.lookup("streetworker")
    assert [h.title for h in result.hits] == ["Gadeplansarbejde"]
    assert result.also == ("gadeplansmedarbejder",)
    assert "<mark>Gadeplansmedarbejdere</mark>" in result.hits[0].snippet


def test_a_one_way_synonym_does_not_work_backwards(street):
    make_initiative(title="Streetworkerprojekt i London", themes=[make_theme(slug="t2")])
    search.rebuild_index()
    Synonym.objects.create(slug="s", words=["streetworker"], leads_to=["gadeplansmedarbejder"])
    assert "Streetworkerprojekt i London" not in titles("gadeplansmedarbejder")


def test_a_synonym_group_leads_each_word_to_the_others(street):
    Synonym.objects.create(slug="s", words=["gadeplansmedarbejder", "gadearbejder"])
    assert titles("gadearbejder") == ["Gadeplansarbejde"]


def test_a_synonym_to_a_word_the_catalogue_never_uses_adds_nothing(street):
    Synonym.objects.create(slug="s", words=["streetworker"], leads_to=["natteravn"])
    result = search.lookup("streetworker")
    assert result.hits == [] and result.also == ()


def test_the_search_page_says_which_words_it_also_searched_for(client, street):
    Synonym.objects.create(slug="s", words=["streetworker"], leads_to=["gadeplansmedarbejder"])
    page = client.get("/soeg/", {"q": "streetworker"}).content.decode()
    assert "Viser også resultater for" in page
    assert '<a href="?q=gadeplansmedarbejder">gadeplansmedarbejder</a>' in page


def test_an_editor_adds_a_synonym_in_admin_with_history(editor, street):
    response = editor.post(
        admin_url(Synonym, "add"),
        {"words": "streetworker\ngadearbejder", "leads_to": "gadeplansmedarbejder",
         "editor_note": "", "slug": "", "order": "0"},
    )  # fmt: skip
    assert response.status_code == 302, response.context and response.context["errors"]
    rule = Synonym.objects.get()
    assert rule.words == ["streetworker", "gadearbejder"]
    assert rule.history.count() == 1
    assert titles("gadearbejder") == ["Gadeplansarbejde"]


def test_also_known_as_words_reach_the_index_at_once(editor, street):
    ct = ContentType.objects.get_for_model(street)
    response = editor.post(
        admin_url(EntrySearchWords, "add"),
        {"entry": f"catalogue.initiative:{street.pk}", "words": "Natteravnene\nStreetteamet"},
    )
    assert response.status_code == 302, response.context and response.context["errors"]
    row = EntrySearchWords.objects.get(content_type=ct, object_id=street.pk)
    assert row.history.count() == 1
    assert titles("streetteamet") == ["Gadeplansarbejde"]

    data = form_data(editor.get(admin_url(row)))
    data["words"] = "Natteravnene"
    assert editor.post(admin_url(row), data).status_code == 302
    assert titles("streetteamet") == []
    assert titles("natteravnene") == ["Gadeplansarbejde"]


def test_also_known_as_words_survive_a_full_rebuild(street):
    ct = ContentType.objects.get_for_model(street)
    EntrySearchWords.objects.create(content_type=ct, object_id=street.pk, words=["Natteravnene"])
    search.rebuild_index()
    assert titles("natteravnene") == ["Gadeplansarbejde"]


def test_mente_du_suggests_the_catalogues_spelling_of_a_misspelt_word(client, street):
    result = search.lookup("motivernde samtaler")
    assert result.suggestion == "motiverende samtaler"
    page = client.get("/soeg/", {"q": "motivernde samtaler"}).content.decode()
    assert 'Mente du <a href="?q=motiverende+samtaler">motiverende samtaler</a>?' in page


def test_mente_du_keeps_quiet_when_every_word_is_found(street):
    assert search.lookup("motiverende samtaler").suggestion == ""
    assert search.lookup("xqzv").suggestion == ""  # nothing close: nothing to suggest


def test_a_search_that_finds_little_is_counted_without_personal_data(client, street):
    client.get("/soeg/", {"q": "  Natteravne  i  Ishøj "})
    client.get("/soeg/", {"q": "natteravne i ishøj"})
    client.get("/soeg/", {"q": "gadeplansarbejde"})  # found: not counted unless few hits
    row = SearchMiss.objects.get(query="natteravne i ishøj")
    assert (row.count, row.hits, row.day) == (2, 0, date.today())
    fields = {f.name for f in SearchMiss._meta.get_fields()}
    assert fields == {"id", "query", "day", "count", "hits"}  # no IP, user, cookie or time
    assert not client.cookies


def test_the_log_never_stores_long_numbers_and_cuts_long_queries():
    assert services.normalise_query("Ahmed 010203-1234 ring 43 68 69 59") == "ahmed ring"
    assert len(services.normalise_query("ord " * 100)) <= 100


def test_a_failing_log_never_breaks_the_search(client, street, monkeypatch):
    def broken(*args, **kwargs):
        raise DatabaseError("disk full")

    monkeypatch.setattr(SearchMiss.objects, "filter", broken)
    response = client.get("/soeg/", {"q": "natteravne"})
    assert response.status_code == 200
    assert "Ingen resultater" in response.content.decode()


def test_the_retention_command_deletes_rows_older_than_twelve_months():
    today = date.today()
    SearchMiss.objects.create(query="gammel", day=today - timedelta(days=366))
    SearchMiss.objects.create(query="ny", day=today - timedelta(days=364))
    out = StringIO()
    call_command("purge_search_log", stdout=out)
    assert list(SearchMiss.objects.values_list("query", flat=True)) == ["ny"]
    assert "Slettet 1" in out.getvalue()


def test_editors_see_the_misses_with_a_link_that_prefills_a_synonym(editor):
    SearchMiss.objects.create(query="natteravne", day=date.today(), count=3)
    page = editor.get(admin_url(SearchMiss, "changelist")).content.decode()
    assert "natteravne" in page
    assert "/admin/thesaurus/synonym/add/?words=natteravne" in page
    form = editor.get("/admin/thesaurus/synonym/add/?words=natteravne").content.decode()
    assert "natteravne</textarea>" in form, form[form.find("id_words") :][:300]

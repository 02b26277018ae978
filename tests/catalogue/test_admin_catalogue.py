"""The catalogue's admin is comfortable: every model, search, filters, inlines in source order,
"view on site", the editor note first, slugs made for the editor."""

import datetime

import pytest
from django.apps import apps
from django.contrib import admin
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from catalogue.models import Initiative, Method, Question, Status
from tests.catalogue.admin_forms import admin_url, form_data
from tests.factories import make_initiative as _make_initiative
from tests.factories import (
    make_level,
    make_method,
    make_question,
    make_theme,
    make_user,
)

pytestmark = pytest.mark.django_db


def make_initiative(**fields):
    return _make_initiative(themes=[make_theme()], **fields)


@pytest.fixture
def redaktoer() -> Client:
    client = Client()
    client.force_login(make_user("Redaktør"))
    return client


def test_every_model_of_the_catalogue_and_the_contacts_is_in_admin():
    for app in ("catalogue", "contacts"):
        for model in apps.get_app_config(app).get_models():
            if model.__name__.startswith("Historical") or model._meta.app_label != app:
                continue
            if model.__module__ == "catalogue.models.search":
                continue  # the search index is rebuilt, not edited
            assert admin.site.is_registered(model), model.__name__


def test_every_admin_page_of_the_loaded_catalogue_opens(admin_client):
    call_command("load_catalogue", verbosity=0)
    for model in admin.site._registry:
        if model._meta.app_label not in {"catalogue", "contacts"}:
            continue
        changelist = admin_url(model, "changelist")
        assert admin_client.get(changelist).status_code == 200, changelist
        assert admin_client.get(changelist, {"q": "Ishøj"}).status_code == 200, changelist
        obj = model._default_manager.first()
        if obj is not None:
            assert admin_client.get(admin_url(obj)).status_code == 200, admin_url(obj)
            assert admin_client.get(admin_url(obj, "history")).status_code == 200


def test_the_initiative_list_costs_the_same_queries_for_5_and_25_entries(admin_client):
    level = make_level()
    for _ in range(5):
        make_initiative(level=level)
    url = admin_url(Initiative, "changelist")
    admin_client.get(url)
    with CaptureQueriesContext(connection) as few:
        admin_client.get(url)
    for _ in range(20):
        make_initiative(level=make_level())
    with CaptureQueriesContext(connection) as many:
        admin_client.get(url)

    assert len(many) == len(few)


def test_search_finds_an_initiative_by_words_in_its_long_text(redaktoer):
    make_initiative(title="Nedsætte et banderåd", description="Rådet mødes hver måned.")
    make_initiative(title="Noget andet")

    page = redaktoer.get(admin_url(Initiative, "changelist"), {"q": "måned"}).content.decode()

    assert "Nedsætte et banderåd" in page and "Noget andet" not in page


def test_the_editor_note_is_shown_before_the_fields():
    initiative = make_initiative(editor_note="Kilden nævner Ishøj to gange.")
    client = Client()
    client.force_login(make_user("Redaktør"))

    page = client.get(admin_url(initiative)).content.decode()

    note = page.index("Læs først: bemærkning til redaktører")
    assert page.index("Kilden nævner Ishøj to gange.") > note
    assert note < page.index('name="title"')


def test_view_on_site_leads_to_the_public_page(redaktoer):
    initiative = make_initiative(slug="nedsaette-et-banderaad")

    page = redaktoer.get(admin_url(initiative))
    link = next(
        line.split('href="')[1].split('"')[0]
        for line in page.content.decode().splitlines()
        if "viewsitelink" in line
    )

    assert redaktoer.get(link)["Location"].endswith("/indsatser/nedsaette-et-banderaad/")


def test_example_questions_are_edited_inline_in_source_order(redaktoer):
    method = make_method()
    make_question(method, text="Tredje?", order=3)
    make_question(method, text="Første?", order=1)
    make_question(method, text="Anden?", order=2)

    response = redaktoer.get(admin_url(method))
    inline = next(
        i for i in response.context["inline_admin_formsets"] if i.formset.model is Question
    )

    assert [f.instance.text for f in inline.formset.forms] == ["Første?", "Anden?", "Tredje?"]


def test_a_question_changed_inline_is_saved_with_the_method(redaktoer):
    method = make_method()
    question = make_question(method, text="Hvad skete der?")
    data = form_data(redaktoer.get(admin_url(method)))
    data["questions-0-text"] = "Hvad skete der så?"

    assert redaktoer.post(admin_url(method), data).status_code == 302
    question.refresh_from_db()
    assert question.text == "Hvad skete der så?"
    assert question.history.count() == 2


def test_a_new_entry_gets_a_slug_from_its_title(redaktoer):
    level, theme = make_level(), make_theme()
    response = redaktoer.post(
        admin_url(Initiative, "add"),
        {
            "title": "Nedsætte et banderåd på Vestegnen",
            "level": level.pk,
            "themes": [theme.pk],
            "status": Status.DRAFT,
            "order": 0,
            "experiences-TOTAL_FORMS": 0,
            "experiences-INITIAL_FORMS": 0,
        },
    )

    assert response.status_code == 302
    assert Initiative.objects.get().slug == "nedsaette-et-banderaad-paa-vestegnen"


def test_a_slug_cannot_be_changed_once_saved(redaktoer):
    initiative = make_initiative(slug="fast-adresse")
    data = form_data(redaktoer.get(admin_url(initiative)))
    data["slug"] = "ny-adresse"

    redaktoer.post(admin_url(initiative), data)

    assert Initiative.objects.get(pk=initiative.pk).slug == "fast-adresse"


def test_the_review_filter_lists_entries_not_reviewed_for_over_a_year(redaktoer):
    today = timezone.localdate()
    make_initiative(title="Aldrig gennemgået")
    make_initiative(
        title="Gennemgået for to år siden", last_reviewed=today.replace(year=today.year - 2)
    )
    make_initiative(
        title="Gennemgået i sidste måned", last_reviewed=today - datetime.timedelta(days=30)
    )

    page = redaktoer.get(
        admin_url(Initiative, "changelist"), {"gennemgaaet": "over-et-aar"}
    ).content.decode()

    assert "Ikke gennemgået i over et år" in page
    assert "Aldrig gennemgået" in page and "Gennemgået for to år siden" in page
    assert "Gennemgået i sidste måned" not in page


def test_marking_entries_as_reviewed_sets_today(redaktoer):
    method = make_method()
    redaktoer.post(
        admin_url(Method, "changelist"),
        {"action": "mark_reviewed_selected", "_selected_action": [method.pk]},
    )

    method.refresh_from_db()
    assert method.last_reviewed == timezone.localdate()


def test_an_editor_can_publish_a_draft(redaktoer):
    initiative = make_initiative(status=Status.DRAFT)
    redaktoer.post(
        admin_url(Initiative, "changelist"),
        {"action": "publish_selected", "_selected_action": [initiative.pk]},
    )

    initiative.refresh_from_db()
    assert initiative.status == Status.PUBLISHED


def test_admin_speaks_danish(redaktoer):
    page = redaktoer.get("/admin/").content.decode()
    assert "Idekatalog – redaktion" in page
    assert "Indsatser" in page and "Kontaktpunkter" in page


def test_the_admin_front_page_counts_entries_due_for_review(redaktoer):
    today = timezone.localdate()
    make_initiative(title="Aldrig gennemgået")
    make_initiative(title="Nyligt gennemgået", last_reviewed=today)

    page = redaktoer.get("/admin/").content.decode()

    assert "Ikke gennemgået i over et år" in page
    assert '?gennemgaaet=over-et-aar">Indsatser</a>: 1' in page


def test_acronyms_are_typed_as_a_comma_separated_list_not_json(redaktoer):
    method = make_method(aliases=["MI"])
    page = redaktoer.get(admin_url(method))
    data = form_data(page)
    assert data["aliases"] == "MI"
    data["aliases"] = "MI, Motiverende interview"

    assert redaktoer.post(admin_url(method), data).status_code == 302
    method.refresh_from_db()
    assert method.aliases == ["MI", "Motiverende interview"]

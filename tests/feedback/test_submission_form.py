"""Readers report an experience or suggest a correction: the form, its protections, the queue."""

from __future__ import annotations

import pytest
from django.core import mail
from django.test import Client

from catalogue.models import Experience, Status
from feedback.models import Submission
from tests.factories import make_initiative, make_method, make_organisation, make_user

from .helpers import aged_token, correction_data, experience_data, post

pytestmark = pytest.mark.django_db


@pytest.fixture
def initiative():
    return make_initiative(slug="nedsaette-et-banderaad", title="Nedsætte et banderåd")


def form_url(initiative, action="erfaring") -> str:
    return f"/bidrag/indsatser/{initiative.slug}/{action}/"


def test_entry_pages_link_to_the_two_forms_and_carry_no_form_or_cookie(initiative):
    method = make_method()
    for entry, base in ((initiative, "indsatser"), (method, "metoder")):
        response = Client().get(entry.get_absolute_url())
        page = response.content.decode()
        assert "Vi har også erfaring med dette" in page
        assert f'href="/bidrag/{base}/{entry.slug}/erfaring/"' in page
        assert f'href="/bidrag/{base}/{entry.slug}/rettelse/"' in page
        assert 'method="post"' not in page and "csrfmiddlewaretoken" not in page
        assert response.cookies == {}


def test_the_organisation_page_links_to_both_forms():
    organisation = make_organisation(slug="albertslund")
    page = Client().get(organisation.get_absolute_url()).content.decode()
    assert 'href="/bidrag/organisationer/albertslund/erfaring/"' in page
    assert 'href="/bidrag/organisationer/albertslund/rettelse/"' in page
    assert "Foreslå en rettelse" in page


def test_the_form_page_sets_no_cookie_and_is_never_cached(initiative):
    response = Client().get(form_url(initiative))
    assert response.status_code == 200
    assert response.cookies == {}
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    page = response.content.decode()
    assert "Nedsætte et banderåd" in page
    assert 'name="formular"' in page and "csrfmiddlewaretoken" not in page


def test_a_report_waits_in_the_queue_and_never_appears_publicly(initiative):
    make_user("Redaktør", email="redaktoer@example.dk")
    response = post(form_url(initiative), experience_data("indsats", initiative))

    assert response.status_code == 302 and response["Location"] == "/bidrag/tak/"
    submission = Submission.objects.get()
    assert submission.status == Submission.Status.NEW
    assert submission.initiative == initiative
    assert submission.organisation_name == "Testrup Kommune"
    assert Experience.objects.count() == 0
    page = Client().get(initiative.get_absolute_url()).content.decode()
    assert "Testrup" not in page and "to år med SSP" not in page
    assert [m.to for m in mail.outbox] == [["redaktoer@example.dk"]]
    assert "Testrup" not in mail.outbox[0].body  # the editors' mail carries no reader data


def test_a_correction_is_stored_for_the_entry(initiative):
    data = correction_data("indsats", initiative, text="Telefonnummeret er forkert.")
    response = post(form_url(initiative, "rettelse"), data)
    assert response.status_code == 302
    assert Submission.objects.get().kind == Submission.Kind.CORRECTION


def test_an_organisation_reports_experience_with_an_entry_from_its_own_page(initiative):
    organisation = make_organisation(slug="ishoej")
    data = {
        "formular": aged_token(f"organisation:erfaring:{organisation.pk}"),
        "entry": f"indsats-{initiative.pk}",
        "text": "Vi har også prøvet det.",
    }
    response = post(f"/bidrag/organisationer/{organisation.slug}/erfaring/", data)
    assert response.status_code == 302
    submission = Submission.objects.get()
    assert (submission.initiative, submission.organisation) == (initiative, organisation)


def test_the_honeypot_stores_nothing_but_looks_like_success(initiative):
    data = experience_data("indsats", initiative, hjemmeside="http://spam.example")
    response = post(form_url(initiative), data)
    assert response.status_code == 302
    assert Submission.objects.count() == 0


def test_a_form_sent_faster_than_a_person_can_is_refused_with_a_fresh_token(initiative):
    data = experience_data("indsats", initiative, formular=aged_token("indsats:erfaring:1", 0))
    data["formular"] = aged_token(f"indsats:erfaring:{initiative.pk}", seconds=0.5)
    response = post(form_url(initiative), data)
    assert response.status_code == 400
    assert "meget hurtigt" in response.content.decode()
    assert "Vi har kørt forløbet" in response.content.decode()  # nothing typed is lost
    assert Submission.objects.count() == 0


@pytest.mark.parametrize(
    "token",
    ["", "forfalsket", "eyJzIjoiaW5kc2F0czplcmZhcmluZzoxIiwidCI6MH0:1abc:forfalsket"],
)
def test_a_missing_or_forged_token_is_refused(initiative, token):
    response = post(form_url(initiative), experience_data("indsats", initiative, formular=token))
    assert response.status_code == 400
    assert Submission.objects.count() == 0


def test_a_token_from_another_page_is_refused(initiative):
    other = make_initiative()
    data = experience_data(
        "indsats", initiative, formular=aged_token(f"indsats:erfaring:{other.pk}")
    )
    assert post(form_url(initiative), data).status_code == 400


def test_an_expired_form_is_refused(initiative, settings):
    settings.FEEDBACK_FORM_MAX_AGE_SECONDS = 60
    data = experience_data("indsats", initiative)
    data["formular"] = aged_token(f"indsats:erfaring:{initiative.pk}", seconds=3600)
    response = post(form_url(initiative), data)
    assert response.status_code == 400 and "for længe" in response.content.decode()


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_SEC_FETCH_SITE": "cross-site"},
        {"HTTP_SEC_FETCH_SITE": "same-site"},
        {"HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_ORIGIN": "null"},
    ],
)
def test_a_post_from_another_site_is_refused(initiative, headers):
    response = post(form_url(initiative), experience_data("indsats", initiative), **headers)
    assert response.status_code == 403
    assert Submission.objects.count() == 0


@pytest.mark.parametrize(
    "headers", [{"HTTP_SEC_FETCH_SITE": "same-origin"}, {"HTTP_ORIGIN": "http://testserver"}]
)
def test_a_post_from_the_site_itself_is_accepted(initiative, headers):
    response = post(form_url(initiative), experience_data("indsats", initiative), **headers)
    assert response.status_code == 302


def test_the_rate_limit_stops_one_address_but_not_another(initiative, settings):
    settings.FEEDBACK_RATE_LIMIT = 3
    statuses = [
        post(form_url(initiative), experience_data("indsats", initiative)).status_code
        for _ in range(4)
    ]
    assert statuses == [302, 302, 302, 429]
    other = post(form_url(initiative), experience_data("indsats", initiative), address="10.0.0.2")
    assert other.status_code == 302
    assert Submission.objects.count() == 4


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("text", "x" * 4001, "4000 tegn"),
        ("remark", "x" * 2001, "2000 tegn"),
        ("organisation_name", "x" * 201, "200 tegn"),
        ("text", "før\x00efter", "Null"),
        ("email", "ikke-en-adresse", "gyldig e-mail"),
        ("text", "", "påkrævet"),
    ],
)
def test_bad_input_gets_a_danish_message_and_stores_nothing(initiative, field, value, message):
    response = post(form_url(initiative), experience_data("indsats", initiative, **{field: value}))
    assert response.status_code == 400
    assert message.lower() in response.content.decode().lower()
    assert Submission.objects.count() == 0


def test_an_organisation_is_required(initiative):
    data = experience_data("indsats", initiative, organisation_name="")
    response = post(form_url(initiative), data)
    assert "Vælg jeres organisation" in response.content.decode()


def test_drafts_and_unknown_entries_have_no_form():
    draft = make_initiative(status=Status.DRAFT)
    assert Client().get(form_url(draft)).status_code == 404
    assert Client().get("/bidrag/indsatser/findes-ikke/erfaring/").status_code == 404

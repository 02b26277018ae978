"""The button "Kontakt kommuner med erfaring" opens the directory filtered by the entry, so the
list (and its exports) holds the contacts tagged with it, named after the entry."""

import re

import pytest
from django.test import Client

from catalogue import links
from catalogue.models import Status
from tests.factories import (
    make_contact,
    make_experience,
    make_initiative,
    make_method,
    make_organisation,
    make_theme,
)

pytestmark = pytest.mark.django_db


def contact_button(html: str) -> str | None:
    match = re.search(r'href="([^"]*)">Kontakt kommuner med erfaring<', html)
    return match and match.group(1).replace("&amp;", "&")


def test_an_initiatives_button_filters_the_directory_by_the_initiative():
    mentor = make_initiative(slug="mentorordninger", themes=[make_theme()])
    for name in ("Albertslund", "Ishøj", "Odense"):
        make_experience(make_organisation(short_name=name), mentor)
    tagged_only = make_contact(unit="Mentorkorpset", initiatives=[mentor])

    url = contact_button(Client().get(mentor.get_absolute_url()).content.decode())

    assert url == "/kontakter/?indsats=mentorordninger"
    directory = Client().get(url).content.decode()
    assert tagged_only.unit in directory
    export = Client().get(url.replace("/kontakter/", "/kontakter/eksport.csv"))
    assert "kontakter-mentorordninger-" in export["Content-Disposition"]


def test_a_methods_button_filters_the_directory_by_the_method():
    method = make_method(slug="motiverende-samtaler")
    make_experience(make_organisation(), method)

    url = contact_button(Client().get(method.get_absolute_url()).content.decode())

    assert url == "/kontakter/?metode=motiverende-samtaler"


def test_a_draft_preview_falls_back_to_its_organisations(admin_client):
    draft = make_method(slug="kladde", status=Status.DRAFT)
    make_experience(make_organisation(slug="ishoej"), draft)

    url = contact_button(admin_client.get(draft.get_absolute_url()).content.decode())

    assert url == "/kontakter/?organisation=ishoej"


def test_without_a_directory_the_pages_show_no_contact_button(monkeypatch):
    monkeypatch.setattr(links, "_directory", None)
    method = make_method()
    make_experience(make_organisation(), method)

    html = Client().get(method.get_absolute_url()).content.decode()

    assert contact_button(html) is None
    assert "Kommune" in html  # the experience itself is still listed

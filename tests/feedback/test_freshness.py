"""Freshness you can see: "Indhold gennemgået <dato>" on entries and "Kontakt bekræftet <dato>"
on contact points, marked when older than 12 months, and listed for editors."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client
from django.utils import timezone
from django.utils.formats import date_format

from tests.factories import make_contact, make_initiative, make_method, make_organisation, make_user

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
LAST_MONTH = TODAY - datetime.timedelta(days=30)
TWO_YEARS_AGO = TODAY - datetime.timedelta(days=730)


def page(url: str) -> str:
    return Client().get(url).content.decode()


def day(d: datetime.date) -> str:
    return date_format(d, "j. F Y")


def test_an_entry_shows_when_its_content_was_reviewed():
    initiative = make_initiative(last_reviewed=LAST_MONTH)
    html = page(initiative.get_absolute_url())
    assert f"Indhold gennemgået {day(LAST_MONTH)}." in html
    assert "over et år siden" not in html


def test_content_reviewed_over_a_year_ago_is_marked():
    method = make_method(last_reviewed=TWO_YEARS_AGO)
    html = page(method.get_absolute_url())
    assert f"Indhold gennemgået {day(TWO_YEARS_AGO)}" in html
    assert "(over et år siden)" in html and "reviewed--old" in html


def test_content_never_reviewed_says_so():
    html = page(make_initiative().get_absolute_url())
    assert "Indholdet er endnu ikke gennemgået af redaktionen." in html


def test_contact_cards_show_when_the_contact_confirmed_itself():
    organisation = make_organisation()
    make_contact(organisation=organisation, unit="SSP", confirmed_on=LAST_MONTH)
    make_contact(organisation=organisation, unit="Politi", confirmed_on=TWO_YEARS_AGO)
    make_contact(organisation=organisation, unit="Ny")
    for html in (page(organisation.get_absolute_url()), page("/kontakter/")):
        assert f"Kontakt bekræftet {day(LAST_MONTH)}." in html
        assert f"Kontakt bekræftet {day(TWO_YEARS_AGO)} <strong" in html
        assert html.count("(over et år siden)") == 1
        assert "Kontakten har ikke selv bekræftet oplysningerne endnu." in html


def test_editors_can_list_contacts_not_confirmed_for_a_year():
    make_contact(unit="Bekræftet for nylig", confirmed_on=LAST_MONTH)
    make_contact(unit="Bekræftet for længe siden", confirmed_on=TWO_YEARS_AGO)
    make_contact(unit="Aldrig bekræftet")
    client = Client()
    client.force_login(make_user("Kontaktansvarlig"))
    html = client.get("/admin/contacts/contactpoint/?bekraeftet=over-et-aar").content.decode()
    assert "Bekræftet for længe siden" in html and "Aldrig bekræftet" in html
    assert "Bekræftet for nylig" not in html

"""A small directory shaped like the catalogue's "Tag kontakt" tables."""

from types import SimpleNamespace

import pytest

from catalogue.models import Experience, Organisation
from tests.factories import (
    make_contact,
    make_initiative,
    make_method,
    make_organisation,
    make_theme,
)


@pytest.fixture
def directory(db):
    oevrige = Organisation.Region.OEVRIGE
    family = make_theme(slug="familie", name="Familie")
    bridge = make_theme(slug="brobygning", name="Brobygning")
    mentor = make_initiative(slug="mentorordninger", title="Mentorordninger")
    mi = make_method(slug="motiverende-samtaler", title="Motiverende samtaler", aliases=["MI"])
    rgp = make_method(slug="rgp", title="Rådgivningsprogram", aliases=["RGP"])
    albertslund = make_organisation(slug="albertslund", short_name="Albertslund", order=1)
    roedovre = make_organisation(slug="roedovre", short_name="Rødovre", order=2)
    ishoej = make_organisation(slug="ishoej", short_name="Ishøj", order=3)
    odense = make_organisation(slug="odense", short_name="Odense", region=oevrige, order=4)
    aalborg = make_organisation(slug="aalborg", short_name="Aalborg", region=oevrige, order=5)
    Experience.objects.create(organisation=odense, initiative=mentor)
    contacts = SimpleNamespace(
        albertslund=make_contact(
            slug="albertslund-den-kriminalpraeventive-enhed",
            organisation=albertslund,
            unit="Den Kriminalpræventive Enhed",
            phones=["43686959"],
            emails=["kriminalpraeventive.enhed@albertslund.dk"],
            experience_tags=["Familie", "Motiverende samtaler", "RGP"],
            themes=[family],
            methods=[mi, rgp],
            order=1,
        ),
        roedovre=make_contact(
            slug="roedovre-boerne-og-kulturforvaltningen",
            organisation=roedovre,
            unit="Børne- og Kulturforvaltningen",
            phones=["36377000"],
            secure_mail=True,
            experience_tags=["Brobygning"],
            themes=[bridge],
            order=2,
        ),
        ishoej=make_contact(
            slug="ishoej-boern-unge-og-familie",
            organisation=ishoej,
            unit="Børn, unge og familie, Center for Børn og Forebyggelse",
            phones=["43577580"],
            emails=["ishojkommune@ishoj.dk"],
            secure_mail=True,
            experience_tags=["Mentorordninger", "Familie"],
            themes=[family],
            initiatives=[mentor],
            order=3,
        ),
        odense=make_contact(
            slug="odense-ssp-odense",
            organisation=odense,
            unit="SSP Odense",
            phones=["65515099"],
            emails=["sspodense@odense.dk"],
            experience_tags=["Banderåd", "Vredeshåndtering"],
            order=4,
        ),
        aalborg=make_contact(
            slug="aalborg-ssp-indsatsen",
            organisation=aalborg,
            unit="SSP+ indsatsen, Tryk Aalborg",
            phones=["99823420", "51716561"],
            experience_tags=["SSP 18+"],
            order=5,
        ),
        draft=make_contact(
            slug="albertslund-kladde",
            organisation=albertslund,
            unit="Kladdeenhed",
            emails=["kladde@albertslund.dk"],
            status="draft",
            order=6,
        ),
    )
    return SimpleNamespace(
        contacts=contacts, mentor=mentor, mi=mi, rgp=rgp, family=family, bridge=bridge
    )

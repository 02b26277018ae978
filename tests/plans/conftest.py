"""A small catalogue for the plans app's tests: initiatives, methods with questions, contacts."""

import pytest

from catalogue.models import Organisation, Source, Status
from tests.factories import (
    make_contact,
    make_experience,
    make_initiative,
    make_level,
    make_method,
    make_organisation,
    make_question,
    make_theme,
)


def build_catalogue() -> dict:
    social = make_level(slug="social", name="Social")
    family = make_theme(slug="familie", name="Familie")
    ishoej = make_organisation(slug="ishoej", short_name="Ishøj", name="Ishøj Kommune", order=1)
    herlev = make_organisation(slug="herlev", short_name="Herlev", name="Herlev Kommune", order=2)
    aarhus = make_organisation(
        slug="aarhus",
        short_name="Aarhus",
        name="Aarhus Kommune",
        region=Organisation.Region.OEVRIGE,
        order=3,
    )
    source = Source.objects.create(slug="fodnote-7", number=7, text="Socialstyrelsen (2020)")
    network = make_initiative(
        slug="foraeldrenetvaerk",
        title="Forældrenetværk",
        level=social,
        themes=[family],
        purpose="Forældre mødes og støtter hinanden.",
        target_group="Forældre til unge i risiko.",
        coordination="SSP-koordinator",
        order=1,
    )
    network.sources.add(source)
    street = make_initiative(
        slug="gadeplansarbejde", title="Gadeplansarbejde", level=social, order=2
    )
    clubs = make_initiative(slug="klubtilbud", title="Klubtilbud", level=social, order=3)
    make_initiative(slug="kladde", title="Kladde", level=social, status=Status.DRAFT)
    mentor = make_method(
        slug="mentorordninger",
        title="Mentorordninger",
        purpose="En mentor støtter den unge.",
        professionals="SSP-medarbejdere",
        order=1,
    )
    make_question(mentor, technique="Check-in", audience="Fagprofessionel til borger",
                  text="Hvor parat er du til dagens samtale?", order=1)  # fmt: skip
    make_question(mentor, technique="Check-in", audience="Fagprofessionel til borger",
                  text="Er der sket noget siden sidst?", order=2)  # fmt: skip
    make_question(mentor, technique="Opsummering", technique_text="Kun en teknik.",
                  audience="", text="", order=3)  # fmt: skip
    make_question(mentor, technique="Afrunding", audience="Fagprofessionel til forældre", order=4,
                  text="Hvad aftaler vi til næste gang – før, under og efter?")  # fmt: skip
    mi = make_method(slug="motiverende-samtaler", title="Motiverende samtaler", aliases=["MI"],
                     order=2)  # fmt: skip
    make_question(mi, technique="Åbne spørgsmål", audience="Fagprofessionel til borger",
                  text="Hvordan ser du selv på din situation?", order=1)  # fmt: skip
    make_experience(ishoej, network, note="i boligområdet")
    make_experience(aarhus, network)
    make_experience(herlev, mentor)
    make_experience(ishoej, street)
    make_contact(
        slug="ishoej-ssp",
        organisation=ishoej,
        unit="SSP Ishøj",
        phones=["43577000"],
        emails=["ssp@ishoj.dk"],
    )
    make_contact(slug="aarhus-ssp", organisation=aarhus, unit="SSP Aarhus", phones=["89402000"])
    return {
        "network": network,
        "street": street,
        "clubs": clubs,
        "mentor": mentor,
        "mi": mi,
        "orgs": [ishoej, herlev, aarhus],
    }


@pytest.fixture
def catalogue(db):
    return build_catalogue()

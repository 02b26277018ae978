"""/organisationer/ and /organisationer/<slug>/: what an organisation tried, and whom to call."""

import pytest

from catalogue.models import DevelopmentInitiative, Organisation, Status
from tests.catalogue.pagetext import links, text
from tests.factories import (
    make_catalogue,
    make_contact,
    make_experience,
    make_initiative,
    make_level,
    make_method,
    make_organisation,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def ishoej():
    org = make_organisation(slug="ishoej", short_name="Ishøj", name="Ishøj Kommune")
    make_experience(org, make_initiative(title="Gadeplansarbejde", level=make_level(name="Social")),
                    note="i boligområderne")  # fmt: skip
    make_experience(org, make_method(title="Mentorordninger"))
    make_experience(org, make_method(title="Kladde-metode", status=Status.DRAFT))
    development = DevelopmentInitiative.objects.create(
        slug="ungeindsats", title="Ungeindsats", description="En **ny** indsats."
    )
    development.organisations.add(org)
    make_contact(organisation=org, unit="SSP Ishøj", phones=["43576000"],
                 emails=["ssp@ishoej.dk"], secure_mail=True)  # fmt: skip
    make_contact(organisation=org, unit="Nedlagt enhed", status=Status.ARCHIVED)
    return org


def test_it_shows_experience_development_initiatives_and_contact_points(client, ishoej):
    response = client.get("/organisationer/ishoej/")
    page = text(response)

    assert "Ishøj Kommune" in page and "Kommune · Københavns Vestegn" in page
    assert "Gadeplansarbejde (Social) : i boligområderne" in page
    assert "Mentorordninger" in page and "Kladde-metode" not in page
    assert "Ungeindsats" in page and "<strong>ny</strong>" in response.content.decode()
    assert "SSP Ishøj" in page and "Nedlagt enhed" not in page
    assert links(response)["43 57 60 00"] == "tel:+4543576000"
    assert links(response)["ssp@ishoej.dk"] == "mailto:ssp@ishoej.dk"
    assert "Sikker Post" in page
    assert links(response)["Gadeplansarbejde"].startswith("/indsatser/")


def test_it_links_to_the_contacts_directory_filtered_to_the_organisation(client, ishoej):
    response = client.get("/organisationer/ishoej/")

    directory = [href for label, href in links(response).items() if "kontaktoversigten" in label]
    assert directory == ["/kontakter/?organisation=ishoej"]


def test_an_organisation_without_anything_says_so(client):
    make_organisation(slug="tom", short_name="Tom", name="Tom Kommune")

    page = text(client.get("/organisationer/tom/"))

    assert "Kataloget har ingen kontaktoplysninger for Tom Kommune" in page
    assert "Kataloget nævner ingen indsatser, som Tom har erfaring med" in page


def test_unknown_organisations_are_not_found(client):
    assert client.get("/organisationer/findes-ikke/").status_code == 404


def test_the_overview_groups_organisations_by_region_with_their_experience(client, ishoej):
    make_organisation(short_name="Aarhus", name="Aarhus Kommune",
                      region=Organisation.Region.OEVRIGE)  # fmt: skip

    response = client.get("/organisationer/")
    page = text(response)

    assert page.index("Københavns Vestegn") < page.index("Ishøj Kommune")
    assert page.index("Øvrige landet") < page.index("Aarhus Kommune")
    assert "Ishøj Kommune erfaring med 2" in page  # the draft method does not count
    assert links(response)["Ishøj Kommune"] == "/organisationer/ishoej/"


@pytest.mark.parametrize("size", [2, 25])
def test_organisation_pages_need_the_same_queries_however_large(
    client, django_assert_num_queries, size
):
    catalogue = make_catalogue(size)
    org = catalogue["organisations"][1]
    for i in range(size):
        make_contact(organisation=org, phones=[f"4357{i:04}"], emails=[f"k{i}@ishoej.dk"])

    # organisations, their experience counts (one grouped query), the catalogue revision
    with django_assert_num_queries(3):
        assert client.get("/organisationer/").status_code == 200
    # 8: the catalogue revision (page cache) and the glossary's profile card (catalogue.pagecards)
    with django_assert_num_queries(8):
        assert client.get(org.get_absolute_url()).status_code == 200

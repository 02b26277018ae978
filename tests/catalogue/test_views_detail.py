"""/indsatser/<slug>/ and /metoder/<slug>/: everything a staff member needs about one entry."""

import re

import pytest
from django.http import QueryDict

from catalogue.models import Source, Status
from tests.catalogue.pagetext import links, text
from tests.factories import (
    make_catalogue,
    make_experience,
    make_initiative,
    make_level,
    make_method,
    make_organisation,
    make_question,
    make_theme,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def initiative():
    level = make_level(slug="organisatorisk", name="Organisatorisk", table_title="Skema 1")
    theme = make_theme(slug="samarbejder-paa-tvaers", name="Samarbejder på tværs")
    item = make_initiative(
        slug="nedsaette-et-banderaad",
        title="Nedsætte et banderåd",
        level=level,
        themes=[theme],
        theme_text="Samarbejde på tværs",
        purpose="Kommunen tager stilling til et banderåd.",
        coordination="Direktion og ledelse.",
        target_group="Problemskabende ungegrupper.",
        experience_text="Aarhus, København og Odense Kommune",
        description="### Hvad er et banderåd?\n\nEt **tværfagligt** råd.\n\n- politi\n- kommune",
        read_more_page="19",
    )
    item.sources.add(Source.objects.create(slug="fodnote-1", number=1, text="34 af 98 kommuner"))
    aarhus = make_organisation(slug="aarhus", short_name="Aarhus", name="Aarhus Kommune")
    odense = make_organisation(slug="odense", short_name="Odense", name="Odense Kommune")
    make_experience(aarhus, item, note="siden 2011", order=1)
    make_experience(odense, item, order=2)
    return item


def test_it_shows_every_field_of_an_initiative(client, initiative):
    page = text(client.get("/indsatser/nedsaette-et-banderaad/"))

    for expected in (
        "Nedsætte et banderåd",
        "Organisatorisk (Skema 1)",
        "Samarbejder på tværs (i kataloget: “Samarbejde på tværs”)",
        "Problemskabende ungegrupper.",
        "Indhold og formål Kommunen tager stilling til et banderåd.",
        "Koordinering Direktion og ledelse.",
        "Aarhus Kommune : siden 2011",
        "I kataloget står der: Aarhus, København og Odense Kommune",
        "1. 34 af 98 kommuner",
        "Idekataloget (februar 2024), s. 19",
        "Afsnittet står i idekataloget (februar 2024) på s. 19.",
    ):
        assert expected in page


def test_the_long_description_is_rendered_from_markdown(client, initiative):
    html = client.get("/indsatser/nedsaette-et-banderaad/").content.decode()

    assert "<h3>Hvad er et banderåd?</h3>" in html
    assert "<strong>tværfagligt</strong>" in html
    assert "<li>politi</li>" in html


def test_markup_an_editor_types_into_a_description_is_made_harmless(client, initiative):
    initiative.description = (
        'Tekst <script>alert("x")</script> <img src=x onerror=alert(1)> '
        "[klik](javascript:alert(1)) [DKR](https://dkr.dk)"
    )
    initiative.save()

    html = client.get("/indsatser/nedsaette-et-banderaad/").content.decode()

    assert "<script>alert" not in html and "onerror" not in html and "javascript:" not in html
    assert '<a href="https://dkr.dk" rel="noopener noreferrer">DKR</a>' in html


def test_organisations_with_experience_link_to_their_page_and_to_their_contacts(client, initiative):
    response = client.get("/indsatser/nedsaette-et-banderaad/")

    assert links(response)["Aarhus Kommune"] == "/organisationer/aarhus/"
    contact = links(response)["Kontakt kommuner med erfaring"]
    path, query = contact.split("?")
    assert path == "/kontakter/"
    assert QueryDict(query).getlist("indsats") == ["nedsaette-et-banderaad"]  # the entry itself


def test_it_suggests_related_initiatives_of_the_same_theme_or_level(client, initiative):
    level, theme = initiative.level, initiative.themes.get()
    make_initiative(title="Samme tema", level=make_level(), themes=[theme])
    make_initiative(title="Samme niveau", level=level)
    make_initiative(title="Intet til fælles", level=make_level())
    make_initiative(title="Kladde med samme tema", level=level, status=Status.DRAFT)

    page = text(client.get("/indsatser/nedsaette-et-banderaad/"))
    related = page.split("Relaterede indsatser", 1)[1]

    assert related.index("Samme tema") < related.index("Samme niveau")
    assert "Intet til fælles" not in related and "Kladde" not in related


def test_drafts_and_unknown_slugs_are_not_found(client, initiative):
    initiative.status = Status.DRAFT
    initiative.save()

    assert client.get("/indsatser/nedsaette-et-banderaad/").status_code == 404
    assert client.get("/indsatser/findes-ikke/").status_code == 404
    assert client.get("/metoder/findes-ikke/").status_code == 404


def test_method_examples_read_in_the_order_they_were_written(client):
    method = make_method(
        slug="motiverende-samtaler", title="Motiverende samtaler", aliases=["MI"],
        professionals="SSP-medarbejdere",
    )  # fmt: skip
    to_citizen, to_parents = "Fagprofessionel til borger", "Fagprofessionel til forældre"
    make_question(method, kind="text", text="Spørg fx sådan:")
    make_question(method, kind="technique", technique="Åbne spørgsmål",
                  technique_text="åbner for dialog.")  # fmt: skip
    make_question(method, kind="audience", audience=to_citizen)
    make_question(method, text="Hvad er grunden til, at du er her?")
    make_question(method, kind="audience", audience=to_parents)
    make_question(method, text="Hvad ser I?")
    make_question(method, kind="remark", text="→ (en bemærkning)")
    make_question(method, kind="technique", technique="Refleksion")
    make_question(method, kind="audience", audience=to_citizen)
    make_question(method, text="Du siger, at ...")
    make_question(method, kind="text", text="Og mange flere.")

    response = client.get("/metoder/motiverende-samtaler/")
    html = response.content.decode()
    page = text(response)

    assert "Metode · MI" in page and "SSP-medarbejdere" in page
    assert re.findall(r"<h3>(.*?)</h3>", html)[:2] == ["Åbne spørgsmål", "Refleksion"]
    cell = page.split("Eksempler på spørgsmål", 1)[1].split("Hvem har erfaring?", 1)[0]
    assert (
        cell.split()
        == (
            "Spørg fx sådan: Åbne spørgsmål åbner for dialog. Fagprofessionel til borger "
            "Hvad er grunden til, at "
            "du er her? Fagprofessionel til forældre Hvad ser I? → (en bemærkning) Refleksion "
            "Fagprofessionel til borger Du siger, at ... Og mange flere."
        ).split()
    )


def test_a_technique_without_a_question_renders_no_bullet(client):
    method = make_method(slug="rgp", title="RGP")
    make_question(method, kind="technique", technique="Cirkler", technique_text="Alle svarer.")
    make_question(method, kind="technique", technique="Genoprettende samtale")
    make_question(method, text="Hvad skete der?")

    html = client.get("/metoder/rgp/").content.decode()

    assert re.findall(
        r"<li[^>]*>(.*?)</li>", html.split('id="questions-heading"')[1].split("</section>")[0]
    ) == ["Hvad skete der?"]
    assert not re.search(r"<li[^>]*>\s*</li>", html)


@pytest.mark.parametrize("size", [2, 25])
def test_detail_pages_need_the_same_queries_however_large(client, django_assert_num_queries, size):
    catalogue = make_catalogue(size)
    initiative, method = catalogue["initiatives"][-1], catalogue["methods"][-1]

    with django_assert_num_queries(8):  # +1: the catalogue revision (page cache)
        assert client.get(initiative.get_absolute_url()).status_code == 200
    with django_assert_num_queries(7):  # +1: the catalogue revision (page cache)
        assert client.get(method.get_absolute_url()).status_code == 200


def test_an_editor_previewing_a_draft_is_told_it_is_not_public(client, initiative):
    from tests.factories import make_user

    initiative.status = Status.DRAFT
    initiative.save()
    client.force_login(make_user("Redaktør"))

    page = text(client.get("/indsatser/nedsaette-et-banderaad/"))

    assert "Forhåndsvisning: siden har status “Kladde” og er ikke offentlig" in page

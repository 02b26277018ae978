"""/metoder/<slug>/spoergekort/: a method's example questions as cards, or as a plain list."""

import pytest

from catalogue.models import Status
from plans.selectors import question_cards
from tests.catalogue.pagetext import text

pytestmark = pytest.mark.django_db


def test_question_cards_group_by_technique_and_audience_in_source_order(catalogue):
    groups = question_cards(catalogue["mentor"])

    assert [(g.technique, g.audience, [c.text for c in g.cards]) for g in groups] == [
        (
            "Check-in",
            "Fagprofessionel til borger",
            ["Hvor parat er du til dagens samtale?", "Er der sket noget siden sidst?"],
        ),
        (
            "Afrunding",
            "Fagprofessionel til forældre",
            ["Hvad aftaler vi til næste gang – før, under og efter?"],
        ),
    ]


def test_the_page_has_one_card_per_question_under_its_group(client, catalogue):
    response = client.get("/metoder/mentorordninger/spoergekort/")

    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('<li class="qcard">') == 3
    page = text(response)
    assert "3 kort" in page
    assert page.index("Check-in · Fagprofessionel til borger") < page.index(
        "Hvor parat er du til dagens samtale?"
    )
    assert "Opsummering" not in page  # a technique without a question makes no card


def test_the_list_view_prints_just_the_questions_with_the_technique_explained(client, catalogue):
    response = client.get("/metoder/mentorordninger/spoergekort/", {"visning": "liste"})

    html = response.content.decode()
    assert 'class="qcard"' not in html
    assert "<li>Er der sket noget siden sidst?</li>" in html
    assert 'aria-current="page">Kun spørgsmålene, som liste</a>' in html


def test_an_unknown_view_falls_back_to_cards_and_says_so(client, catalogue):
    response = client.get("/metoder/mentorordninger/spoergekort/", {"visning": "<b>x"})

    assert response.status_code == 200
    assert "Den visning findes ikke" in text(response)
    assert response.content.decode().count('<li class="qcard">') == 3


def test_a_method_without_questions_says_so(client, catalogue):
    catalogue["mi"].questions.all().delete()

    assert "Ingen eksempler på spørgsmål" in text(
        client.get("/metoder/motiverende-samtaler/spoergekort/")
    )


@pytest.mark.parametrize("slug", ["findes-ikke", "kladde-metode"])
def test_unknown_and_draft_methods_are_not_found(client, catalogue, slug):
    from tests.factories import make_method

    make_method(slug="kladde-metode", status=Status.DRAFT)

    assert client.get(f"/metoder/{slug}/spoergekort/").status_code == 404


def test_the_cards_need_a_fixed_number_of_queries(client, catalogue, django_assert_num_queries):
    with django_assert_num_queries(3):  # +1: the catalogue revision (page cache)
        client.get("/metoder/mentorordninger/spoergekort/")

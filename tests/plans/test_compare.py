"""/sammenlign/: 2–4 entries side by side, chosen in the URL."""

import pytest

from tests.catalogue.pagetext import links, text

pytestmark = pytest.mark.django_db

URL = "/sammenlign/"


def test_it_shows_the_chosen_entries_side_by_side_in_the_order_chosen(client, catalogue):
    response = client.get(URL, {"valgt": ["metode:mentorordninger", "indsats:foraeldrenetvaerk"]})

    assert response.status_code == 200
    page = text(response)
    assert "Sammenligning af 2 indsatser og metoder" in page
    assert page.index("Metode Mentorordninger") < page.index("Indsats Forældrenetværk")
    for expected in (
        "Forebyggelsesniveau",
        "Forældre mødes og støtter hinanden.",
        "Forældre til unge i risiko.",
        "SSP-koordinator",
        "SSP-medarbejdere",
        "Ishøj : i boligområdet",
        "Erfaring i øvrige landet",
        "Aarhus",
        "7. Socialstyrelsen (2020)",
    ):
        assert expected in page


def test_it_counts_a_methods_example_questions(client, catalogue):
    response = client.get(URL, {"valgt": ["metode:mentorordninger", "metode:motiverende-samtaler"]})

    html = response.content.decode()
    row = html.split("Eksempler på spørgsmål</th>", 1)[1].split("</tr>", 1)[0]
    assert [cell.split("<a")[0].split("</span>")[-1].strip() for cell in row.split("<td>")[1:]] == [
        "3",
        "1",
    ]


def test_one_entry_asks_for_another_and_keeps_the_choice_in_the_list_links(client, catalogue):
    response = client.get(URL, {"valgt": "indsats:gadeplansarbejde"})

    assert response.status_code == 200
    assert "Vælg mindst én mere" in text(response)
    assert links(response)["indsatser"] == "/indsatser/?valgt=indsats%3Agadeplansarbejde"


def test_unknown_and_malformed_values_get_a_danish_message_and_400(client, catalogue):
    response = client.get(
        URL,
        {"valgt": ["indsats:findes-ikke", "<script>alert(1)</script>", "metode:mentorordninger"]},
    )

    assert response.status_code == 400
    page = text(response)
    assert "Kataloget har ingen indsats med navnet “findes-ikke”" in page
    assert "er ikke en indsats eller metode" in page
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_drafts_cannot_be_compared(client, catalogue):
    response = client.get(URL, {"valgt": ["indsats:kladde", "indsats:gadeplansarbejde"]})

    assert response.status_code == 400
    assert "Kataloget har ingen indsats med navnet “kladde”" in text(response)


def test_five_entries_show_the_first_four_and_say_so(client, catalogue):
    values = [
        "indsats:foraeldrenetvaerk",
        "indsats:gadeplansarbejde",
        "indsats:klubtilbud",
        "metode:mentorordninger",
        "metode:motiverende-samtaler",
    ]
    response = client.get(URL, {"valgt": values})

    assert response.status_code == 400
    assert "Sammenligning af 4 indsatser og metoder" in text(response)
    assert "højst have 4" in text(response)
    assert "Motiverende samtaler" not in text(response).split("højst have 4")[1]


def test_the_plan_form_offers_every_compared_entry_checked(client, catalogue):
    response = client.get(URL, {"valgt": ["indsats:klubtilbud", "metode:mentorordninger"]})

    html = response.content.decode()
    form = html.split('action="/handleplan/"', 1)[1].split("</form>", 1)[0]
    assert 'name="valgt" value="indsats:klubtilbud" checked' in form
    assert 'name="valgt" value="metode:mentorordninger" checked' in form


def test_it_sets_no_cookie_and_needs_a_fixed_number_of_queries(
    client, catalogue, django_assert_num_queries
):
    values = ["indsats:foraeldrenetvaerk", "indsats:klubtilbud", "metode:mentorordninger"]
    with django_assert_num_queries(9):  # +1: the catalogue revision (page cache)
        response = client.get(URL, {"valgt": values})
    assert response.cookies == {}
    assert response.status_code == 200

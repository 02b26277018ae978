"""Reading a selection from the URL: order, duplicates, malformed values, limits, title."""

from django.http import QueryDict

from plans import selection


def read(query: str, limit: int = 4):
    return selection.read(QueryDict(query), limit=limit, noun="en sammenligning")


def test_it_keeps_the_order_chosen_and_drops_repeats():
    chosen = read("valgt=metode:mi&valgt=indsats:a&valgt=metode:mi")

    assert chosen.values == ["metode:mi", "indsats:a"]
    assert chosen.problems == []


def test_a_malformed_value_is_named_in_danish():
    chosen = read("valgt=metode:mi&valgt=bog:x&valgt=indsats:%27%20OR%201%3D1&valgt=indsats")

    assert chosen.values == ["metode:mi"]
    assert len(chosen.problems) == 3
    assert "“bog:x” er ikke en indsats eller metode" in chosen.problems[0]


def test_more_than_the_limit_keeps_the_first_and_says_so():
    chosen = read("&".join(f"valgt=indsats:i{n}" for n in range(6)))

    assert chosen.values == [f"indsats:i{n}" for n in range(4)]
    assert chosen.problems == [
        "I kan højst have 4 indsatser og metoder i en sammenligning; "
        "de første 4 er vist, de sidste 2 er udeladt."
    ]


def test_a_flood_of_values_is_not_read_at_all():
    chosen = read("&".join(f"valgt=indsats:i{n}" for n in range(900)), limit=12)

    assert len(chosen.values) == 12
    assert "kun de første 50 er læst" in chosen.problems[0]


def test_the_title_is_trimmed_and_cut_at_the_limit():
    assert read("titel=%20SSP-m%C3%B8de%20%20marts%20").title == "SSP-møde marts"
    long = read("titel=" + "æ" * 500)
    assert long.title == "æ" * selection.MAX_TITLE
    assert "højst være 120 tegn" in long.problems[0]


def test_query_round_trips_through_read():
    query = selection.query(["indsats:a", "metode:b"], title="Plan for Ishøj")

    chosen = selection.read(QueryDict(query), limit=12, noun="en handleplan")

    assert (chosen.values, chosen.title) == (["indsats:a", "metode:b"], "Plan for Ishøj")

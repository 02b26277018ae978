"""Search ranks in the database and loads only the documents that can reach the top ``limit``.

A small limit must give exactly the head of the full ranking, including ties broken past the
rows the database returns first.
"""

import pytest

from catalogue.search import analysis, engine, rebuild_index, search
from catalogue.search.expand import expand
from tests.factories import make_initiative, make_method

pytestmark = pytest.mark.django_db


def _ranking(query: str, limit: int) -> list[tuple[str, str, float]]:
    return [(h.title, h.url, h.score) for h in search(query, limit=limit)]


@pytest.fixture
def varied():
    """Forty entries that match the queries with many different scores (and some ties)."""
    for i in range(20):
        make_initiative(
            title=f"Samtaler {i}" if i % 4 == 0 else f"Indsats {i}",
            purpose=" ".join(["samtaler"] * (i % 5) + ["unge"] * (i % 3)) or "Tryghed.",
            description="Bekymringssamtaler med forældre." if i % 6 == 0 else "",
        )
        make_method(
            title=f"Metode {i}",
            purpose="Samtaler med unge." if i % 2 else "Unge i fællesskab.",
            aliases=["bekymringssamtale"] if i % 7 == 0 else [],
        )
    rebuild_index()


@pytest.mark.parametrize("query", ["samtaler unge", "bekymringssamtaler", "samtal", "unge"])
def test_a_small_limit_gives_the_head_of_the_full_ranking(varied, query):
    full = _ranking(query, 1000)
    assert len(full) > 5
    for limit in (n for n in (1, 2, 5, 12) if n < len(full)):
        assert _ranking(query, limit) == full[:limit]


def test_many_tied_entries_keep_the_catalogue_order(db):
    # identical text, so identical scores; the catalogue order must decide, and the entries
    # first in that order are created last (highest ids)
    for i in range(60):
        make_initiative(title=f"Indsats {i:02}", purpose="Samtaler med unge.", order=60 - i)
    rebuild_index()
    top = [h.title for h in search("samtaler unge", limit=5)]
    assert top == ["Indsats 59", "Indsats 58", "Indsats 57", "Indsats 56", "Indsats 55"]
    assert top == [h.title for h in search("samtaler unge", limit=100)][:5]


def test_an_exact_title_wins_a_tie_even_among_many(db):
    for i in range(60):
        make_initiative(title="Samtaler med unge", purpose="Tryghed.", order=i)
    # same terms in the same fields as the others, last in the catalogue order
    make_initiative(title="Samtaler unge", purpose="Tryghed med.", order=999)
    rebuild_index()
    assert search("samtaler unge", limit=3)[0].title == "Samtaler unge"


def test_it_scores_only_the_documents_that_can_reach_the_top(varied):
    words = analysis.query_words("samtaler unge")
    expansions = expand(words).expansions
    everything, *_ = engine._scores(expansions, 1000)
    bounded, *_ = engine._scores(expansions, 3)
    assert len(everything) >= 30
    assert len(bounded) < len(everything)
    assert sorted(everything.values(), reverse=True)[:3] == sorted(bounded.values())[::-1][:3]

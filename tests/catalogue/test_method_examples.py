"""A method's example cell ("(Korte) eksempler") as ordered blocks: pages, loader and admin.

The cell is a small document (text, technique + explanation, audience, question, remark): every
method page shows it in the source's order, and no list item is empty.
"""

import re
from html import unescape

import pytest

from catalogue.examples import ExampleKind
from catalogue.loading import FIXTURES_DIR, FixtureError, load_all
from catalogue.models import Method, Question
from tests.catalogue.admin_forms import admin_url, form_data
from tests.factories import make_method, make_question, make_user
from tests.fixtures.test_methods import examples_cells_plain
from tests.sourcetext import plain

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue(real_catalogue, db):
    """The real catalogue, loaded once for this module (tests/conftest.py)."""


def cell_text(html: str) -> str:
    """The visible text of the page's examples section, whitespace collapsed."""
    section = html.split('id="questions-heading"', 1)[1].split("</section>", 1)[0]
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", section)).split())


def pieces(block: Question) -> list[str]:
    """What a block shows, piece by piece (a question's carried context is not shown twice)."""
    if block.kind == ExampleKind.TECHNIQUE:
        values = [block.technique, block.technique_text]
    elif block.kind == ExampleKind.AUDIENCE:
        values = [block.audience]
    else:
        values = [re.sub(r"^\s*-\s+", "", line) for line in block.text.splitlines()]
    return [" ".join(v.split()) for v in values if v.strip()]


def test_every_method_page_reads_the_cell_in_the_sources_order(client, catalogue):
    source = examples_cells_plain()
    source_cursor = 0
    for method in Method.objects.order_by("order"):
        html = client.get(method.get_absolute_url()).content.decode()
        assert not re.search(r"<li\b[^>]*>\s*</li>", html), f"empty list item: {method.slug}"
        page = cell_text(html)
        page_cursor = 0
        for block in method.questions.order_by("order", "pk"):
            for piece in pieces(block):
                found = page.find(piece, page_cursor)
                assert found >= 0, (method.slug, piece, page[page_cursor : page_cursor + 100])
                page_cursor = found + len(piece)
                found = source.find(plain(piece), source_cursor)
                assert found >= 0, (method.slug, piece)
                source_cursor = found + len(plain(piece))


def test_the_cells_named_in_the_issue_read_as_the_source_does(client, catalogue):
    def page(slug):
        return cell_text(client.get(f"/metoder/{slug}/").content.decode())

    worry = page("bekymringssamtaler")
    order = [
        "Eksempler på spørgsmål fra betjent",
        "Hvordan oplever du de andre i klassen",
        "Samtalen består af tre faser:",
        "Kortlægning",
        "Ansvarliggørelse",
        "Tiltag",
        "Herefter har politiet ansvar",
    ]
    assert [worry.index(p) for p in order] == sorted(worry.index(p) for p in order)
    art = page("aggression-replacement-training-art")
    assert art.index("Hvorfor skal man udtrykke sine følelser?") < art.index("Og mange flere.")
    mi = page("motiverende-samtaler")
    assert "Du har ikke rigtig lyst til at være her → (anerkender at borgeren kan være vred" in mi


def test_asked_gives_the_questions_alone_in_source_order_with_their_context(catalogue):
    method = Method.objects.get(slug="relationsdannende-og-genoprettende-praksis-rgp")
    asked = list(method.questions.asked())

    assert [q.text for q in asked][:2] == ["Hvad skete der?", "Hvad tænkte du, da det skete?"]
    assert len(asked) == 6
    assert {q.technique for q in asked} == {"Genoprettende samtale"}
    assert asked[0].technique_text.startswith("RGP bygger på et konfliktsyn")
    mentor = Method.objects.get(slug="mentorordninger").questions.asked()
    assert {q.audience for q in mentor} == {"Fagprofessionel til borger"}
    assert mentor.last().technique == "Afrunding og næste møde"


def test_the_loader_refuses_a_question_block_that_names_its_own_technique(tmp_path):
    import shutil

    shutil.copytree(FIXTURES_DIR, tmp_path, dirs_exist_ok=True)
    path = tmp_path / "methods.toml"
    text = path.read_text(encoding="utf-8")
    bad = '  [[method.example]]\n  technique = "Check-in"\n  text = "Hvor parat er du?"\n'
    path.write_text(text.replace("  [[method.example]]\n", bad + "\n  [[method.example]]\n", 1))

    with pytest.raises(FixtureError, match="cannot have"):
        load_all(tmp_path)


@pytest.fixture
def redaktoer(client):
    client.force_login(make_user("Redaktør"))
    return client


def test_an_editor_who_renames_a_technique_renames_it_on_its_questions(redaktoer):
    method = make_method()
    make_question(method, kind="technique", technique="Check-in", technique_text="Parat?")
    question = make_question(method, text="Hvor parat er du?", technique="Check-in")
    data = form_data(redaktoer.get(admin_url(method)))
    data["questions-0-technique"] = "Indledning"

    assert redaktoer.post(admin_url(method), data).status_code == 302
    question.refresh_from_db()
    assert (question.technique, question.technique_text) == ("Indledning", "Parat?")
    assert question.history.first().history_user is not None


def test_an_editor_cannot_give_a_technique_block_a_question_text(redaktoer):
    method = make_method()
    make_question(method, kind="technique", technique="Check-in")
    data = form_data(redaktoer.get(admin_url(method)))
    data["questions-0-text"] = "Hvor parat er du?"

    response = redaktoer.post(admin_url(method), data)

    assert response.status_code == 200
    assert "skriv spørgsmålet som sin egen blok" in response.content.decode()
    assert not method.questions.filter(text="Hvor parat er du?").exists()

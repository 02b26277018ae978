"""How an entry's texts read on lists, cards and detail pages (issue 10, section 7).

No doubled abbreviation after a title, no footnote ending in a bare colon, the catalogue's quoted
paragraphs as paragraphs, and list items as list items (never raw dashes), also when truncated.
"""

import re

import pytest

from catalogue.models import Source
from tests.catalogue.admin_forms import admin_url
from tests.catalogue.pagetext import text
from tests.factories import make_method, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue(real_catalogue, db):
    """The real catalogue, loaded once for this module (tests/conftest.py)."""


def card_titles(html: str) -> list[str]:
    titles = re.findall(r'<h3 class="entry-card__title">(.*?)</h3>', html, re.S)
    return [" ".join(re.sub(r"<[^>]+>", " ", t).split()) for t in titles]


def test_a_title_that_holds_its_abbreviation_is_not_followed_by_it_again(client, catalogue):
    titles = card_titles(client.get("/metoder/").content.decode())

    assert "Løsningsfokuseret tilgang (LØFT)" in titles
    assert "Relations dannende- og Genoprettende Praksis (RGP)" in titles
    assert "Motiverende samtaler (MI)" in titles  # an alias the title lacks is still shown
    assert not [t for t in titles if re.search(r"(\(\w+\)) \1", t)]
    related = client.get("/metoder/aggression-replacement-training-art/").content.decode()
    assert not [t for t in card_titles(related) if re.search(r"(\(\w+\)) \1", t)]


def test_a_footnote_whose_link_was_lost_does_not_end_in_a_colon(client):
    method = make_method(slug="test-mi", title="MI")
    method.sources.add(
        Source.objects.create(slug="test-fodnote-905", number=905, text="Den Motiverende samtale:"),
        Source.objects.create(
            slug="test-fodnote-906",
            number=906,
            text="Kriminalforsorgen:",
            url="https://example.org/",
        ),
    )

    page = text(client.get("/metoder/test-mi/"))

    assert "905. Den Motiverende samtale 906." in page
    assert "906. Kriminalforsorgen: https://example.org/" in page
    assert Source.objects.get(number=905).text == "Den Motiverende samtale:"  # data as in source


def test_no_footnote_of_the_catalogue_ends_in_a_bare_colon(client, catalogue):
    for path in ("/metoder/motiverende-samtaler/", "/metoder/mentorordninger/"):
        html = client.get(path).content.decode()
        sources = html.split('id="sources-heading"', 1)[1].split("</section>", 1)[0]
        for item in re.findall(r"<li>(.*?)</li>", sources, re.S):
            assert not re.sub(r"<[^>]+>", "", item).strip().endswith(":"), item


def test_the_quoted_experience_column_keeps_its_paragraphs(client, catalogue):
    html = client.get("/metoder/motiverende-samtaler/").content.decode()
    quote = html.split("I kataloget står der:", 1)[1].split("</blockquote>", 1)[0]

    paragraphs = re.findall(r"<p>(.*?)</p>", quote, re.S)
    assert len(paragraphs) == 4
    assert paragraphs[1].startswith("I Glostrup Kommune arbejdes der generelt")


def test_list_items_in_a_table_text_are_a_list_on_the_card_and_the_page(client, catalogue):
    listing = client.get("/indsatser/?q=PRO-modellen").content.decode()
    card = listing.split("PRO-modellen", 1)[1].split("</li>\n</ul>", 1)[0]
    detail = client.get("/indsatser/pro-modellen/").content.decode()

    for html in (card, detail):
        assert "<li>Det proaktive område:" in html
        assert not re.search(r"[>\s]- Det (proaktive|reaktive)", html)
        assert not re.search(r"<li>\s*</li>", html)


def test_the_editor_note_in_admin_keeps_its_paragraphs(client, catalogue):
    client.force_login(make_user("Redaktør"))
    from catalogue.models import Method

    method = Method.objects.get(slug="motiverende-samtaler")
    html = client.get(admin_url(method)).content.decode()
    note = html.split('id="editor-note-title"', 1)[1].split("</div>", 1)[0]

    assert len(re.findall(r"<p>", note)) == len(method.editor_note.strip().split("\n\n"))

"""The first mention of a glossary term in a rendered text links to its entry in the Ordliste."""

import re

import pytest
from django.test import Client

from catalogue.models import Initiative, Status
from catalogue.templatetags.catalogue_tags import markdown
from glossary.linking import build_matcher, link_terms
from glossary.models import Term
from tests.catalogue.admin_forms import admin_url
from tests.factories import make_initiative, make_user

MATCHER = build_matcher(
    [
        ("ssp", ["SSP", "SSP-samarbejdet"]),
        ("ssp-18", ["SSP 18+"]),
        ("kredsraad", ["Kredsråd", "Kredsrådet"]),
        ("exit", ["Exit"]),
        ("paragraf-115", ["§115"]),
        ("paragraf-115-moeder", ["§115-møder"]),
        ("yls-cmi", ["YLS/CMI"]),
    ],
    "/ordliste/",
)
LINK = re.compile(r'<a href="/ordliste/#([^"]+)"[^>]*>([^<]*)</a>')


def links(html: str) -> list[tuple[str, str]]:
    return LINK.findall(html)


def link(html: str) -> str:
    return link_terms(html, matcher=MATCHER, linked=set())


def test_only_the_first_mention_of_a_term_is_linked():
    html = link("<p>SSP mødes. Senere mødes SSP igen, og SSP-samarbejdet fortsætter.</p>")
    assert links(html) == [("ssp", "SSP")]
    assert html.count("SSP") == 3


def test_whole_words_only_and_the_longest_name_wins():
    html = link("<p>Exitforløb, SSP 18+ og §115-møder; YLS/CMI-skemaet og SSPs møder.</p>")
    assert links(html) == [("ssp-18", "SSP 18+"), ("paragraf-115-moeder", "§115-møder")]


def test_acronyms_are_case_sensitive_and_ordinary_words_are_not():
    assert links(link("<p>ssp og exit og kredsrådet</p>")) == [
        ("exit", "exit"),
        ("kredsraad", "kredsrådet"),
    ]


def test_headings_links_and_code_are_left_alone_and_the_body_still_links():
    html = link(
        '<h3>SSP</h3><p><a href="https://example.dk">Kredsråd</a> <code>Exit</code></p>'
        "<p>SSP, Kredsråd og Exit</p>"
    )
    assert "<h3>SSP</h3>" in html
    assert '<a href="https://example.dk">Kredsråd</a>' in html
    assert "<code>Exit</code>" in html
    assert links(html) == [("ssp", "SSP"), ("kredsraad", "Kredsråd"), ("exit", "Exit")]


def test_entities_and_attributes_pass_through_unchanged():
    source = '<p title="SSP">A &amp; B &lt;SSP&gt; &#8211; <strong>Exit</strong></p>'
    html = link(source)
    assert html.startswith('<p title="SSP">A &amp; B &lt;')
    assert "&#8211;" in html
    assert links(html) == [("ssp", "SSP"), ("exit", "Exit")]


def test_a_term_linked_in_one_text_is_not_linked_again_in_the_next_on_the_same_page():
    page: set[str] = set()
    first = link_terms("<p>SSP</p>", matcher=MATCHER, linked=page)
    second = link_terms("<p>SSP og Exit</p>", matcher=MATCHER, linked=page)
    assert links(first) == [("ssp", "SSP")]
    assert links(second) == [("exit", "Exit")]


def test_an_excluded_term_is_never_linked():
    html = link_terms("<p>SSP og Exit</p>", matcher=MATCHER, linked=set(), exclude={"ssp"})
    assert links(html) == [("exit", "Exit")]


@pytest.mark.django_db
def test_the_markdown_filter_links_terms_and_stays_sanitised(loaded):
    html = str(
        markdown(
            "## SSP\n\nSSP og <script>alert(1)</script> [Kredsråd](javascript:alert(1)) "
            "og Kredsrådet <img src=x onerror=alert(1)>"
        )
    )
    assert "<script" not in html and "onerror" not in html and "javascript:" not in html
    assert "<h2>SSP</h2>" in html
    assert links(html) == [("ssp", "SSP"), ("kredsraad", "Kredsrådet")]


@pytest.mark.django_db
def test_an_entry_page_links_each_term_once(client, loaded):
    page = client.get("/indsatser/ssp-samarbejde-paa-tvaers/").content.decode()
    found = links(page)
    assert ("ssp-18", "SSP 18+") in found and ("bandepakke-4", "bandepakke 4") in found
    assert len({slug for slug, _ in found}) == len(found)  # each term at most once per page


@pytest.mark.django_db
def test_an_editor_can_turn_a_terms_links_off(client, loaded):
    url = "/indsatser/al-capone-metoden/"
    assert ("bandepakke-4", "Bandepakke 4") in links(client.get(url).content.decode())
    term = Term.objects.get(slug="bandepakke-4")
    term.link_in_texts = False
    term.save()
    assert [s for s, _ in links(client.get(url).content.decode()) if s == "bandepakke-4"] == []


@pytest.mark.django_db
def test_an_unpublished_term_is_not_linked(client, loaded):
    Term.objects.filter(slug="pspk").update(status=Status.DRAFT)
    slug = "tvaerfagligt-samarbejde-mellem-psykiatrien-og-kriminalpraeventive-indsatser"
    page = client.get(f"/indsatser/{slug}/")
    assert "pspk" not in [s for s, _ in links(page.content.decode())]


@pytest.mark.django_db
def test_the_admin_shows_the_text_without_links(loaded):
    initiative = Initiative.objects.get(slug="al-capone-metoden")
    client = Client()
    client.force_login(make_user("Redaktør"))
    page = client.get(admin_url(initiative)).content.decode()
    assert "Bandepakke 4" in page
    assert "/ordliste/#" not in page


@pytest.mark.django_db
def test_without_terms_the_text_is_unchanged(client):
    entry = make_initiative(slug="x", title="X", description="SSP og Kredsråd mødes.")
    page = client.get(entry.get_absolute_url()).content.decode()
    assert "SSP og Kredsråd mødes." in page
    assert links(page) == []

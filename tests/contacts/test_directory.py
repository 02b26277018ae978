"""/kontakter/: every contact point, filtered by the URL, with ways to call, write and export."""

import re
from urllib.parse import unquote

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import make_contact, make_organisation


def page(client, query=""):
    response = client.get(f"/kontakter/{query}")
    return response, response.content.decode()


def units(html: str) -> list[str]:
    return re.findall(r'<p class="contact-card__department">(.*?)</p>', html)


def test_it_lists_published_contacts_and_hides_drafts(client, directory):
    response, html = page(client)
    assert response.status_code == 200
    assert len(units(html)) == 5
    assert "Kladdeenhed" not in html


def test_phones_are_shown_in_pairs_and_dial_with_the_country_code(client, directory):
    _, html = page(client, "?organisation=albertslund")
    assert '<a href="tel:+4543686959">43 68 69 59</a>' in html


def test_emails_are_mailto_links(client, directory):
    _, html = page(client, "?organisation=albertslund")
    address = "kriminalpraeventive.enhed@albertslund.dk"
    assert f'href="mailto:{address}">' in html


def test_sikker_post_is_shown_clearly_where_there_is_no_email(client, directory):
    _, html = page(client, "?organisation=roedovre")
    assert "Ingen e-mail: skriv via Sikker Post (Digital Post)." in html
    _, html = page(client, "?organisation=ishoej")
    assert "Kan også kontaktes via Sikker Post" in html


def test_experience_tags_link_to_the_entries(client, directory):
    _, html = page(client, "?organisation=albertslund")
    mi = directory.mi.get_absolute_url()
    assert f'<a href="{mi}">Motiverende samtaler</a>' in html
    assert f'<a href="{directory.rgp.get_absolute_url()}">RGP</a>' in html
    assert '<a href="/indsatser/?tema=familie">Familie</a>' in html


def test_a_tag_without_an_entry_is_plain_text(client, directory):
    _, html = page(client, "?organisation=odense")
    assert "</span> Banderåd, Vredeshåndtering</p>" in html


def test_several_organisations_by_slug(client, directory):
    _, html = page(client, "?organisation=albertslund&organisation=odense")
    assert units(html) == ["Den Kriminalpræventive Enhed", "SSP Odense"]


def test_region(client, directory):
    _, html = page(client, "?region=oevrige")
    assert units(html) == ["SSP Odense", "SSP+ indsatsen, Tryk Aalborg"]


def test_theme(client, directory):
    _, html = page(client, "?tema=brobygning")
    assert units(html) == ["Børne- og Kulturforvaltningen"]


def test_initiative_includes_organisations_with_that_experience(client, directory):
    # Ishøj's contact lists Mentorordninger; Odense has the experience in the catalogue's table
    _, html = page(client, "?indsats=mentorordninger")
    assert units(html) == ["Børn, unge og familie, Center for Børn og Forebyggelse", "SSP Odense"]


def test_method(client, directory):
    _, html = page(client, "?metode=motiverende-samtaler")
    assert units(html) == ["Den Kriminalpræventive Enhed"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ssp", ["SSP Odense", "SSP+ indsatsen, Tryk Aalborg"]),
        ("BØRNE", ["Børne- og Kulturforvaltningen"]),  # Ø and ø alike, on SQLite too
        ("rødovre", ["Børne- og Kulturforvaltningen"]),
        ("banderåd", ["SSP Odense"]),  # an experience tag
        ("familie ishøj", ["Børn, unge og familie, Center for Børn og Forebyggelse"]),
        ("rådgivningsprogram", ["Den Kriminalpræventive Enhed"]),  # a tagged method's title
    ],
)
def test_free_text(client, directory, text, expected):
    _, html = page(client, f"?q={text}")
    assert units(html) == expected


def test_filters_combine(client, directory):
    _, html = page(client, "?tema=familie&region=vestegn&q=kriminal")
    assert units(html) == ["Den Kriminalpræventive Enhed"]


def test_chips_name_each_filter_and_remove_only_that_value(client, directory):
    _, html = page(client, "?organisation=albertslund&organisation=odense&q=ssp")
    chips = dict(
        (label, unquote(href))
        for href, label in re.findall(
            r'<a class="chip" href="\?([^"]*)"><span class="sr-only">Fjern filter </span>(.*?) <',
            html,
        )
    )
    assert chips["Organisation: Odense Kommune"] == "organisation=albertslund&amp;q=ssp"
    assert chips["Fritekst: ssp"] == "organisation=albertslund&amp;organisation=odense"


def test_an_empty_result_says_so_and_offers_the_way_back(client, directory):
    response, html = page(client, "?q=findesikke")
    assert response.status_code == 200
    assert "Ingen kontakter passer til det, I har valgt" in html
    assert 'href="/kontakter/"' in html


def test_an_unknown_organisation_is_reported_not_ignored(client, directory):
    response, html = page(client, "?organisation=findes-ikke")
    assert response.status_code == 400
    assert "Noget i adressen kunne ikke bruges" in html
    assert units(html) == []


def test_write_to_all_puts_every_address_in_bcc_once(client, directory):
    make_contact(
        organisation=directory.contacts.odense.organisation, emails=["sspodense@odense.dk"]
    )
    _, html = page(client, "?region=oevrige")
    [mailto] = re.findall(r'href="(mailto:\?bcc=[^"]*)"', html)
    assert unquote(mailto) == "mailto:?bcc=sspodense@odense.dk"


def test_write_to_all_notes_those_reachable_only_by_sikker_post(client, directory):
    _, html = page(client)
    [mailto] = re.findall(r'href="(mailto:\?bcc=[^"]*)"', html)
    assert unquote(mailto).removeprefix("mailto:?bcc=").split(",") == [
        "kriminalpraeventive.enhed@albertslund.dk",
        "ishojkommune@ishoj.dk",
        "sspodense@odense.dk",
    ]
    note = html.split("Kun via Sikker Post", 1)[1].split("</div>", 1)[0]
    assert "Rødovre Kommune, Børne- og Kulturforvaltningen" in note
    assert "Ishøj" not in note  # has an e-mail as well
    assert "Aalborg Kommune, SSP+ indsatsen, Tryk Aalborg" in html.split("Uden e-mail og", 1)[1]


def test_export_links_carry_the_current_filters(client, directory):
    _, html = page(client, "?tema=familie&q=kriminal")
    for ext in ("csv", "xlsx", "vcf"):
        assert f'href="/kontakter/eksport.{ext}?tema=familie&amp;q=kriminal"' in html


def test_each_contact_has_its_own_card_download(client, directory):
    _, html = page(client, "?organisation=odense")
    assert 'href="/kontakter/odense-ssp-odense.vcf"' in html


def test_the_page_runs_a_fixed_number_of_queries(client, directory):
    with CaptureQueriesContext(connection) as few:
        client.get("/kontakter/?region=vestegn")
    for i in range(20):
        make_contact(
            organisation=directory.contacts.albertslund.organisation,
            phones=[f"{30000000 + i}"],
            emails=[f"x{i}@albertslund.dk"],
            themes=[directory.family],
            methods=[directory.mi],
        )
    with CaptureQueriesContext(connection) as many:
        client.get("/kontakter/?region=vestegn")
    assert len(many) == len(few)


def test_it_names_chosen_organisations_that_have_no_contact_point(client, directory):
    # "Kontakt kommuner med erfaring" links every organisation with experience, with or without
    make_organisation(slug="greve", short_name="Greve")
    _, html = page(client, "?organisation=odense&organisation=greve")
    assert units(html) == ["SSP Odense"]
    assert "Kataloget har ingen kontaktoplysninger for" in html
    assert '<a href="/organisationer/greve/">Greve Kommune</a>' in html


def test_a_selection_too_long_for_a_mailto_link_offers_the_addresses_to_copy(client, directory):
    organisation = directory.contacts.albertslund.organisation
    for i in range(80):
        make_contact(organisation=organisation, emails=[f"en-lang-adresse-nr-{i}@albertslund.dk"])
    _, html = page(client, "?organisation=albertslund")
    assert 'href="mailto:' not in html.split('id="actions-heading"', 1)[1].split("</section>", 1)[0]
    assert "81 e-mailadresser, flere end et mailprogram kan åbne" in html
    assert "en-lang-adresse-nr-79@albertslund.dk" in html


def test_the_page_query_count_is_pinned(client, directory, django_assert_num_queries):
    # 2 to look up the chosen slugs, 1 for chosen organisations without contacts, count,
    # contacts, 5 prefetches, 2 for the mail list, 4 for the filter form's choices
    with django_assert_num_queries(17):  # +1: the catalogue revision (page cache)
        client.get("/kontakter/?organisation=albertslund&tema=familie")

"""What staff tripped over in the directory: ticked organisations lost far down their box, a
heading that said "the whole list" over a filtered one, e-mail addresses broken mid-word."""

import re

import pytest

pytestmark = pytest.mark.django_db


def facet_values(html: str, name: str) -> list[str]:
    return re.findall(rf'<input type="checkbox" name="{name}" value="([^"]+)"', html)


def checked_values(html: str, name: str) -> list[str]:
    tags = re.findall(rf'<input type="checkbox" name="{name}"[^>]*>', html)
    return [re.search(r'value="([^"]+)"', t).group(1) for t in tags if " checked" in t]


def test_ticked_organisations_come_first_in_their_list(client, directory):
    html = client.get("/kontakter/?organisation=aalborg&organisation=ishoej").content.decode()

    values = facet_values(html, "organisation")
    assert values[:2] == ["aalborg", "ishoej"]  # in the list's own order among themselves
    assert checked_values(html, "organisation") == ["aalborg", "ishoej"]
    assert sorted(values) == sorted(
        facet_values(client.get("/kontakter/").content.decode(), "organisation")
    )


def test_ticked_entries_come_first_in_their_lists_too(client, directory):
    html = client.get("/kontakter/?metode=rgp").content.decode()

    assert facet_values(html, "metode")[0] == "rgp"


def test_the_heading_over_the_exports_says_whether_the_list_is_filtered(client, directory):
    unfiltered = client.get("/kontakter/").content.decode()
    filtered = client.get("/kontakter/?region=vestegn").content.decode()

    assert "Brug hele listen" in unfiltered
    assert "Brug den filtrerede liste" in filtered
    assert "Brug hele listen" not in filtered


def test_an_email_address_may_break_only_after_the_at_sign_or_before_a_dot(client, directory):
    html = client.get("/kontakter/?organisation=albertslund").content.decode()

    assert (
        'href="mailto:kriminalpraeventive.enhed@albertslund.dk">'
        "kriminalpraeventive<wbr>.enhed@<wbr>albertslund<wbr>.dk</a>"
    ) in html

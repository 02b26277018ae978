"""/kontakter/eksport.vcf and /kontakter/<slug>.vcf: vCard 3.0 that address books import."""

import vobject

from contacts.exports import fold, vcard
from tests.factories import make_contact


def cards(data: bytes):
    return list(vobject.readComponents(data.decode("utf-8")))


def download(client, query=""):
    response = client.get(f"/kontakter/eksport.vcf{query}")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/vcard; charset=utf-8"
    return response, b"".join(response.streaming_content)


def test_one_card_per_contact_point_with_organisation_unit_phones_and_emails(client, directory):
    _, data = download(client, "?organisation=albertslund")
    [card] = cards(data)
    assert card.version.value == "3.0"
    assert card.fn.value == "Albertslund Kommune, Den Kriminalpræventive Enhed"
    assert card.org.value == ["Albertslund Kommune", "Den Kriminalpræventive Enhed"]
    assert card.tel.value == "+45 43 68 69 59"
    assert card.email.value == "kriminalpraeventive.enhed@albertslund.dk"
    assert "Erfaring med: Familie, Motiverende samtaler, RGP" in card.note.value


def test_it_holds_exactly_the_filtered_contacts(client, directory):
    _, data = download(client, "?tema=familie")
    units = sorted(card.org.value[1] for card in cards(data))
    assert units == [
        "Børn, unge og familie, Center for Børn og Forebyggelse",
        "Den Kriminalpræventive Enhed",
    ]


def test_every_number_and_address_is_on_the_card(client, directory):
    _, data = download(client, "?organisation=aalborg")
    [card] = cards(data)
    assert [tel.value for tel in card.contents["tel"]] == ["+45 99 82 34 20", "+45 51 71 65 61"]
    assert "email" not in card.contents


def test_sikker_post_is_noted_on_the_card(client, directory):
    _, data = download(client, "?organisation=roedovre")
    [card] = cards(data)
    assert "Sikker Post" in card.note.value


def test_lines_end_in_crlf_and_are_folded_at_75_octets(client, directory):
    _, data = download(client)
    lines = data.split(b"\r\n")
    assert b"\n" not in b"".join(lines)
    assert max(len(line) for line in lines) <= 75
    assert any(line.startswith(b" ") for line in lines)  # long lines were folded
    for line in lines:
        line.decode("utf-8")  # never folded inside a character


def test_folding_keeps_danish_letters_whole():
    line = "NOTE:" + "æøå" * 40
    folded = fold(line)
    assert all(len(part.encode()) <= 75 for part in folded.split("\r\n"))
    assert folded.replace("\r\n ", "") == line


def test_special_characters_are_escaped(db):
    contact = make_contact(unit="Børn; unge, familie\\test", experience_tags=["A, B", "C; D"])
    [card] = cards(vcard(contact).encode())
    assert card.org.value[1] == "Børn; unge, familie\\test"
    assert "A, B, C; D" in card.note.value


def test_a_single_contact_downloads_as_one_card(client, directory):
    response = client.get("/kontakter/odense-ssp-odense.vcf")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="kontakt-odense-ssp-odense.vcf"'
    [card] = cards(response.content)
    assert card.org.value == ["Odense Kommune", "SSP Odense"]


def test_a_draft_contact_has_no_public_card(client, directory):
    assert client.get("/kontakter/albertslund-kladde.vcf").status_code == 404


def test_the_uid_is_stable_so_a_reimport_updates_the_card(client, directory):
    first = cards(client.get("/kontakter/odense-ssp-odense.vcf").content)[0].uid.value
    second = cards(client.get("/kontakter/odense-ssp-odense.vcf").content)[0].uid.value
    other = cards(client.get("/kontakter/aalborg-ssp-indsatsen.vcf").content)[0].uid.value
    assert first == second != other

"""The source documents a glossary definition, a profile statement or a help section cites.

The set is fixed: the idea catalogue and the four documents copied into ``fixtures/sources/``
(see its README). Each is cited by a short code; the year dates every fact taken from it,
because a description from 2017 is history, not a promise about today.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class SourceDocument:
    code: str
    title: str  # the document's own title
    publisher: str
    year: int
    citation: str  # "Oplysninger fra ..." reads naturally after it
    source_file: str  # its text in fixtures/sources/ (read by the tests only)


DOCUMENTS: dict[str, SourceDocument] = {
    doc.code: doc
    for doc in (
        SourceDocument(
            "idekatalog-2024",
            "Idekatalog til forebyggelse af rekruttering til rocker- og bandemiljøer på "
            "Københavns Vestegn",
            "Strategisk Chefforum og Københavns Vestegns Politi",
            2024,
            "idekataloget, februar 2024",
            "000_c3619026dd3adf56.txt",
        ),
        SourceDocument(
            "siri-2021",
            "Rådgivningsforløb til kommuner om forebyggelse af rekruttering til bandekriminalitet",
            "Styrelsen for International Rekruttering og Integration (SIRI) og Socialstyrelsen",
            2021,
            "SIRI og Socialstyrelsens beskrivelse af rådgivningsforløbene, 2021",
            "001_1be09a49624485ea.txt",
        ),
        SourceDocument(
            "ishoej-2023",
            "Arbejdsnotat: Tryghed og Kriminalitetsforebyggelse – Leverance 1 & 2",
            "Ishøj Kommune",
            2023,
            "Ishøj Kommunes arbejdsnotat af 27. marts 2023",
            "002_bfe5a3e28e1aa680.txt",
        ),
        SourceDocument(
            "vallensbaek-2023",
            "Den sammenhængende kriminalitetsforebyggende indsats for SSP 2023-2026",
            "Vallensbæk Kommune",
            2023,
            "Vallensbæk Kommunes SSP-strategi 2023-2026",
            "003_07a9982f65660b21.txt",
        ),
        SourceDocument(
            "albertslund-2017",
            "Halvårsrapport, Den Kriminalpræventive Enhed, 1. halvår 2017",
            "Albertslund Kommune",
            2017,
            "Albertslund Kommunes halvårsrapport 2017 (Den Kriminalpræventive Enhed)",
            "004_626f4354b8458ca1.txt",
        ),
    )
}

CHOICES = [(doc.code, f"{doc.publisher}: {doc.title} ({doc.year})") for doc in DOCUMENTS.values()]


def document(code: str) -> SourceDocument | None:
    return DOCUMENTS.get(code)

"""How search reads Danish: tokens, stems, folding, compound parts, typos."""

import pytest

from catalogue.search import analysis


def test_it_folds_danish_letters_to_their_ascii_spellings():
    assert analysis.fold("Forældre Søskende Område") == "foraeldre soeskende omraade"
    assert analysis.fold("Café Zürich") == "cafe zuerich"


def test_it_stems_before_folding_so_danish_and_ascii_spellings_meet():
    assert analysis.term("forældre") == analysis.term("forældrene") == "foraeldr"
    assert analysis.term("samtale") == analysis.term("samtaler") == analysis.term("samtalen")
    # Folding first would hand the stemmer "oe"/"aa" and change the stem
    assert analysis.term("miljø") == "miljoe"


def test_short_tokens_are_exact_and_never_collide_with_stemmed_words():
    assert analysis.term("art") == analysis.term("ART") == "=art"
    assert analysis.term("arten") == "art"
    assert analysis.term("115") == "=115"


def test_it_splits_words_at_hyphens_and_symbols():
    assert analysis.tokens("SSP-samarbejde, §115 og 18+ møder") == [
        "ssp",
        "samarbejde",
        "115",
        "og",
        "18",
        "møder",
    ]


def test_query_words_drop_stopwords_and_duplicates():
    words = analysis.query_words("Hvad gør man med samtaler og samtalen?")
    assert [w.word for w in words] == ["samtaler"]  # "gør" is a question word (issue 13)


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("bekymringssamtaler", ("bekymring", "samtale")),
        ("forældrenetværk", ("foraeldre", "netvaerk")),
        ("søskendenetværk", ("soeskende", "netvaerk")),
        ("bandemiljøerne", ("bande", "miljoe")),
        ("kriminalitetsforebyggelse", ("kriminalitet", "forebyggelse")),
        ("gadeplansarbejde", ("gade", "plan", "arbejde")),
    ],
)
def test_it_splits_compound_words_into_curated_parts(word, parts):
    assert analysis.split_compound(analysis.fold(word)) == parts


@pytest.mark.parametrize("word", ["voldelige", "samtale", "kommunerne", "ab"])
def test_it_leaves_words_that_are_not_curated_compounds_whole(word):
    assert analysis.split_compound(analysis.fold(word)) == ()


def test_a_compound_query_word_carries_the_terms_of_its_parts():
    (word,) = analysis.query_words("foraeldrenetvaerk")
    assert word.parts == (analysis.term("forældre"), analysis.term("netværk"))


def test_prefix_matching_only_for_words_of_four_letters_or_more():
    art, mentor = analysis.query_words("ART mentor")
    assert art.prefix == "" and art.max_typos == 0
    assert mentor.prefix == "mentor" and mentor.max_typos == 1
    (long_word,) = analysis.query_words("netværkskortlægning")
    assert long_word.max_typos == 2


@pytest.mark.parametrize(
    ("a", "b", "distance"),
    [
        ("boligomrade", "boligomraade", 1),
        ("samtlaer", "samtaler", 1),  # two neighbours swapped
        ("mentorordnig", "mentorordning", 1),
        ("kitten", "sitting", 3),
        ("same", "same", 0),
    ],
)
def test_edit_distance(a, b, distance):
    assert analysis.edit_distance(a, b, 5) == distance


def test_edit_distance_stops_past_its_limit():
    assert analysis.edit_distance("aggression", "samtale", 2) == 3


def test_loose_forms_merge_the_ascii_spellings_of_danish_letters():
    assert analysis.loose(analysis.term("LØFT")) == analysis.loose(analysis.term("lofte"))
    assert analysis.loose(analysis.fold("boligområde")) == analysis.loose("boligomrade")


def test_plain_text_drops_markdown_markup():
    text = "### Overskrift\n\n- **fed** og *kursiv* tekst"
    assert analysis.plain_text(text) == "Overskrift\n\nfed og kursiv tekst"

"""The Indsatser/Metoder filters: combinations, facet counts, lenient handling of bad values."""

import pytest
from django.http import QueryDict

from catalogue import selectors
from catalogue.filters import InitiativeFilter, MethodFilter, audience_groups
from catalogue.models import Organisation, Status
from catalogue.search import rebuild_index
from tests.factories import (
    make_experience,
    make_initiative,
    make_level,
    make_method,
    make_organisation,
    make_question,
    make_theme,
)

pytestmark = pytest.mark.django_db


def initiatives(query: str) -> InitiativeFilter:
    return InitiativeFilter(QueryDict(query), queryset=selectors.initiatives_for_list())


def methods(query: str) -> MethodFilter:
    return MethodFilter(QueryDict(query), queryset=selectors.methods_for_list())


def titles(filterset) -> list[str]:
    return [entry.title for entry in filterset.qs]


@pytest.fixture
def catalogue():
    social = make_level(slug="social", name="Social")
    situational = make_level(slug="situationel", name="Situationel")
    family = make_theme(slug="familie", name="Familie")
    network = make_theme(slug="netvaerk", name="Netværk")
    ishoej = make_organisation(slug="ishoej", short_name="Ishøj")
    herlev = make_organisation(slug="herlev", short_name="Herlev")
    aarhus = make_organisation(
        slug="aarhus", short_name="Aarhus", region=Organisation.Region.OEVRIGE
    )
    parents = make_initiative(
        title="Forældrenetværk",
        level=social,
        themes=[family, network],
        target_group="Familier til det problemskabende individ.",
        description="Netværksmøder for forældre i boligområdet.",
    )
    street = make_initiative(
        title="Gadeplansarbejde",
        level=social,
        themes=[network],
        target_group="Problemskabende ungegrupper.",
    )
    planning = make_initiative(
        title="Kriminalpræventiv byplanlægning",
        level=situational,
        target_group="Problemskabende ungegrupper",
    )
    make_initiative(title="Kladde om familier", level=social, themes=[family], status=Status.DRAFT)
    make_experience(ishoej, parents)
    make_experience(herlev, street)
    make_experience(aarhus, planning)
    make_experience(ishoej, planning)
    return {"parents": parents, "street": street, "planning": planning}


def test_it_shows_every_published_initiative_and_no_draft_without_filters(catalogue):
    assert titles(initiatives("")) == [
        "Forældrenetværk", "Gadeplansarbejde", "Kriminalpræventiv byplanlægning"
    ]  # fmt: skip


def test_different_filters_narrow_each_other(catalogue):
    assert titles(initiatives("niveau=social&tema=familie")) == ["Forældrenetværk"]
    assert titles(initiatives("niveau=social&organisation=ishoej")) == ["Forældrenetværk"]
    assert titles(initiatives("tema=netvaerk&organisation=herlev")) == ["Gadeplansarbejde"]


def test_several_values_of_one_filter_widen_it(catalogue):
    assert titles(initiatives("organisation=ishoej&organisation=herlev")) == [
        "Forældrenetværk", "Gadeplansarbejde", "Kriminalpræventiv byplanlægning"
    ]  # fmt: skip
    assert titles(initiatives("niveau=social&niveau=situationel&tema=familie")) == [
        "Forældrenetværk"
    ]


def test_an_entry_with_two_matching_organisations_is_listed_once(catalogue):
    assert titles(initiatives("organisation=ishoej&organisation=aarhus")) == [
        "Forældrenetværk", "Kriminalpræventiv byplanlægning"
    ]  # fmt: skip


def test_region_keeps_entries_someone_in_that_region_has_tried(catalogue):
    assert titles(initiatives("region=oevrige")) == ["Kriminalpræventiv byplanlægning"]
    assert len(titles(initiatives("region=vestegn"))) == 3


def test_target_groups_spelt_with_and_without_a_full_stop_are_one_choice(catalogue):
    filterset = initiatives("maalgruppe=problemskabende-ungegrupper")

    choices = dict(filterset.filters["maalgruppe"].extra["choices"])

    assert choices == {
        "familier-til-det-problemskabende-individ": "Familier til det problemskabende individ",
        "problemskabende-ungegrupper": "Problemskabende ungegrupper",
    }
    assert titles(filterset) == ["Gadeplansarbejde", "Kriminalpræventiv byplanlægning"]


def test_facet_counts_say_how_many_entries_each_choice_leaves_with_the_other_filters(catalogue):
    facets = {facet.name: facet for facet in initiatives("niveau=social&tema=netvaerk").facets()}

    level_counts = {c.value: c.count for c in facets["niveau"].choices}
    theme_counts = {c.value: c.count for c in facets["tema"].choices}
    org_counts = {c.value: c.count for c in facets["organisation"].choices}

    # Levels are counted with the theme filter only: both social ones have Netværk.
    assert level_counts == {"social": 2, "situationel": 0}
    # Themes are counted with the level filter only; the draft about families is not counted.
    assert theme_counts == {"familie": 1, "netvaerk": 2}
    assert org_counts == {"ishoej": 1, "herlev": 1, "aarhus": 0}
    assert [c.value for c in facets["niveau"].choices if c.selected] == ["social"]


def test_unknown_values_are_dropped_and_reported_while_the_rest_still_filters(catalogue):
    filterset = initiatives("organisation=ishoej&organisation=atlantis&niveau=%00&tema=familie")

    assert titles(filterset) == ["Forældrenetværk"]
    assert ("Organisation med erfaring", "atlantis") in filterset.ignored
    assert ("Forebyggelsesniveau", "\x00") in filterset.ignored


def test_a_too_long_free_text_is_ignored_not_an_error(catalogue):
    filterset = initiatives("q=" + "x" * 500 + "&niveau=situationel")

    assert titles(filterset) == ["Kriminalpræventiv byplanlægning"]
    assert "q" in filterset.form.errors


def test_free_text_finds_words_only_in_the_long_description(catalogue):
    rebuild_index()

    assert titles(initiatives("q=boligomr%C3%A5det")) == ["Forældrenetværk"]
    assert titles(initiatives("q=boligområdet&niveau=situationel")) == []


def test_chips_name_each_active_filter_and_how_to_drop_just_that_one(catalogue):
    chips = initiatives("q=unge&organisation=ishoej&organisation=herlev").chips()

    assert [(c.facet_label, c.label) for c in chips] == [
        ("Fritekst", "“unge”"),
        ("Organisation med erfaring", "Ishøj"),
        ("Organisation med erfaring", "Herlev"),
    ]
    assert chips[0].remove == {"q": None, "side": None}
    assert chips[1].remove == {"organisation": ["herlev"], "side": None}


def test_methods_filter_by_who_the_questions_are_for_and_organisation():
    ishoej = make_organisation(slug="ishoej", short_name="Ishøj")
    mi = make_method(title="Motiverende samtaler")
    loft = make_method(title="LØFT")
    risk = make_method(title="Risikoindikatorer")
    make_question(mi, audience="Fagprofessionel til borger", text="Hvad vil du?")
    make_question(mi, audience="Fagprofessionel til (ung) borger", text="Og så?")
    make_question(loft, audience="Fagprofessionel til borger, forældre", text="Hvad virker?")
    make_question(risk, audience="Fagprofessionel til fagprofessionel", text="Hvad ser I?")
    make_question(risk, audience="", text="Uden angivelse")
    make_experience(ishoej, loft)

    assert titles(methods("samtale=ung")) == ["Motiverende samtaler", "LØFT"]
    assert titles(methods("samtale=foraeldre")) == ["LØFT"]
    assert titles(methods("samtale=fagprofessionelle")) == ["Risikoindikatorer"]
    assert titles(methods("samtale=foraeldre&samtale=fagprofessionelle")) == [
        "LØFT",
        "Risikoindikatorer",
    ]
    assert titles(methods("organisation=ishoej")) == ["LØFT"]
    counts = {f.name: {c.value: c.count for c in f.choices} for f in methods("").facets()}
    assert counts["samtale"] == {"ung": 2, "foraeldre": 1, "fagprofessionelle": 1}
    labels = {c.value: c.label for c in methods("").facets()[0].choices}
    assert labels == {
        "ung": "Den unge",
        "foraeldre": "Forældre",
        "fagprofessionelle": "Andre fagprofessionelle",
    }


def test_an_old_link_to_one_audience_still_filters_by_its_groups():
    mi = make_method(title="Motiverende samtaler")
    make_method(title="Uden spørgsmål")
    make_question(mi, audience="Fagprofessionel til borger", text="Hvad vil du?")

    filterset = methods("samtale=fagprofessionel-til-borger")

    assert titles(filterset) == ["Motiverende samtaler"]
    assert filterset.ignored == []


@pytest.mark.parametrize(
    ("audience", "groups"),
    [
        ("Fagprofessionel til borger", ["ung"]),
        ("Fagprofessionel til (ung) borger", ["ung"]),
        (
            "Fagprofessionel til borger, forældre, skole og fritidsklubber",
            ["ung", "foraeldre", "fagprofessionelle"],
        ),
        ("Fagprofessionel til fagprofessionel", ["fagprofessionelle"]),
        ("", []),
        ("Borger", []),
    ],
)
def test_audience_groups_read_who_is_spoken_to_after_til(audience, groups):
    assert audience_groups(audience) == groups

"""Reads for the compare, plan and question-card pages.

Every page reads the chosen entries through ``chosen_entries`` (a fixed number of queries however
many are chosen) and a method's example questions through ``question_cards`` only.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Prefetch

from catalogue import models as m
from catalogue.selectors import experiences_with_organisation, organisations_directory_url
from contacts.models import ContactPoint

from .selection import Choice, Selection

# ---------------------------------------------------------------- example questions
#
# ONE place reads a method's example questions for this app (cards, plan, .docx, .xlsx, compare).
# Today they are Question rows with a non-empty text, in the source's order (``order``); when
# their storage changes, adapt ``QUESTIONS`` and ``question_cards`` and nothing else.

QUESTIONS = Prefetch("questions", queryset=m.Question.objects.asked(), to_attr="asked_questions")


@dataclass
class Card:
    text: str
    technique: str
    audience: str


@dataclass
class CardGroup:
    """Consecutive questions of one technique (or phase) and one audience, in source order."""

    technique: str
    technique_text: str
    audience: str
    cards: list[Card] = field(default_factory=list)


def question_cards(method: m.Method) -> list[CardGroup]:
    """The method's example questions as cards, grouped by technique and audience, source order.

    Uses the ``QUESTIONS`` prefetch when the method was read with it (no query), else one query.
    """
    rows = getattr(method, "asked_questions", None)
    if rows is None:
        rows = method.questions.asked()
    groups: list[CardGroup] = []
    for row in rows:
        last = groups[-1] if groups else None
        if last is None or (last.technique, last.audience) != (row.technique, row.audience):
            last = CardGroup(row.technique, row.technique_text, row.audience)
            groups.append(last)
        last.cards.append(Card(row.text, row.technique, row.audience))
    return groups


def method_for_cards(slug: str) -> m.Method | None:
    return m.Method.objects.published().prefetch_related(QUESTIONS).filter(slug=slug).first()


# ---------------------------------------------------------------- chosen entries


@dataclass
class ChosenEntry:
    choice: Choice
    entry: m.Initiative | m.Method
    question_groups: list[CardGroup] = field(default_factory=list)

    @property
    def kind_label(self) -> str:
        return "Indsats" if self.choice.kind == "indsats" else "Metode"

    @property
    def is_method(self) -> bool:
        return self.choice.kind == "metode"

    @property
    def experiences(self) -> list[m.Experience]:
        return list(self.entry.experiences.all())

    @property
    def vestegn(self) -> list[m.Experience]:
        return [e for e in self.experiences if e.organisation.region == "vestegn"]

    @property
    def elsewhere(self) -> list[m.Experience]:
        return [e for e in self.experiences if e.organisation.region != "vestegn"]

    @property
    def question_count(self) -> int:
        return sum(len(group.cards) for group in self.question_groups)

    @property
    def contacts_url(self) -> str:
        return organisations_directory_url(e.organisation for e in self.experiences)


def chosen_entries(selection: Selection) -> list[ChosenEntry]:
    """The selection's published entries in URL order; unknown ones are added to its problems."""
    slugs = {
        kind: [c.slug for c in selection.choices if c.kind == kind]
        for kind in ("indsats", "metode")
    }
    found: dict[Choice, m.Initiative | m.Method] = {}
    if slugs["indsats"]:
        initiatives = (
            m.Initiative.objects.published()
            .filter(slug__in=slugs["indsats"])
            .select_related("level")
            .prefetch_related(
                "themes", "sources", Prefetch("experiences", experiences_with_organisation())
            )
        )
        found |= {Choice("indsats", i.slug): i for i in initiatives}
    if slugs["metode"]:
        methods = (
            m.Method.objects.published()
            .filter(slug__in=slugs["metode"])
            .prefetch_related(
                "sources", QUESTIONS, Prefetch("experiences", experiences_with_organisation())
            )
        )
        found |= {Choice("metode", method.slug): method for method in methods}
    chosen = []
    for choice in selection.choices:
        entry = found.get(choice)
        if entry is None:
            noun = "indsats" if choice.kind == "indsats" else "metode"
            selection.problems.append(
                f"Kataloget har ingen {noun} med navnet “{choice.slug[:60]}”. "
                "Den kan være fjernet eller omdøbt; den er udeladt."
            )
            continue
        groups = question_cards(entry) if choice.kind == "metode" else []
        chosen.append(ChosenEntry(choice, entry, groups))
    selection.choices = [c.choice for c in chosen]
    return chosen


def organisations_of(chosen: list[ChosenEntry]) -> list[m.Organisation]:
    """Every organisation with experience of a chosen entry, once, Vestegn first."""
    orgs = {e.organisation.pk: e.organisation for c in chosen for e in c.experiences}
    return sorted(orgs.values(), key=lambda o: (o.region != "vestegn", o.order, o.short_name))


def contact_points_by_organisation(organisations: list[m.Organisation]) -> dict[int, list]:
    """Published contact points of ``organisations`` in directory order, by organisation id."""
    by_org: dict[int, list] = {org.pk: [] for org in organisations}
    if not organisations:
        return by_org
    points = (
        ContactPoint.objects.published()
        .filter(organisation__in=organisations)
        .for_export()
        .in_directory_order()
    )
    for point in points:
        by_org[point.organisation_id].append(point)
    return by_org


@dataclass
class Plan:
    title: str
    entries: list[ChosenEntry]
    organisations: list[m.Organisation]
    contacts: dict[int, list]

    @property
    def contacts_url(self) -> str:
        return organisations_directory_url(self.organisations)

    def contacts_of(self, organisation: m.Organisation) -> list:
        return self.contacts.get(organisation.pk, [])


def plan(selection: Selection) -> Plan:
    entries = chosen_entries(selection)
    organisations = organisations_of(entries)
    contacts = contact_points_by_organisation(organisations)
    for chosen in entries:
        for exp in chosen.experiences:
            exp.contact_points = contacts.get(exp.organisation_id, [])  # for the templates
    return Plan(selection.title, entries, organisations, contacts)

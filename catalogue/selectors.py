"""Reads for the public pages that span several models.

Every function returns published entries only, with the related rows a page shows prefetched, so
a page's query count does not grow with the catalogue. What other apps show on these pages
comes through the catalogue's registries (``links``, ``pagecards``, ``slots``, ``page_links``).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from django.core.paginator import Page, Paginator
from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404

from . import models as m
from .examples import ExampleKind
from .links import directory_url

RELATED_LIMIT = 4


def organisations_directory_url(organisations) -> str:
    """The directory (``catalogue.links``) filtered to ``organisations`` (objects or slugs), in
    their order; "" without a directory."""
    return directory_url(("organisation", getattr(org, "slug", org)) for org in organisations)


def entry_directory_url(entry: m.Initiative | m.Method) -> str:
    """The directory filtered by the entry itself (``indsats``/``metode``): who is tagged with
    it and the organisations with experience in it. A draft, which the directory doesn't know,
    falls back to its organisations."""
    if entry.status != m.Status.PUBLISHED:
        return organisations_directory_url(e.organisation for e in entry.experiences.all())
    parameter = "indsats" if isinstance(entry, m.Initiative) else "metode"
    return directory_url([(parameter, entry.slug)])


def experiences_with_organisation() -> QuerySet[m.Experience]:
    """Experience rows for the entry pages, with their organisation."""
    return m.Experience.objects.select_related("organisation")


def initiatives_for_list() -> QuerySet[m.Initiative]:
    return (
        m.Initiative.objects.published()
        .select_related("level")
        .prefetch_related(
            "themes", Prefetch("experiences", queryset=experiences_with_organisation())
        )
    )


def methods_for_list() -> QuerySet[m.Method]:
    return m.Method.objects.published().prefetch_related(
        Prefetch("experiences", queryset=experiences_with_organisation())
    )


# ---------------------------------------------------------------- detail pages


@dataclass
class ExamplePart:
    """A piece of an example group: one text, audience or remark block, or a run of questions."""

    kind: str  # text | audience | questions | remark
    block: m.Question | None = None
    questions: list[m.Question] = field(default_factory=list)


@dataclass
class ExampleGroup:
    """A technique (or phase) with what follows it, or loose parts outside any technique."""

    technique: m.Question | None = None
    parts: list[ExamplePart] = field(default_factory=list)


def group_examples(blocks) -> list[ExampleGroup]:
    """A method's example cell for its page, in the source's order.

    A technique block opens a group that holds the audiences, questions and remarks after it;
    a text block stands outside any technique and ends the group before it. Consecutive
    questions form one list; a block with nothing to show is left out (no empty bullet).
    """
    groups: list[ExampleGroup] = []
    for block in blocks:
        kind = block.kind
        if kind == ExampleKind.TECHNIQUE:
            groups.append(ExampleGroup(technique=block))
            continue
        if kind == ExampleKind.TEXT or not groups:
            groups.append(ExampleGroup())
        parts = groups[-1].parts
        if kind == ExampleKind.QUESTION:
            if not block.text:
                continue
            if not parts or parts[-1].kind != "questions":
                parts.append(ExamplePart("questions"))
            parts[-1].questions.append(block)
        elif block.text or block.audience:
            parts.append(ExamplePart(kind, block))
    return groups


def initiative_detail(slug: str, *, user=None) -> m.Initiative:
    """An initiative with everything its page shows; ``related`` holds similar published ones.

    The public sees published initiatives only; an editor (``user`` who may change
    initiatives) may preview a draft or an archived one.
    """
    initiative = (
        m.Initiative.objects.visible_to(user)
        .select_related("level")
        .prefetch_related(
            "themes", "sources", Prefetch("experiences", experiences_with_organisation())
        )
        .filter(slug=slug)
        .first()
    )
    if initiative is None:
        raise Http404("Indsatsen findes ikke.")
    theme_ids = [theme.pk for theme in initiative.themes.all()]
    initiative.related = list(
        m.Initiative.objects.published()
        .exclude(pk=initiative.pk)
        .filter(Q(level_id=initiative.level_id) | Q(themes__in=theme_ids))
        .annotate(shared_themes=Count("themes", filter=Q(themes__in=theme_ids), distinct=True))
        .select_related("level")
        .prefetch_related("themes", Prefetch("experiences", experiences_with_organisation()))
        .order_by("-shared_themes", "order", "pk")[:RELATED_LIMIT]
    )
    initiative.directory_url = entry_directory_url(initiative)
    return initiative


def method_detail(slug: str, *, user=None) -> m.Method:
    """A method with its example cell grouped; ``related`` shares organisations with it.

    Published methods only, except for an editor previewing (see ``initiative_detail``).
    """
    method = (
        m.Method.objects.visible_to(user)
        .prefetch_related(
            "sources", "questions", Prefetch("experiences", experiences_with_organisation())
        )
        .filter(slug=slug)
        .first()
    )
    if method is None:
        raise Http404("Metoden findes ikke.")
    method.example_groups = group_examples(method.questions.all())
    org_ids = [e.organisation_id for e in method.experiences.all()]
    method.related = list(
        m.Method.objects.published()
        .exclude(pk=method.pk)
        .annotate(
            shared=Count(
                "experiences", filter=Q(experiences__organisation__in=org_ids), distinct=True
            )
        )
        .prefetch_related(Prefetch("experiences", experiences_with_organisation()))
        .order_by("-shared", "order", "pk")[:RELATED_LIMIT]
    )
    method.directory_url = entry_directory_url(method)
    return method


# ---------------------------------------------------------------- organisations


def experience_counts() -> dict[int, int]:
    """Organisation id -> how many published entries it has experience with.

    Counted as every experience row minus those of unpublished entries, in one grouped query:
    joining 50,000 experience rows to their entries to read the status costs ~200 ms at
    national scale on SQLite, while the total is an index-only count and the unpublished
    entries are few.
    """
    unpublished = Q(initiative__in=m.Initiative.objects.exclude(status=m.Status.PUBLISHED)) | Q(
        method__in=m.Method.objects.exclude(status=m.Status.PUBLISHED)
    )
    rows = m.Experience.objects.order_by().values("organisation_id")
    total = rows.annotate(n=Count("pk")).values_list("organisation_id", "n")
    minus = rows.filter(unpublished).annotate(n=-Count("pk")).values_list("organisation_id", "n")
    counts: dict[int, int] = defaultdict(int)
    for organisation_id, n in total.union(minus, all=True).order_by():
        counts[organisation_id] += n
    return counts


def organisations_overview() -> dict[str, list[m.Organisation]]:
    """Organisations by region, each with how many published entries it has experience with."""
    counts = experience_counts()
    by_region: dict[str, list[m.Organisation]] = {key: [] for key in m.Organisation.Region.values}
    for org in m.Organisation.objects.all():
        org.experience_count = counts.get(org.pk, 0)
        by_region[org.region].append(org)
    return by_region


def organisation_detail(slug: str) -> m.Organisation:
    """An organisation with its experience and development initiatives (other apps add their
    cards through ``catalogue.pagecards``)."""
    organisation = (
        m.Organisation.objects.prefetch_related(
            Prefetch(
                "experiences",
                queryset=m.Experience.objects.filter(
                    Q(initiative__status=m.Status.PUBLISHED) | Q(method__status=m.Status.PUBLISHED)
                ).select_related("initiative__level", "method"),
                to_attr="published_experiences",
            ),
            Prefetch(
                "development_initiatives",
                queryset=m.DevelopmentInitiative.objects.published(),
                to_attr="published_development_initiatives",
            ),
        )
        .filter(slug=slug)
        .first()
    )
    if organisation is None:
        raise Http404("Organisationen findes ikke.")
    experiences = organisation.published_experiences
    organisation.initiative_experiences = [e for e in experiences if e.initiative_id]
    organisation.method_experiences = [e for e in experiences if e.method_id]
    return organisation


# ---------------------------------------------------------------- forside, om, matrix


def home() -> dict:
    published = Q(initiatives__status=m.Status.PUBLISHED)
    orgs = organisations_overview()
    return {
        "levels": m.PreventionLevel.objects.annotate(
            initiative_count=Count("initiatives", filter=published)
        ),
        "themes": m.Theme.objects.annotate(initiative_count=Count("initiatives", filter=published)),
        "vestegn": orgs[m.Organisation.Region.VESTEGN],
        "other_organisations": orgs[m.Organisation.Region.OEVRIGE],
        "advice": m.GoodAdvice.objects.published(),
        "method_count": m.Method.objects.published().count(),
    }


# Prose sections that introduce or close another part of the Om page, by their fixture slug.
ABOUT_FRAMES = {
    "gode-raad-indledning": "advice_intro",
    "gode-raad-afslutning": "advice_outro",
    "nye-udviklingsmuligheder-indledning": "development_intro",
    "anbefalinger-til-kredsraadet-indledning": "recommendations_intro",
}


def about() -> dict:
    sections = list(m.AboutSection.objects.published())
    frames = {ABOUT_FRAMES[s.slug]: s for s in sections if s.slug in ABOUT_FRAMES}
    return {
        "sections": [s for s in sections if s.slug not in ABOUT_FRAMES],
        **frames,
        "definitions": m.Definition.objects.published(),
        "recommendations": m.Recommendation.objects.published(),
        "advice": m.GoodAdvice.objects.published(),
        "development_initiatives": m.DevelopmentInitiative.objects.published().prefetch_related(
            "organisations"
        ),
        "literature": m.LiteratureEntry.objects.published(),
    }


MATRIX_PAGE_SIZE = 50


@dataclass
class MatrixRow:
    entry: m.Initiative | m.Method
    kind: str  # "indsats" or "metode"
    cells: list[m.Experience | None]

    @property
    def experiences(self) -> list[m.Experience]:
        return [cell for cell in self.cells if cell is not None]


@dataclass
class Matrix:
    organisations: list[m.Organisation]
    rows: list[MatrixRow]
    page: Page


class _MatrixEntries:
    """Initiatives, then methods, as one sequence a Paginator can count and slice.

    Only the rows of the requested page are fetched: a count per kind, then one slice per kind
    that the page reaches into.
    """

    def __init__(self, initiatives: QuerySet, methods: QuerySet):
        self.initiatives, self.methods = initiatives, methods

    @cached_property
    def _initiative_count(self) -> int:
        return self.initiatives.count()

    def count(self) -> int:
        return self._initiative_count + self.methods.count()

    def __getitem__(self, key: slice) -> list[tuple[str, m.Initiative | m.Method]]:
        start, stop, split = key.start or 0, key.stop, self._initiative_count
        items: list[tuple[str, m.Initiative | m.Method]] = []
        if start < split:
            items += [("indsats", e) for e in self.initiatives[start : min(stop, split)]]
        if stop > split:
            items += [("metode", e) for e in self.methods[max(start - split, 0) : stop - split]]
        return items


def experience_matrix(
    *,
    levels: list[str] = (),
    themes: list[str] = (),
    kinds: tuple[str, ...] = ("indsatser", "metoder"),
    regions: list[str] = (),
    page: str | int | None = None,
    per_page: int = MATRIX_PAGE_SIZE,
) -> Matrix:
    """Who has experience with what: entries as rows, organisations with experience as columns.

    ``levels`` and ``themes`` (slugs) narrow the initiatives; methods have neither, so they are
    left out when either is given. The rows are paginated (``page``, ``per_page``), and the
    columns are the organisations with experience in at least one row of that page, so a page's
    size and query count stay bounded however large the catalogue grows. ``regions`` keeps only
    the columns of organisations in those regions (the rows stay, so a row may be empty).
    """
    initiatives = m.Initiative.objects.none()
    methods = m.Method.objects.none()
    if "indsatser" in kinds:
        initiatives = m.Initiative.objects.published().select_related("level")
        if levels:
            initiatives = initiatives.filter(level__slug__in=levels)
        if themes:
            initiatives = initiatives.filter(
                pk__in=m.Initiative.objects.filter(themes__slug__in=themes).values("pk")
            )
    if "metoder" in kinds and not levels and not themes:
        methods = m.Method.objects.published()
    page_obj = Paginator(_MatrixEntries(initiatives, methods), per_page).get_page(page)
    entries = page_obj.object_list

    initiative_ids = [e.pk for kind, e in entries if kind == "indsats"]
    method_ids = [e.pk for kind, e in entries if kind == "metode"]
    experiences = (
        m.Experience.objects.filter(
            Q(initiative_id__in=initiative_ids) | Q(method_id__in=method_ids)
        )
        .select_related("organisation")
        .order_by()
    )
    if regions:
        experiences = experiences.filter(organisation__region__in=regions)
    by_entry: dict[tuple[str, int], dict[int, m.Experience]] = defaultdict(dict)
    organisations: dict[int, m.Organisation] = {}
    for exp in experiences:
        key = ("indsats", exp.initiative_id) if exp.initiative_id else ("metode", exp.method_id)
        by_entry[key][exp.organisation_id] = exp
        organisations[exp.organisation_id] = exp.organisation
    columns = sorted(
        organisations.values(),
        key=lambda org: (org.region != m.Organisation.Region.VESTEGN, org.order, org.short_name),
    )
    rows = [
        MatrixRow(entry, kind, [by_entry[(kind, entry.pk)].get(org.pk) for org in columns])
        for kind, entry in entries
    ]
    return Matrix(columns, rows, page_obj)

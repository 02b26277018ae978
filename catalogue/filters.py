"""Filters for the Indsatser and Metoder lists (django-filter), with facet counts and chips.

Every filter reads slugs from the query string, e.g. ``?niveau=social&organisation=ishoej``;
several values of one filter are OR'ed, different filters are AND'ed. Unknown values are dropped
and reported in ``ignored`` (the page says so) instead of invalidating the whole form, so a
stale bookmark or a hand-edited URL never fails.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from urllib.parse import urlsplit

import django_filters
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.http import QueryDict
from django.urls import Resolver404, resolve

from . import models as m
from .inputs import FreeTextFilter
from .slugs import danish_slug

SEARCH_LIMIT = 200


def search_slugs(query: str, url_name: str) -> list[str] | None:
    """Slugs of the entries behind ``url_name`` that catalogue.search finds, best first.

    Returns None while catalogue.search has no ``search`` function: callers fall back to a
    plain substring match.
    """
    try:
        from .search import search
    except ImportError:
        return None
    slugs = []
    for hit in search(query, limit=SEARCH_LIMIT):
        try:
            match = resolve(urlsplit(hit.url).path)
        except Resolver404:
            continue
        if match.namespace == "catalogue" and match.url_name == url_name:
            slugs.append(match.kwargs["slug"])
    return slugs


def normalise_label(text: str) -> str:
    """A free-text cell as a choice label: trimmed, without a trailing full stop."""
    return " ".join(text.split()).rstrip(" .")


class SlugChoiceFilter(django_filters.MultipleChoiceFilter):
    """Several slugs, OR'ed, matched through a pk subquery: no duplicate rows, no DISTINCT."""

    def filter(self, qs, value):
        if not value:
            return qs
        lookup = {f"{self.field_name}__in": self.to_lookup_values(value)}
        return qs.filter(pk__in=qs.model.objects.filter(**lookup).values("pk"))

    def to_lookup_values(self, value):
        return value


class TextChoiceFilter(SlugChoiceFilter):
    """Choices derived from a free-text column: the slug of each distinct (normalised) value."""

    raw_values: dict[str, list[str]]

    def to_lookup_values(self, value):
        return [raw for slug in value for raw in self.raw_values.get(slug, [])]


@dataclass
class FacetChoice:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Facet:
    name: str
    label: str
    choices: list[FacetChoice]

    @property
    def any_selected(self) -> bool:
        return any(choice.selected for choice in self.choices)


@dataclass
class Chip:
    name: str
    label: str
    facet_label: str
    remove: dict  # querystring arguments that drop this one value


class CatalogueFilterSet(django_filters.FilterSet):
    """Shared machinery: choices from the database, lenient cleaning, facets and chips."""

    q = FreeTextFilter(label="Fritekst", method="filter_text")

    search_url_name: str = ""
    text_fields: tuple[str, ...] = ()
    # filter name -> the lookup its facet counts by
    facet_lookups: dict[str, str] = {}

    def __init__(self, data=None, queryset=None, **kwargs):
        super().__init__(data, queryset=queryset, **kwargs)
        self.set_choices()
        self.ignored: list[tuple[str, str]] = []
        if data is not None:
            self.data = self.drop_unknown(data)
        self._text_cache: dict[str, list[str] | None] = {}

    def set_choices(self) -> None:
        raise NotImplementedError

    def drop_unknown(self, data: QueryDict) -> QueryDict:
        data = data.copy()
        for name in self.facet_lookups:
            valid = {str(value) for value, _ in self.filters[name].extra["choices"]}
            values = data.getlist(name)
            kept = [value for value in values if value in valid]
            self.ignored += [(self.filters[name].label, v) for v in values if v not in valid and v]
            data.setlist(name, kept)
        return data

    # -- free text

    def filter_text(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        value = value.strip()
        if not value:
            return queryset
        if value not in self._text_cache:
            self._text_cache[value] = search_slugs(value, self.search_url_name)
        slugs = self._text_cache[value]
        if slugs is None:
            # FALLBACK until catalogue.search lands: a plain case-insensitive substring match.
            match = Q()
            for field in self.text_fields:
                match |= Q(**{f"{field}__icontains": value})
            return queryset.filter(pk__in=queryset.model.objects.filter(match).values("pk"))
        return queryset.filter(slug__in=slugs)

    # -- facets and chips

    @property
    def cleaned(self) -> dict:
        """The valid part of the form's data ({} when unbound); invalid fields are left out."""
        if not self.is_bound:
            return {}
        self.form.is_valid()  # runs validation once; cleaned_data keeps the valid fields
        return self.form.cleaned_data

    def applied(self, *, skip: str | None = None) -> QuerySet:
        """The queryset with every valid filter applied except ``skip``."""
        qs = self.queryset
        for name, value in self.cleaned.items():
            if name != skip and value not in (None, "", []):
                qs = self.filters[name].filter(qs, value)
        return qs

    def facet_counts(self, name: str) -> dict[str, int]:
        lookup = self.facet_lookups[name]
        base = self.applied(skip=name).order_by().values("pk")
        # Counted in the database: at national scale the (pk, value) pairs run to tens of
        # thousands of rows per facet. Raw values sharing a slug hold disjoint entries (one
        # value per entry), so their counts add up.
        rows = (
            self.queryset.model.objects.filter(pk__in=base)
            .order_by()
            .values_list(lookup)
            .annotate(entries=Count("pk", distinct=True))
        )
        to_slug = getattr(self.filters[name], "slug_of", None)
        found: dict[str, int] = defaultdict(int)
        for value, entries in rows:
            key = to_slug.get(value) if to_slug is not None else value
            if key is not None:  # None: no related row, or an empty free-text cell
                found[str(key)] += entries
        return dict(found)

    def selected(self, name: str) -> list[str]:
        return list(self.cleaned.get(name) or [])

    def facets(self) -> list[Facet]:
        facets = []
        for name in self.facet_lookups:
            counts = self.facet_counts(name)
            selected = self.selected(name)
            choices = [
                FacetChoice(str(value), label, counts.get(str(value), 0), str(value) in selected)
                for value, label in self.filters[name].extra["choices"]
            ]
            facets.append(Facet(name, self.filters[name].label, choices))
        return facets

    def chips(self) -> list[Chip]:
        chips = []
        for name in self.facet_lookups:
            labels = dict(self.filters[name].extra["choices"])
            selected = self.selected(name)
            for value in selected:
                rest = [v for v in selected if v != value] or None
                chips.append(
                    Chip(name, labels[value], self.filters[name].label, {name: rest, "side": None})
                )
        text = (self.cleaned.get("q") or "").strip()
        if text:
            chips.insert(0, Chip("q", f"“{text}”", "Fritekst", {"q": None, "side": None}))
        return chips


def _text_choices(values) -> tuple[list[tuple[str, str]], dict[str, list[str]], dict[str, str]]:
    """Choices, slug -> raw values and raw value -> slug for a free-text column."""
    labels: dict[str, str] = {}
    raw_values: dict[str, list[str]] = defaultdict(list)
    slug_of: dict[str, str] = {}
    for raw in dict.fromkeys(values):  # each distinct value once, in first-seen order
        label = normalise_label(raw or "")
        if not label:
            continue
        slug = danish_slug(label)
        labels.setdefault(slug, label)
        raw_values[slug].append(raw)
        slug_of[raw] = slug
    return list(labels.items()), dict(raw_values), slug_of


def _organisation_choices(model) -> list[tuple[str, str]]:
    """Organisations with experience of at least one published entry of ``model``, Vestegn first."""
    relation = "initiative" if model is m.Initiative else "method"
    # EXISTS, not a join + DISTINCT: at national scale the join is 50,000 experience rows.
    has_experience = m.Experience.objects.filter(
        organisation=OuterRef("pk"), **{f"{relation}__status": m.Status.PUBLISHED}
    )
    orgs = m.Organisation.objects.filter(Exists(has_experience)).order_by("order", "short_name")
    ordered = sorted(orgs, key=lambda org: org.region != m.Organisation.Region.VESTEGN)
    return [(org.slug, org.short_name) for org in ordered]


class ExperienceFilterSet(CatalogueFilterSet):
    """Filters on who has experience with an entry, shared by initiatives and methods."""

    region = SlugChoiceFilter(
        field_name="experiences__organisation__region",
        label="Region med erfaring",
        choices=m.Organisation.Region.choices,
    )
    organisation = SlugChoiceFilter(
        field_name="experiences__organisation__slug", label="Organisation med erfaring"
    )


class InitiativeFilter(ExperienceFilterSet):
    niveau = SlugChoiceFilter(field_name="level__slug", label="Forebyggelsesniveau")
    tema = SlugChoiceFilter(field_name="themes__slug", label="Tema")
    maalgruppe = TextChoiceFilter(field_name="target_group", label="Målgruppe")

    search_url_name = "initiative"
    text_fields = (
        "title", "theme_text", "purpose", "coordination", "target_group",
        "experience_text", "description",
    )  # fmt: skip
    facet_lookups = {
        "niveau": "level__slug",
        "tema": "themes__slug",
        "maalgruppe": "target_group",
        "region": "experiences__organisation__region",
        "organisation": "experiences__organisation__slug",
    }

    class Meta:
        model = m.Initiative
        fields = ["q", "niveau", "tema", "maalgruppe", "region", "organisation"]

    def set_choices(self) -> None:
        self.filters["niveau"].extra["choices"] = list(
            m.PreventionLevel.objects.values_list("slug", "name")
        )
        self.filters["tema"].extra["choices"] = list(m.Theme.objects.values_list("slug", "name"))
        groups = m.Initiative.objects.published().order_by("order", "pk")
        choices, raw, slug_of = _text_choices(groups.values_list("target_group", flat=True))
        self.filters["maalgruppe"].extra["choices"] = choices
        self.filters["maalgruppe"].raw_values = raw
        self.filters["maalgruppe"].slug_of = slug_of
        self.filters["organisation"].extra["choices"] = _organisation_choices(m.Initiative)


# Who a method's example questions are for, read from the source's "hvem taler med hvem"
# ("Fagprofessionel til borger, forældre, skole og fritidsklubber"): the words after "til". In
# Del 2 "borger" is the young person ("Fagprofessionel til (ung) borger"). Questions without
# that note in the source belong to no group.
AUDIENCE_GROUPS = {
    "ung": ("Den unge", re.compile(r"\b(borger|ung)")),
    "foraeldre": ("Forældre", re.compile(r"\bforældre")),
    "fagprofessionelle": (
        "Andre fagprofessionelle",
        re.compile(r"\b(fagprofessionel|skole|fritidsklub|klub)"),
    ),
}


def audience_groups(audience: str) -> list[str]:
    """The groups (``ung``, ``foraeldre``, ``fagprofessionelle``) a question's audience names."""
    _, found, to = (audience or "").lower().partition(" til ")
    if not found:
        return []
    return [key for key, (_, pattern) in AUDIENCE_GROUPS.items() if pattern.search(to)]


class MethodFilter(ExperienceFilterSet):
    samtale = TextChoiceFilter(field_name="questions__audience", label="Spørgsmålene er til")

    search_url_name = "method"
    text_fields = (
        "title", "aliases", "purpose", "professionals", "experience_text",
        "description", "questions__text", "questions__technique",
    )  # fmt: skip
    facet_lookups = {
        "samtale": "questions__audience",
        "region": "experiences__organisation__region",
        "organisation": "experiences__organisation__slug",
    }

    class Meta:
        model = m.Method
        fields = ["q", "samtale", "region", "organisation"]

    def set_choices(self) -> None:
        audiences = (
            m.Question.objects.filter(method__status=m.Status.PUBLISHED)
            .order_by("audience")
            .values_list("audience", flat=True)
            .distinct()
        )
        raw: dict[str, list[str]] = {key: [] for key in AUDIENCE_GROUPS}
        self.legacy: dict[str, list[str]] = {}  # the slug of a whole audience (old links)
        for audience in audiences:
            groups = audience_groups(audience)
            for key in groups:
                raw[key].append(audience)
            if groups:
                self.legacy[danish_slug(normalise_label(audience))] = groups
        self.filters["samtale"].extra["choices"] = [
            (key, label) for key, (label, _) in AUDIENCE_GROUPS.items() if raw[key]
        ]
        self.filters["samtale"].raw_values = raw
        self.filters["organisation"].extra["choices"] = _organisation_choices(m.Method)

    def drop_unknown(self, data: QueryDict) -> QueryDict:
        """An old link's whole audience (``fagprofessionel-til-borger``) means its groups."""
        data = data.copy()
        values = data.getlist("samtale")
        if values:
            mapped = [group for v in values for group in self.legacy.get(v, [v])]
            data.setlist("samtale", list(dict.fromkeys(mapped)))
        return super().drop_unknown(data)

    def facet_counts(self, name: str) -> dict[str, int]:
        if name != "samtale":
            return super().facet_counts(name)
        # A method counts once per group, however many of its audiences fall in that group.
        base = self.applied(skip=name).order_by().values("pk")
        pairs = (
            m.Question.objects.filter(method__in=base)
            .order_by()
            .values_list("method_id", "audience")
            .distinct()
        )
        found: dict[str, set[int]] = defaultdict(set)
        for method_id, audience in pairs:
            for key in audience_groups(audience):
                found[key].add(method_id)
        return {key: len(ids) for key, ids in found.items()}

"""Filters for the Indsatser and Metoder lists (django-filter), with facet counts and chips.

Every filter reads slugs from the query string, e.g. ``?niveau=social&organisation=ishoej``;
several values of one filter are OR'ed, different filters are AND'ed. Unknown values are dropped
and reported in ``ignored`` (the page says so) instead of invalidating the whole form, so a
stale bookmark or a hand-edited URL never fails.
"""

from __future__ import annotations

from collections import defaultdict
from urllib.parse import urlsplit

import django_filters
from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet, TextField, Value
from django.db.models.functions import Cast
from django.http import QueryDict
from django.urls import Resolver404, resolve

from . import models as m
from .facets import (
    AUDIENCE_GROUPS,
    Chip,
    Facet,
    FacetChoice,
    audience_groups,
    normalise_label,
    text_choices,
)
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


class SlugChoiceFilter(django_filters.MultipleChoiceFilter):
    """Several slugs, OR'ed, matched through a pk subquery: no duplicate rows, no DISTINCT."""

    # (link model, its field naming the entry, value lookup on the link model): set by the
    # FilterSet for filters on a link table, which is then read directly (no join to the entry)
    source: tuple | None = None

    def filter(self, qs, value):
        if not value:
            return qs
        values = self.to_lookup_values(value)
        if self.source is not None:
            model, entry, lookup = self.source
            return qs.filter(pk__in=model.objects.filter(**{f"{lookup}__in": values}).values(entry))
        lookup = {f"{self.field_name}__in": values}
        return qs.filter(pk__in=qs.model.objects.filter(**lookup).values("pk"))

    def to_lookup_values(self, value):
        return value


class TextChoiceFilter(SlugChoiceFilter):
    """Choices derived from a free-text column: the slug of each distinct (normalised) value."""

    raw_values: dict[str, list[str]]

    def to_lookup_values(self, value):
        return [raw for slug in value for raw in self.raw_values.get(slug, [])]


class CatalogueFilterSet(django_filters.FilterSet):
    """Shared machinery: choices from the database, lenient cleaning, facets and chips."""

    q = FreeTextFilter(label="Fritekst", method="filter_text")

    search_url_name: str = ""
    text_fields: tuple[str, ...] = ()
    # filter name -> the lookup its facet counts by
    facet_lookups: dict[str, str] = {}
    # filter name -> (link model, its field naming the entry, lookup the filter matches, lookup
    # the facet groups by, count DISTINCT?): filters and facets read from a link table's side
    facet_sources: dict[str, tuple] = {}

    def __init__(self, data=None, queryset=None, **kwargs):
        super().__init__(data, queryset=queryset, **kwargs)
        for name, (model, entry, lookup, *_) in self.facet_sources.items():
            self.filters[name].source = (model, entry, lookup)
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

    def facet_rows(self, name: str) -> QuerySet | None:
        """One grouped query: (facet, value, entries) for every value of facet ``name``, counted
        over the entries the other filters select. None: the facet counts in Python."""
        selected = self.applied(skip=name).order_by().prefetch_related(None)
        base = selected.values("pk")
        source = self.facet_sources.get(name)
        if source is None:  # a column of the entry itself (or a foreign key): one row per entry
            # (the filters match through pk subqueries, so no join repeats an entry)
            rows = selected.select_related(None)
            lookup, entries = self.facet_lookups[name], Count("pk")
        else:
            # From the link table's side: experience rows, theme links. Its rows are grouped
            # directly instead of joining every entry to all of them and counting DISTINCT.
            model, entry, _, lookup, distinct = source
            rows = model.objects.filter(**{f"{entry}__in": base})
            entries = Count(entry, distinct=distinct)
        return (
            rows.order_by()
            # as text: a UNION needs one type per column (slugs, free text, organisation ids)
            .annotate(facet=Value(name), value=Cast(F(lookup), TextField()))
            .values("facet", "value")
            .annotate(entries=entries)
            .values_list("facet", "value", "entries")
        )

    def facet_counts(self, name: str) -> dict[str, int]:
        return self.all_facet_counts()[name]

    def all_facet_counts(self) -> dict[str, dict[str, int]]:
        """Every facet's counts, in one query (a UNION ALL of one grouped query per facet)."""
        if hasattr(self, "_facet_counts"):
            return self._facet_counts
        counts: dict[str, dict[str, int]] = {name: defaultdict(int) for name in self.facet_lookups}
        grouped = []
        for name in self.facet_lookups:
            rows = self.facet_rows(name)
            if rows is None:
                counts[name].update(self.python_facet_counts(name))
            else:
                grouped.append(rows)
        if grouped:
            rows = (
                grouped[0].union(*grouped[1:], all=True).order_by()
                if len(grouped) > 1
                else grouped[0]
            )
            for name, value, entries in rows:
                to_slug = getattr(self.filters[name], "slug_of", None)
                key = to_slug.get(value) if to_slug is not None else value
                # None: no related row, or an empty free-text cell. Raw values sharing a slug
                # hold disjoint entries (one value per entry), so their counts add up.
                if key is not None:
                    counts[name][str(key)] += entries
        self._facet_counts = {name: dict(found) for name, found in counts.items()}
        return self._facet_counts

    def python_facet_counts(self, name: str) -> dict[str, int]:
        raise NotImplementedError

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


def _organisation_choices(model) -> tuple[list[tuple[str, str]], dict[str, str]]:
    """Organisations with experience of at least one published entry of ``model``, Vestegn first."""
    relation = "initiative" if model is m.Initiative else "method"
    # EXISTS, not a join + DISTINCT: at national scale the join is 50,000 experience rows.
    has_experience = m.Experience.objects.filter(
        organisation=OuterRef("pk"), **{f"{relation}__status": m.Status.PUBLISHED}
    )
    orgs = m.Organisation.objects.filter(Exists(has_experience)).order_by("order", "short_name")
    ordered = sorted(orgs, key=lambda org: org.region != m.Organisation.Region.VESTEGN)
    return [(org.slug, org.short_name) for org in ordered], {
        str(org.pk): org.slug for org in ordered
    }


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

    @staticmethod
    def experience_sources(entry: str) -> dict[str, tuple]:
        # Index-only reads of (entry, organisation) pairs; the organisation facet groups by id
        # (its filter's slug_of names the slug), and one experience row per (organisation,
        # entry) needs no DISTINCT.
        return {
            "region": (m.Experience, entry, "organisation__region", "organisation__region", True),
            "organisation": (m.Experience, entry, "organisation__slug", "organisation_id", False),
        }

    def set_organisation_choices(self, model) -> None:
        choices, slug_of = _organisation_choices(model)
        self.filters["organisation"].extra["choices"] = choices
        self.filters["organisation"].slug_of = slug_of


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
    facet_sources = {
        "tema": (m.Initiative.themes.through, "initiative", "theme__slug", "theme__slug", False),
        **ExperienceFilterSet.experience_sources("initiative"),
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
        choices, raw, slug_of = text_choices(groups.values_list("target_group", flat=True))
        self.filters["maalgruppe"].extra["choices"] = choices
        self.filters["maalgruppe"].raw_values = raw
        self.filters["maalgruppe"].slug_of = slug_of
        self.set_organisation_choices(m.Initiative)


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
    facet_sources = {
        **ExperienceFilterSet.experience_sources("method"),
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
        self.set_organisation_choices(m.Method)

    def drop_unknown(self, data: QueryDict) -> QueryDict:
        """An old link's whole audience (``fagprofessionel-til-borger``) means its groups."""
        data = data.copy()
        values = data.getlist("samtale")
        if values:
            mapped = [group for v in values for group in self.legacy.get(v, [v])]
            data.setlist("samtale", list(dict.fromkeys(mapped)))
        return super().drop_unknown(data)

    def facet_rows(self, name: str) -> QuerySet | None:
        return None if name == "samtale" else super().facet_rows(name)

    def python_facet_counts(self, name: str) -> dict[str, int]:
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

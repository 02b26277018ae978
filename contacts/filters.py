"""The directory's filters: URL-driven, shared by the page and every export."""

import django_filters
from django import forms

from catalogue.inputs import FreeTextFilter
from catalogue.models import Initiative, Method, Organisation, Theme

from .models import ContactPoint


class SlugMultipleChoiceFilter(django_filters.ModelMultipleChoiceFilter):
    """Several values by slug: ``?organisation=albertslund&organisation=odense`` (either one)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("to_field_name", "slug")
        kwargs.setdefault("widget", forms.CheckboxSelectMultiple(attrs={"class": "form-checkbox"}))
        super().__init__(*args, **kwargs)


class ContactFilter(django_filters.FilterSet):
    """URL parameters in Danish, like the catalogue's lists: tema, indsats, metode."""

    q = FreeTextFilter(label="Fritekst", method="filter_text")
    organisation = SlugMultipleChoiceFilter(
        label="Organisation",
        field_name="organisation__slug",
        queryset=Organisation.objects.order_by("region", "short_name"),
    )
    region = django_filters.ChoiceFilter(
        label="Region",
        field_name="organisation__region",
        choices=Organisation.Region.choices,
        empty_label="Alle regioner",
    )
    tema = SlugMultipleChoiceFilter(
        label="Tema", field_name="themes__slug", queryset=Theme.objects.all()
    )
    indsats = SlugMultipleChoiceFilter(
        label="Erfaring med indsats",
        method="filter_initiatives",
        queryset=Initiative.objects.published(),
    )
    metode = SlugMultipleChoiceFilter(
        label="Erfaring med metode",
        method="filter_methods",
        queryset=Method.objects.published(),
    )

    class Meta:
        model = ContactPoint
        fields = ["q", "organisation", "region", "tema", "indsats", "metode"]

    def filter_text(self, queryset, name, value):
        return queryset.matching(value)

    def filter_initiatives(self, queryset, name, value):
        return queryset.with_experience_in(initiatives=value) if value else queryset

    def filter_methods(self, queryset, name, value):
        return queryset.with_experience_in(methods=value) if value else queryset

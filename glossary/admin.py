"""Terms, profiles and help sections in Django admin, with history, restore and archiving."""

from django import forms
from django.contrib import admin
from django.db import models

from catalogue.admin_mixins import EditorAdmin, NotReviewedFilter, SlugFrozenMixin

from .models import HelpSection, Profile, ProfileStatement, Term, TermDefinition

NOTE = ("Til redaktører", {"fields": ["editor_note"]})
STATUS = ("Status og gennemgang", {"fields": ["status", "last_reviewed", "order", "slug"]})
ROWS = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 4})}}


class TermDefinitionInline(admin.StackedInline):
    model = TermDefinition
    fields = ["text", ("document", "section"), "order"]
    extra = 0
    ordering = ["order", "pk"]
    formfield_overrides = ROWS


@admin.register(Term)
class TermAdmin(SlugFrozenMixin, EditorAdmin):
    list_display = ["name", "category", "link_in_texts", "status", "last_reviewed"]
    list_filter = ["status", NotReviewedFilter, "category", "link_in_texts"]
    search_fields = ["name", "slug", "expansion", "other_names", "definitions__text"]
    slug_from = ("name",)
    text_list_fields = {"other_names": "\n"}
    inlines = [TermDefinitionInline]
    fieldsets = [
        NOTE,
        (None, {"fields": ["name", "expansion", "other_names", "category", "link_in_texts"]}),
        STATUS,
    ]


class ProfileStatementInline(admin.StackedInline):
    model = ProfileStatement
    fields = ["topic", "text", ("document", "section"), "order"]
    extra = 0
    ordering = ["order", "pk"]
    formfield_overrides = ROWS


@admin.register(Profile)
class ProfileAdmin(SlugFrozenMixin, EditorAdmin):
    list_display = ["organisation", "status", "last_reviewed"]
    list_filter = ["status", NotReviewedFilter]
    search_fields = ["organisation__name", "slug", "statements__text"]
    list_select_related = ["organisation"]
    autocomplete_fields = ["organisation"]
    slug_from = ("organisation",)
    inlines = [ProfileStatementInline]
    fieldsets = [NOTE, (None, {"fields": ["organisation"]}), STATUS]


@admin.register(HelpSection)
class HelpSectionAdmin(SlugFrozenMixin, EditorAdmin):
    list_display = ["__str__", "part", "status", "last_reviewed", "order"]
    list_filter = ["status", NotReviewedFilter, "part"]
    search_fields = ["title", "slug", "text"]
    slug_from = ("title",)
    formfield_overrides = ROWS
    fieldsets = [
        NOTE,
        (None, {"fields": ["part", "title", "text", "url", ("document", "section")]}),
        STATUS,
    ]


@admin.register(TermDefinition)
class TermDefinitionAdmin(EditorAdmin):
    list_display = ["__str__", "document", "section"]
    list_filter = ["document"]
    search_fields = ["text", "term__name"]
    list_select_related = ["term"]
    autocomplete_fields = ["term"]


@admin.register(ProfileStatement)
class ProfileStatementAdmin(EditorAdmin):
    list_display = ["__str__", "topic", "document", "section"]
    list_filter = ["document", "topic"]
    search_fields = ["text", "profile__organisation__name"]
    list_select_related = ["profile__organisation"]
    autocomplete_fields = ["profile"]

"""The catalogue in Django admin: every model, in Danish, with history, restore and archiving."""

from django import forms
from django.contrib import admin
from django.db import models

from . import services
from .admin_mixins import EditorAdmin, NotReviewedFilter, SlugFrozenMixin, VersionGuardedForm
from .examples import OWN_FIELDS
from .models import (
    AboutSection,
    Definition,
    DevelopmentInitiative,
    Experience,
    GoodAdvice,
    Initiative,
    LiteratureEntry,
    Method,
    Organisation,
    PreventionLevel,
    Question,
    Recommendation,
    Source,
    Theme,
)

admin.site.site_header = "Idekatalog – redaktion"
admin.site.site_title = "Idekatalog – redaktion"
admin.site.index_title = "Redigér kataloget"

NOTE = ("Til redaktører", {"fields": ["editor_note"]})
STATUS = (
    "Status og gennemgang",
    {"fields": ["status", "last_reviewed", "order", "slug"]},
)


class CatalogueAdmin(SlugFrozenMixin, EditorAdmin):
    """Entries with a title and a status (drafts, published, archived)."""

    list_display = ["title", "status", "last_reviewed", "order"]
    list_filter = ["status", NotReviewedFilter]
    search_fields = ["title", "slug"]


class ExperienceInline(admin.TabularInline):
    model = Experience
    fields = ["organisation", "note", "order"]
    autocomplete_fields = ["organisation"]
    extra = 0
    formfield_overrides = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 2})}}


class InitiativeExperienceInline(ExperienceInline):
    fk_name = "initiative"


class MethodExperienceInline(ExperienceInline):
    fk_name = "method"


class ExampleBlockRules:
    """One block of a method's example cell: each kind needs its own field and no other text."""

    def clean(self):
        data = super().clean()
        kind = data.get("kind")
        if kind not in OWN_FIELDS:
            return data
        main = OWN_FIELDS[kind][0]
        if not data.get(main):
            self.add_error(main, "Udfyld feltet for denne slags blok.")
        if main != "text" and data.get("text"):
            self.add_error(
                "text",
                "En teknik eller en angivelse af hvem der taler med hvem har ingen tekst: "
                "skriv spørgsmålet som sin egen blok under den.",
            )
        return data


class ExampleBlockForm(ExampleBlockRules, forms.ModelForm):
    pass


class ExampleBlockAdminForm(ExampleBlockRules, VersionGuardedForm):
    pass


class QuestionInline(admin.StackedInline):
    """The example cell as ordered blocks (text, technique, audience, question, remark)."""

    model = Question
    form = ExampleBlockForm
    fields = ["order", "kind", "text", ("technique", "audience"), "technique_text"]
    extra = 0
    ordering = ["order", "pk"]
    verbose_name = "blok i eksempelcellen"
    verbose_name_plural = (
        "Eksempler (i kildens rækkefølge: tekst, teknik, hvem taler med hvem, spørgsmål, "
        "bemærkning)"
    )
    formfield_overrides = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 2})}}


@admin.register(Initiative)
class InitiativeAdmin(CatalogueAdmin):
    list_display = ["title", "level", "status", "last_reviewed", "order"]
    list_filter = ["status", NotReviewedFilter, "level", "themes", "experiences__organisation"]
    search_fields = ["title", "slug", "purpose", "target_group", "description", "experience_text"]
    list_select_related = ["level"]
    autocomplete_fields = ["sources"]
    checkbox_fields = ("themes",)
    inlines = [InitiativeExperienceInline]
    fieldsets = [
        NOTE,
        (None, {"fields": ["title", "level", "themes", "theme_text"]}),
        ("Skemaet", {"fields": ["purpose", "coordination", "target_group", "experience_text"]}),
        ("Uddybning", {"fields": ["description", "read_more_page", "sources"]}),
        STATUS,
    ]


@admin.register(Method)
class MethodAdmin(CatalogueAdmin):
    list_filter = ["status", NotReviewedFilter, "experiences__organisation"]
    search_fields = ["title", "slug", "purpose", "professionals", "description", "aliases"]
    text_list_fields = {"aliases": ","}
    autocomplete_fields = ["sources"]
    inlines = [QuestionInline, MethodExperienceInline]
    fieldsets = [
        NOTE,
        (None, {"fields": ["title", "aliases"]}),
        (
            "Skemaet",
            {"fields": ["purpose", "professionals", "experience_text"]},
        ),
        ("Uddybning", {"fields": ["description", "read_more_page", "sources"]}),
        STATUS,
    ]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        services.carry_example_context(method=form.instance, user=request.user)


@admin.register(DevelopmentInitiative)
class DevelopmentInitiativeAdmin(CatalogueAdmin):
    search_fields = ["title", "slug", "description"]
    autocomplete_fields = ["organisations"]
    fieldsets = [NOTE, (None, {"fields": ["title", "description", "organisations"]}), STATUS]


class TextEntryAdmin(CatalogueAdmin):
    search_fields = ["title", "slug", "text"]
    fieldsets = [NOTE, (None, {"fields": ["title", "text"]}), STATUS]


@admin.register(Recommendation)
class RecommendationAdmin(TextEntryAdmin):
    pass


@admin.register(GoodAdvice)
class GoodAdviceAdmin(TextEntryAdmin):
    pass


@admin.register(AboutSection)
class AboutSectionAdmin(TextEntryAdmin):
    pass


@admin.register(Definition)
class DefinitionAdmin(TextEntryAdmin):
    fieldsets = [NOTE, (None, {"fields": ["title", "text", "attribution"]}), STATUS]


@admin.register(LiteratureEntry)
class LiteratureEntryAdmin(CatalogueAdmin):
    list_display = ["authors", "year", "title", "status", "last_reviewed"]
    search_fields = ["authors", "title", "publisher", "year"]
    slug_from = ("authors", "year")
    fieldsets = [
        NOTE,
        (None, {"fields": ["authors", "year", "title", "publisher", "url"]}),
        STATUS,
    ]


@admin.register(Organisation)
class OrganisationAdmin(SlugFrozenMixin, EditorAdmin):
    list_display = ["name", "short_name", "kind", "region", "order"]
    list_filter = ["kind", "region"]
    search_fields = ["name", "short_name", "slug"]
    slug_from = ("short_name",)
    fieldsets = [
        NOTE,
        (None, {"fields": ["name", "short_name", "kind", "region", "order", "slug"]}),
    ]


@admin.register(Source)
class SourceAdmin(SlugFrozenMixin, EditorAdmin):
    list_display = ["__str__", "number", "url"]
    search_fields = ["text", "slug", "=number"]
    slug_from, slug_prefix = ("number",), "fodnote"
    fieldsets = [NOTE, (None, {"fields": ["number", "text", "url", "order", "slug"]})]


@admin.register(Question)
class QuestionAdmin(EditorAdmin):
    list_display = ["__str__", "kind", "method", "technique", "audience", "order"]
    list_filter = ["kind", "method"]
    search_fields = ["text", "technique", "audience", "method__title"]
    list_select_related = ["method"]
    autocomplete_fields = ["method"]
    form = ExampleBlockAdminForm

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        services.carry_example_context(method=obj.method, user=request.user)


@admin.register(Experience)
class ExperienceAdmin(EditorAdmin):
    list_display = ["organisation", "initiative", "method", "note"]
    list_filter = ["organisation__region", "organisation"]
    search_fields = ["organisation__name", "initiative__title", "method__title", "note"]
    list_select_related = ["organisation", "initiative", "method"]
    autocomplete_fields = ["organisation", "initiative", "method"]


@admin.register(PreventionLevel)
class PreventionLevelAdmin(SlugFrozenMixin, admin.ModelAdmin):
    list_display = ["name", "table_title", "order"]
    search_fields = ["name"]
    fields = ["editor_note", "name", "table_title", "description", "order", "slug"]


@admin.register(Theme)
class ThemeAdmin(SlugFrozenMixin, admin.ModelAdmin):
    list_display = ["name", "order"]
    search_fields = ["name"]
    fields = ["editor_note", "name", "order", "slug"]

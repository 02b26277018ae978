"""Editors teach search here: synonyms, an entry's "også kendt som" words, and the list of
searches that found nothing or little, each with a link to add a synonym for it."""

from urllib.parse import urlencode

from django import forms
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils.html import format_html

from catalogue.admin_mixins import EditorAdmin, SlugFrozenMixin, VersionGuardedForm
from catalogue.search.registry import kinds

from . import services
from .models import EntrySearchWords, SearchMiss, Synonym


@admin.register(Synonym)
class SynonymAdmin(SlugFrozenMixin, EditorAdmin):
    list_display = ["__str__", "order"]
    search_fields = ["words", "leads_to", "editor_note"]
    fields = ["words", "leads_to", "editor_note", "slug", "order"]
    text_list_fields = {"words": "\n", "leads_to": "\n"}
    slug_from = ("words",)
    slug_prefix = "synonym"

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        if isinstance(initial.get("words"), str):  # ?words=... from the search log
            initial["words"] = [initial["words"]]
        return initial


def _entry_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """Every searchable entry, grouped by kind: ("app.model:pk", title)."""
    groups = []
    for kind in kinds():
        label = kind.model
        options = [
            (f"{label}:{obj.pk}", str(obj)) for obj in kind.queryset().prefetch_related(None)
        ]
        groups.append((kind.label, options))
    return groups


class EntrySearchWordsForm(VersionGuardedForm):
    entry = forms.ChoiceField(
        label="Post", help_text="Den indsats, metode, kontakt … som ordene hører til."
    )

    class Meta:
        model = EntrySearchWords
        fields = ["words"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["entry"].choices = [("", "---------"), *_entry_choices()]
        if self.instance.pk:
            ct = self.instance.content_type
            self.initial["entry"] = f"{ct.app_label}.{ct.model}:{self.instance.object_id}"

    def clean_entry(self) -> tuple[ContentType, int]:
        value = self.cleaned_data["entry"]
        label, _, pk = value.partition(":")
        app_label, _, model = label.partition(".")
        try:
            return ContentType.objects.get_by_natural_key(app_label, model), int(pk)
        except (ContentType.DoesNotExist, ValueError):
            raise forms.ValidationError("Vælg en post på listen.") from None

    def clean(self):
        cleaned = super().clean()
        entry = cleaned.get("entry")
        if entry:
            self.instance.content_type, self.instance.object_id = entry
            clash = EntrySearchWords.objects.filter(
                content_type=entry[0], object_id=entry[1]
            ).exclude(pk=self.instance.pk)
            if clash.exists():
                raise forms.ValidationError(
                    "Posten har allerede søgeord: ret dem dér i stedet for at oprette nye."
                )
        return cleaned


@admin.register(EntrySearchWords)
class EntrySearchWordsAdmin(EditorAdmin):
    form = EntrySearchWordsForm  # the version check, plus the entry picker
    list_display = ["__str__"]
    search_fields = ["words"]
    text_list_fields = {"words": "\n"}

    def get_fieldsets(self, request, obj=None):
        fields = ["entry", "words"]
        if obj is not None:
            fields.append("version_token")
        return [(None, {"fields": fields})]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        services.reindex_entry_of(obj)

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        services.reindex_entry_of(obj)


@admin.register(SearchMiss)
class SearchMissAdmin(admin.ModelAdmin):
    """Read-only: what staff searched for and didn't find; act on it by adding a synonym."""

    list_display = ["query", "day", "count", "hits", "teach"]
    list_filter = ["day"]
    search_fields = ["query"]
    date_hierarchy = "day"

    @admin.display(description="Lær søgningen")
    def teach(self, obj: SearchMiss) -> str:
        url = reverse("admin:thesaurus_synonym_add") + "?" + urlencode({"words": obj.query})
        return format_html('<a href="{}">Tilføj synonym for »{}«</a>', url, obj.query)

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

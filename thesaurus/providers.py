"""What this app hands to catalogue.search through its registry hooks."""

from django.contrib.contenttypes.models import ContentType

from catalogue.search.registry import Synonym as Rule

from . import services
from .models import EntrySearchWords, Synonym


def synonyms() -> list[Rule]:
    """Every rule, in a fixed order (one small query per search)."""
    rows = Synonym.objects.order_by("order", "pk").values_list("words", "leads_to")
    return [Rule(tuple(words or ()), tuple(leads_to or ())) for words, leads_to in rows]


def extra_words(model_label: str, ids: list[int] | None) -> dict[int, list[str]]:
    app_label, model = model_label.split(".")
    try:
        content_type = ContentType.objects.get_by_natural_key(app_label, model)
    except ContentType.DoesNotExist:
        return {}
    rows = EntrySearchWords.objects.filter(content_type=content_type)
    if ids is not None:
        rows = rows.filter(object_id__in=ids)
    return {
        object_id: list(words or []) for object_id, words in rows.values_list("object_id", "words")
    }


def count_search(query: str, hits: int) -> bool:
    return services.record_search(query=query, hits=hits)

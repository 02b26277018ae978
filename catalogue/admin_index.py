"""The search index follows every admin write (``SearchIndexMixin``): one call,
``services.refresh_search``, after a save (with its inlines), a restore and a delete."""

from __future__ import annotations

import copy

from . import services


class SearchIndexMixin:
    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        services.refresh_search(obj)  # a restore saves no inlines: index it here too

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        services.refresh_search(form.instance)  # now with its experience rows and questions

    def delete_model(self, request, obj):
        ghost = copy.copy(obj)  # delete() clears obj.pk; the index needs it to drop the entry
        super().delete_model(request, obj)
        services.refresh_search(ghost)

    def delete_queryset(self, request, queryset):
        ghosts = [copy.copy(obj) for obj in queryset]
        super().delete_queryset(request, queryset)
        for ghost in ghosts:
            services.refresh_search(ghost)

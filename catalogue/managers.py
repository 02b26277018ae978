from django.db import models


class EntryQuerySet(models.QuerySet):
    """Domain filters shared by every public catalogue entry."""

    def published(self):
        return self.filter(status="published")

    def with_experience(self, *organisations):
        """Entries that at least one of ``organisations`` (objects or slugs) has experience with."""
        slugs = [getattr(org, "slug", org) for org in organisations]
        return self.filter(experiences__organisation__slug__in=slugs).distinct()

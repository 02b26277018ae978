import datetime

from django.contrib.auth import get_permission_codename
from django.db import models
from django.utils import timezone


class EntryQuerySet(models.QuerySet):
    """Domain filters shared by every public catalogue entry."""

    def published(self):
        return self.filter(status="published")

    def visible_to(self, user):
        """What ``user`` may see on the site: the published entries, and for staff who may
        change this kind of entry every entry, so an editor can preview a draft."""
        opts = self.model._meta
        perm = f"{opts.app_label}.{get_permission_codename('change', opts)}"
        if user is not None and user.is_active and user.is_staff and user.has_perm(perm):
            return self.all()
        return self.published()

    def not_reviewed_since(self, days: int = 365, *, today: datetime.date | None = None):
        """Entries never reviewed, or last reviewed more than ``days`` days ago."""
        cutoff = (today or timezone.localdate()) - datetime.timedelta(days=days)
        return self.filter(
            models.Q(last_reviewed__isnull=True) | models.Q(last_reviewed__lt=cutoff)
        )


class ExampleQuerySet(models.QuerySet):
    """The blocks of a method's example cell (``method.questions``)."""

    def asked(self):
        """The questions only, in source order, each with its ``technique``,
        ``technique_text`` and ``audience`` (no text, technique, audience or remark blocks)."""
        return self.filter(kind="question").exclude(text="").order_by("order", "pk")

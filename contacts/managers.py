"""Domain filters for contact points, shared by the directory, the exports and the admin action."""

import datetime
import json
from functools import reduce
from operator import and_, or_

from django.db.models import Prefetch, Q
from django.utils import timezone

from catalogue.managers import EntryQuerySet
from catalogue.models import Experience, Initiative, Method

# Fields the directory's free text looks in (organisation, unit, person, experience).
TEXT_FIELDS = (
    "organisation__name",
    "organisation__short_name",
    "unit",
    "person_name",
    "themes__name",
    "initiatives__title",
    "methods__title",
)


def case_variants(word: str) -> set[str]:
    """The spellings to look for, so SQLite (whose LIKE folds ASCII only) finds "Ø" from "ø"."""
    return {word, word.lower(), word.upper(), word.capitalize()}


def _word_q(word: str) -> Q:
    variants = case_variants(word)
    q = reduce(or_, (Q(**{f"{f}__icontains": v}) for f in TEXT_FIELDS for v in variants))
    for variant in variants:
        q |= Q(experience_tags__icontains=variant)
        escaped = json.dumps(variant)[1:-1]  # how SQLite's JSON text stores "ø" (\u00f8)
        if escaped != variant:
            q |= Q(experience_tags__icontains=escaped)
    return q


class ContactPointQuerySet(EntryQuerySet):
    def not_confirmed_since(self, days: int = 365, *, today: datetime.date | None = None):
        """Contacts never confirmed by themselves, or confirmed more than ``days`` days ago."""
        cutoff = (today or timezone.localdate()) - datetime.timedelta(days=days)
        return self.filter(Q(confirmed_on__isnull=True) | Q(confirmed_on__lt=cutoff))

    def for_listing(self):
        """Everything the directory and the exports show, in a fixed number of queries."""
        return self.select_related("organisation").prefetch_related(
            "phones",
            "emails",
            "themes",
            Prefetch("initiatives", queryset=Initiative.objects.published().only("slug", "title")),
            Prefetch(
                "methods", queryset=Method.objects.published().only("slug", "title", "aliases")
            ),
        )

    def for_export(self):
        """What the exports read: the organisation, phones and e-mails (not the tagged entries)."""
        return self.select_related("organisation").prefetch_related("phones", "emails")

    def in_directory_order(self):
        return self.order_by("order", "organisation__order", "organisation__short_name", "pk")

    def matching(self, text: str):
        """Contacts matching every word of ``text`` in organisation, unit, person or experience."""
        words = text.split()
        if not words:
            return self
        matches = self.model.objects.filter(reduce(and_, (_word_q(w) for w in words)))
        return self.filter(pk__in=matches.values("pk"))

    def with_experience_in(self, *, initiatives=(), methods=()):
        """Contacts that list the entries, or whose organisation has experience with them."""
        q = Q()
        # Two small IN subqueries, not a join: contacts x their organisation's experience rows
        # is hundreds of thousands of rows at national scale.
        if initiatives:
            q |= Q(initiatives__in=initiatives)
            has = Experience.objects.filter(initiative__in=initiatives)
            q |= Q(organisation__in=has.values("organisation_id"))
        if methods:
            q |= Q(methods__in=methods)
            has = Experience.objects.filter(method__in=methods)
            q |= Q(organisation__in=has.values("organisation_id"))
        if not q:
            return self
        return self.filter(pk__in=self.model.objects.filter(q).values("pk"))

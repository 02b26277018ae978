"""What readers send in and what contact points answer: held for the editors' moderation.

Neither model has a history table: a submission is not catalogue content (its decision is a
field on the row), and the catalogue change an accepted submission causes is versioned in the
catalogue's own history. Submissions hold personal data (an e-mail address, free text), deleted
by ``purge_feedback`` a fixed number of days after the decision.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from catalogue.models import Initiative, Method, Organisation
from contacts.models import ContactPoint

TEXT_MAX = 4000
REMARK_MAX = 2000
NAME_MAX = 200


class SubmissionQuerySet(models.QuerySet):
    def waiting(self):
        return self.filter(status=Submission.Status.NEW)

    def due_for_deletion(self, *, before):
        """Decided submissions whose decision is older than ``before``."""
        return self.exclude(status=Submission.Status.NEW).filter(decided_at__lt=before)


class Submission(models.Model):
    class Kind(models.TextChoices):
        EXPERIENCE = "experience", "Erfaring"
        CORRECTION = "correction", "Rettelse"
        CONTACT = "contact", "Rettelse fra kontakt"

    class Status(models.TextChoices):
        NEW = "new", "Venter"
        ACCEPTED = "accepted", "Godkendt"
        REJECTED = "rejected", "Afvist"

    kind = models.CharField("type", max_length=12, choices=Kind.choices)
    status = models.CharField(
        "status", max_length=10, choices=Status.choices, default=Status.NEW, db_index=True
    )
    # What the submission is about: one of these is set.
    initiative = models.ForeignKey(
        Initiative, null=True, blank=True, on_delete=models.CASCADE, verbose_name="indsats"
    )
    method = models.ForeignKey(
        Method, null=True, blank=True, on_delete=models.CASCADE, verbose_name="metode"
    )
    about_organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name="organisationens side",
    )
    contact = models.ForeignKey(
        ContactPoint, null=True, blank=True, on_delete=models.CASCADE, verbose_name="kontaktpunkt"
    )
    # Who writes: an organisation from the list, or a name typed.
    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="organisation",
    )
    organisation_name = models.CharField("ny organisation", max_length=NAME_MAX, blank=True)
    text = models.TextField("tekst", max_length=TEXT_MAX)
    remark = models.TextField("bemærkning", max_length=REMARK_MAX, blank=True)
    email = models.EmailField("e-mail til opfølgning", blank=True)
    created_at = models.DateTimeField("modtaget", auto_now_add=True)
    decided_at = models.DateTimeField("afgjort", null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="afgjort af",
    )
    reason = models.TextField("begrundelse for afvisning", blank=True)

    objects = SubmissionQuerySet.as_manager()

    class Meta:
        verbose_name = "bidrag fra læser"
        verbose_name_plural = "bidrag fra læsere"
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(
                        initiative__isnull=False,
                        method__isnull=True,
                        about_organisation__isnull=True,
                    )
                    | Q(
                        initiative__isnull=True,
                        method__isnull=False,
                        about_organisation__isnull=True,
                    )
                    | Q(
                        initiative__isnull=True,
                        method__isnull=True,
                        about_organisation__isnull=False,
                    )
                    | Q(kind="contact", contact__isnull=False)
                ),
                name="submission_has_one_subject",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.subject}"

    @property
    def subject(self):
        """The entry, organisation or contact point the submission is about."""
        return self.contact or self.initiative or self.method or self.about_organisation

    @property
    def entry(self):
        return self.initiative or self.method

    @property
    def organisation_label(self) -> str:
        return str(self.organisation) if self.organisation else self.organisation_name


class ConfirmationRequest(models.Model):
    """One yearly message to a contact point asking it to confirm its details (a log row)."""

    class Answer(models.TextChoices):
        CONFIRMED = "confirmed", "Oplysningerne er rigtige"
        CHANGED = "changed", "Noget er ændret"

    contact = models.ForeignKey(
        ContactPoint,
        on_delete=models.CASCADE,
        related_name="confirmation_requests",
        verbose_name="kontaktpunkt",
    )
    email = models.EmailField("sendt til")
    created_at = models.DateTimeField("oprettet", auto_now_add=True)
    sent_at = models.DateTimeField("sendt", null=True, blank=True)
    failed_at = models.DateTimeField("afsendelse fejlede", null=True, blank=True)
    error = models.CharField("fejl", max_length=300, blank=True)
    answered_at = models.DateTimeField("besvaret", null=True, blank=True)
    answer = models.CharField("svar", max_length=10, choices=Answer.choices, blank=True)

    class Meta:
        verbose_name = "bekræftelsesanmodning"
        verbose_name_plural = "bekræftelsesanmodninger"
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["contact", "sent_at"], name="confirmation_contact_sent")]

    def __str__(self) -> str:
        return f"{self.contact} ({self.email})"

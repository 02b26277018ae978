"""Contact points from the catalogue's "Tag kontakt" tables: who to call about what."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from catalogue.history import History
from catalogue.models import Entry, Initiative, Method, Organisation, Theme

from .managers import ContactPointQuerySet
from .validators import (
    format_phone,
    normalise_email,
    normalise_phone,
    phone_uri,
    validate_danish_phone,
)


class ContactPoint(Entry):
    """One unit of an organisation that can be contacted about its experience.

    An ``Entry`` like the catalogue's: slug, order, editor note, the loader's ``source_hash``,
    status and review date.
    """

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="contact_points",
        verbose_name="organisation",
    )
    unit = models.CharField("enhed", max_length=300)
    person_name = models.CharField(
        "kontaktperson",
        max_length=200,
        blank=True,
        help_text="Valgfrit. Kun arbejdsrelaterede kontaktoplysninger.",
    )
    secure_mail = models.BooleanField(
        "Sikker Post", default=False, help_text="Kan kontaktes via Digital Post (Sikker Post)."
    )
    website = models.URLField("hjemmeside", blank=True)
    contact_text = models.TextField(
        "kontaktoplysninger (som i kilden)",
        blank=True,
        help_text=(
            "Skemaets kolonne 'Kontaktoplysninger' ordret, til sammenligning. Vises aldrig "
            "offentligt: siderne og eksporterne bruger felterne, telefonnumrene og "
            "e-mailadresserne ovenfor. Ret dem, ikke denne tekst."
        ),
    )
    experience_tags = models.JSONField(
        "erfaring med (som i kilden)",
        default=list,
        blank=True,
        help_text="Punkterne i skemaets kolonne 'Erfaring med metode(r) og indsats(er)'.",
    )
    themes = models.ManyToManyField(
        Theme, blank=True, related_name="contact_points", verbose_name="temaer"
    )
    initiatives = models.ManyToManyField(
        Initiative, blank=True, related_name="contact_points", verbose_name="indsatser"
    )
    methods = models.ManyToManyField(
        Method, blank=True, related_name="contact_points", verbose_name="metoder"
    )
    confirmed_on = models.DateField(
        "kontakt bekræftet",
        null=True,
        blank=True,
        help_text="Dagen kontakten selv bekræftede, at oplysningerne er rigtige.",
    )

    objects = ContactPointQuerySet.as_manager()

    history = History(m2m_fields=["themes", "initiatives", "methods"])
    versioned_children = ("phones", "emails")

    class Meta(Entry.Meta):
        verbose_name = "kontaktpunkt"
        verbose_name_plural = "kontaktpunkter"

    def __str__(self) -> str:
        return f"{self.organisation.short_name}: {self.unit}"

    def get_absolute_url(self) -> str:
        """The directory filtered to this contact's organisation, scrolled to the contact."""
        url = reverse("contacts:directory")
        return f"{url}?organisation={self.organisation.slug}#{self.slug}"

    def get_vcard_url(self) -> str:
        return reverse("contacts:contact_vcf", args=[self.slug])


class Phone(models.Model):
    contact = models.ForeignKey(
        ContactPoint, on_delete=models.CASCADE, related_name="phones", verbose_name="kontaktpunkt"
    )
    number = models.CharField(
        "telefonnummer",
        max_length=20,
        validators=[validate_danish_phone],
        help_text="8 cifre, fx 43 68 69 59. Mellemrum og +45 fjernes, når der gemmes.",
    )
    order = models.PositiveIntegerField("rækkefølge", default=0, db_default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "telefonnummer"
        verbose_name_plural = "telefonnumre"
        ordering = ["order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(number__regex=r"^[0-9]{8}$"),
                name="phone_eight_digits",
                violation_error_message="Et telefonnummer skal have 8 cifre.",
            ),
            models.UniqueConstraint(fields=["contact", "number"], name="phone_unique_per_contact"),
        ]

    def __str__(self) -> str:
        return self.display

    def clean_fields(self, exclude=None) -> None:
        # Normalise before Django's own field checks, so "+45 43 68 69 59" is accepted as typed.
        if not exclude or "number" not in exclude:
            try:
                self.number = normalise_phone(self.number)
            except ValidationError as error:
                raise ValidationError({"number": error}) from None
        super().clean_fields(exclude=exclude)

    @property
    def display(self) -> str:
        return format_phone(self.number)

    @property
    def uri(self) -> str:
        return phone_uri(self.number)


class Email(models.Model):
    contact = models.ForeignKey(
        ContactPoint, on_delete=models.CASCADE, related_name="emails", verbose_name="kontaktpunkt"
    )
    address = models.EmailField("e-mailadresse")
    order = models.PositiveIntegerField("rækkefølge", default=0, db_default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "e-mailadresse"
        verbose_name_plural = "e-mailadresser"
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["contact", "address"], name="email_unique_per_contact"),
        ]

    def __str__(self) -> str:
        return self.address

    def clean_fields(self, exclude=None) -> None:
        if not exclude or "address" not in exclude:
            try:
                self.address = normalise_email(self.address)
            except ValidationError as error:
                raise ValidationError({"address": error}) from None
        super().clean_fields(exclude=exclude)

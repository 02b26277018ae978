"""Reads for the directory and the exports: the current selection, its description and mail list."""

from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import NamedTuple
from urllib.parse import quote, urlencode

from django.db.models import QuerySet
from django.http import QueryDict
from django.urls import reverse

from catalogue.slugs import danish_slug

from .filters import ContactFilter
from .models import ContactPoint, Email

MULTI_FILTERS = ("organisation", "tema", "indsats", "metode")
SLUG_MAX_LENGTH = 60
MAILTO_LIMIT = 2000


def directory_url(filters: list[tuple[str, str]]) -> str:
    """The directory with ``filters`` ((parameter, value) pairs); catalogue pages link with it."""
    url = reverse("contacts:directory")
    return f"{url}?{urlencode(filters)}" if filters else url


@dataclass(frozen=True)
class Chip:
    """One active filter value, with the URL that removes just that value."""

    label: str
    value: str
    remove_query: str


@dataclass
class Selection:
    filterset: ContactFilter
    contacts: QuerySet  # published contacts matching the filters, in directory order
    chips: list[Chip] = field(default_factory=list)
    slug_parts: list[str] = field(default_factory=list)
    # chosen organisations the catalogue has no published contact point for
    organisations_without_contacts: list = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return self.filterset.is_valid()

    @property
    def errors(self) -> list[str]:
        return [str(e) for errors in self.filterset.errors.values() for e in errors]

    @property
    def description(self) -> str:
        """The filters in words, e.g. "Organisation: Albertslund Kommune; Fritekst: ssp"."""
        if not self.chips:
            return "Alle kontakter"
        grouped: dict[str, list[str]] = {}
        for chip in self.chips:
            grouped.setdefault(chip.label, []).append(chip.value)
        return "; ".join(f"{label}: {', '.join(values)}" for label, values in grouped.items())

    @property
    def slug(self) -> str:
        """A short ASCII name for filenames: "albertslund-odense" or "alle"."""
        text = "-".join(self.slug_parts).lower()
        slug = danish_slug(text)
        if len(slug) > SLUG_MAX_LENGTH:
            slug = slug[:SLUG_MAX_LENGTH].rsplit("-", 1)[0]
        return slug or "alle"


def _without(params: QueryDict, name: str, value: str) -> str:
    query = params.copy()
    query.pop("side", None)
    values = [v for v in query.getlist(name) if v != value]
    if values:
        query.setlist(name, values)
    else:
        query.pop(name, None)
    return query.urlencode()


def select_contacts(params: QueryDict, *, base: QuerySet | None = None) -> Selection:
    """The published contacts the URL's filters select (none when a filter value is unknown)."""
    queryset = base if base is not None else ContactPoint.objects.published()
    filterset = ContactFilter(params, queryset=queryset.in_directory_order())
    selection = Selection(filterset=filterset, contacts=filterset.qs)
    if not filterset.is_valid():
        selection.contacts = queryset.none()
        return selection
    data = filterset.form.cleaned_data
    text = (data.get("q") or "").strip()
    if text:
        selection.chips.append(Chip("Fritekst", text, _without(params, "q", params.get("q", ""))))
        selection.slug_parts.append(text)
    for name in MULTI_FILTERS:
        label = filterset.filters[name].label
        for obj in data.get(name) or []:
            selection.chips.append(Chip(label, str(obj), _without(params, name, obj.slug)))
            selection.slug_parts.append(obj.slug)
    chosen = data.get("organisation") or []
    if chosen:
        with_contacts = set(
            queryset.filter(organisation__in=chosen).values_list("organisation_id", flat=True)
        )
        selection.organisations_without_contacts = [
            org for org in chosen if org.pk not in with_contacts
        ]
    region = data.get("region")
    if region:
        choices = dict(filterset.filters["region"].extra["choices"])
        selection.chips.append(
            Chip("Region", str(choices[region]), _without(params, "region", region))
        )
        selection.slug_parts.append(region)
    return selection


@dataclass(frozen=True)
class MailList:
    """Who in a selection can be written to by e-mail, and who only through Sikker Post."""

    addresses: list[str]
    secure_mail_only: list["Listed"]
    no_written_channel: list["Listed"]

    @property
    def too_long_for_a_link(self) -> bool:
        """Mail programs (Outlook) cut mailto: links at about 2,000 characters."""
        return len(self.mailto) > MAILTO_LIMIT

    @property
    def mailto(self) -> str:
        if not self.addresses:
            return ""
        return "mailto:?bcc=" + quote(",".join(self.addresses), safe="@,")


def mail_list(contacts: QuerySet) -> MailList:
    """E-mail addresses (each once, in directory order) for a BCC to the whole selection."""
    rows = (
        Email.objects.filter(contact__in=contacts.values("pk"))
        .values_list("address", flat=True)
        .order_by("contact__order", "contact__pk", "order", "pk")
    )
    seen: set[str] = set()
    addresses = []
    for address in rows:
        if address.lower() not in seen:
            seen.add(address.lower())
            addresses.append(address)
    # Plain values, not model instances: at national scale hundreds of contacts have no e-mail.
    without_email = contacts.filter(emails__isnull=True).values_list(
        "slug", "unit", "secure_mail", "organisation__name"
    )
    secure, none = [], []
    for slug, unit, secure_mail, organisation in without_email:
        listed = Listed(slug, unit, Named(organisation))
        (secure if secure_mail else none).append(listed)
    return MailList(addresses, secure, none)


class Named(NamedTuple):
    name: str


class Listed(NamedTuple):
    """A contact named in the mail list: enough to link to its card."""

    slug: str
    unit: str
    organisation: Named


@dataclass(frozen=True)
class Tag:
    text: str
    url: str = ""


def _similar(a: str, b: str) -> bool:
    """Same entry, spelled as the tag does: "Banderåd" ~ "Nedsætte et banderåd", "RGP" ~ "RGP"."""
    a, b = a.casefold().strip(), b.casefold().strip()
    if a == b:
        return True
    shorter, longer = sorted((a, b), key=len)
    if len(shorter) >= 6 and shorter in longer:
        return True
    return SequenceMatcher(None, a, b).ratio() >= 0.85


def experience_links(contact: ContactPoint) -> list[Tag]:
    """The source's experience tags in order, each linked to its entry where one is tagged.

    Tagged entries that no tag names (spelled differently) are added at the end, linked.
    Reads only prefetched relations.
    """
    targets: list[tuple[list[str], str]] = [
        ([theme.name], f"/indsatser/?tema={theme.slug}") for theme in contact.themes.all()
    ]
    targets += [([i.title], i.get_absolute_url()) for i in contact.initiatives.all()]
    targets += [([m.title, *m.aliases], m.get_absolute_url()) for m in contact.methods.all()]
    used: set[int] = set()
    tags = []
    for text in contact.experience_tags:
        url = ""
        for index, (names, target) in enumerate(targets):
            if index not in used and any(_similar(text, name) for name in names):
                url = target
                used.add(index)
                break
        tags.append(Tag(text, url))
    tags += [Tag(names[0], url) for i, (names, url) in enumerate(targets) if i not in used]
    return tags

"""Test data factories shared by the whole suite: plain functions over the ORM.

Add your own functions; don't rewrite others'. Every factory takes keyword overrides and
makes unique slugs/names itself, so tests only state what they care about.
"""

from io import StringIO
from itertools import count

_serial = count(1)


def _n() -> int:
    return next(_serial)


def make_level(**fields):
    from catalogue.models import PreventionLevel

    n = _n()
    fields.setdefault("slug", f"niveau-{n}")
    fields.setdefault("name", f"Niveau {n}")
    return PreventionLevel.objects.create(**fields)


def make_theme(**fields):
    from catalogue.models import Theme

    n = _n()
    fields.setdefault("slug", f"tema-{n}")
    fields.setdefault("name", f"Tema {n}")
    return Theme.objects.create(**fields)


def make_organisation(**fields):
    from catalogue.models import Organisation

    n = _n()
    fields.setdefault("slug", f"kommune-{n}")
    fields.setdefault("short_name", f"Kommune {n}")
    fields.setdefault("name", f"{fields['short_name']} Kommune")
    fields.setdefault("kind", Organisation.Kind.KOMMUNE)
    fields.setdefault("region", Organisation.Region.VESTEGN)
    return Organisation.objects.create(**fields)


def make_initiative(*, themes=(), **fields):
    from catalogue.models import Initiative

    n = _n()
    fields.setdefault("slug", f"indsats-{n}")
    fields.setdefault("title", f"Indsats {n}")
    if "level" not in fields:
        fields["level"] = make_level()
    from catalogue.services import one_version

    initiative = Initiative(**fields)
    with one_version(initiative):  # as the admin and the loader save: one first version
        initiative.save()
        initiative.themes.set(themes)
    return initiative


def make_method(**fields):
    from catalogue.models import Method

    n = _n()
    fields.setdefault("slug", f"metode-{n}")
    fields.setdefault("title", f"Metode {n}")
    return Method.objects.create(**fields)


def make_contact(*, phones=(), emails=(), themes=(), initiatives=(), methods=(), **fields):
    """A contact point with phones (8 digits each) and e-mails, saved directly via the ORM."""
    from contacts.models import ContactPoint, Email, Phone

    n = _n()
    fields.setdefault("slug", f"kontakt-{n}")
    fields.setdefault("unit", f"Enhed {n}")
    if "organisation" not in fields:
        fields["organisation"] = make_organisation()
    from catalogue.services import one_version

    contact = ContactPoint(**fields)
    with one_version(contact):  # as the admin and the loader save: one first version
        contact.save()
        for order, number in enumerate(phones, start=1):
            Phone.objects.create(contact=contact, number=number, order=order)
        for order, address in enumerate(emails, start=1):
            Email.objects.create(contact=contact, address=address, order=order)
        contact.themes.set(themes)
        contact.initiatives.set(initiatives)
        contact.methods.set(methods)
    return contact


def make_question(method, **fields):
    from catalogue.models import Question

    if fields.get("kind", "question") == "question":  # other blocks name their own field
        fields.setdefault("text", f"Spørgsmål {_n()}?")
    fields.setdefault("order", method.questions.count() + 1)
    return Question.objects.create(method=method, **fields)


def make_experience(organisation, entry, **fields):
    """``organisation``'s experience with ``entry`` (an initiative or a method)."""
    from catalogue.models import Experience, Method

    key = "method" if isinstance(entry, Method) else "initiative"
    return Experience.objects.create(organisation=organisation, **{key: entry}, **fields)


def make_user(role=None, **fields):
    """A staff user in ``role`` (Redaktør, Kontaktansvarlig or Læser; set up on demand)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.core.management import call_command

    n = _n()
    fields.setdefault("username", f"bruger{n}")
    fields.setdefault("is_staff", True)
    user = get_user_model().objects.create_user(**fields)
    if role is not None:
        if not Group.objects.filter(name=role).exists():
            call_command("setup_roles", stdout=StringIO())
        user.groups.add(Group.objects.get(name=role))
    return user


def make_catalogue(size: int) -> dict:
    """A small published catalogue that grows with ``size``: for constant-query-count tests.

    ``size`` initiatives and methods, each with two themes (initiatives), two organisations'
    experience, a source and (methods) three questions; plus one draft of each.
    """
    from catalogue.models import Source, Status

    levels = [make_level() for _ in range(3)]
    themes = [make_theme() for _ in range(3)]
    orgs = [make_organisation() for _ in range(size + 2)]
    source = Source.objects.create(slug=f"fodnote-{_n()}", number=_n(), text="Kilde")
    initiatives, methods = [], []
    for i in range(size):
        initiative = make_initiative(
            level=levels[i % 3],
            themes=[themes[i % 3], themes[(i + 1) % 3]],
            target_group=f"Målgruppe {i % 2}",
            purpose=f"Formål {i}",
        )
        method = make_method(purpose=f"Formål {i}")
        for entry in (initiative, method):
            entry.sources.add(source)
            make_experience(orgs[i], entry, note="Note")
            make_experience(orgs[i + 1], entry)
        for k in range(3):
            make_question(method, technique=f"Teknik {k % 2}", audience="Til borger")
        initiatives.append(initiative)
        methods.append(method)
    drafts = [
        make_initiative(level=levels[0], status=Status.DRAFT, title="Kladde-indsats"),
        make_method(status=Status.DRAFT, title="Kladde-metode"),
    ]
    return {
        "levels": levels,
        "themes": themes,
        "organisations": orgs,
        "initiatives": initiatives,
        "methods": methods,
        "drafts": drafts,
    }

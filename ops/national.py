"""Synthetic national-scale data for the benchmark: 98 municipalities, 12 police districts,
5,000 initiatives and methods, 50,000 experience rows, 2,000 contact points.

Text is recombined from the real catalogue's own sentences, so lengths and vocabulary are
realistic; names say plainly that they are synthetic ("Syntetisk kommune 17"). Never load this into
a database people use: the command refuses unless the database name says "bench".
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from itertools import islice

from django.db import transaction

from catalogue import models as cm
from contacts.models import ContactPoint, Email, Phone

MUNICIPALITIES = 98
POLICE_DISTRICTS = 12
ENTRIES = 5_000
EXPERIENCES = 50_000
CONTACTS = 2_000
BATCH = 1_000


def _batched(items: Iterator, size: int = BATCH) -> Iterator[list]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def _sentences() -> list[str]:
    texts = [
        *cm.Initiative.objects.values_list("purpose", flat=True),
        *cm.Initiative.objects.values_list("description", flat=True),
        *cm.Method.objects.values_list("purpose", flat=True),
        *cm.Method.objects.values_list("description", flat=True),
    ]
    sentences = [s.strip() + "." for t in texts for s in t.split(". ") if len(s.strip()) > 30]
    if not sentences:
        raise RuntimeError("Load the real catalogue first: manage.py load_catalogue")
    return sentences


def add_first_versions() -> int:
    """One history row per synthetic object, as the admin and the loader save a first version.

    bulk_create writes none; without them the history tables are tiny and the catalogue
    revision (which counts them on every request, catalogue/revision.py) looks cheaper than on
    a real database of this size.
    """
    added = 0
    synthetic = {
        cm.Organisation: {"slug__startswith": "syntetisk-"},
        cm.Initiative: {"slug__startswith": "syntetisk-"},
        cm.Method: {"slug__startswith": "syntetisk-"},
        cm.Question: {"method__slug__startswith": "syntetisk-"},
        cm.Experience: {},
        ContactPoint: {"slug__startswith": "syntetisk-"},
        Phone: {"contact__slug__startswith": "syntetisk-"},
        Email: {"contact__slug__startswith": "syntetisk-"},
    }
    for model, lookup in synthetic.items():
        versioned = set(model.history.values_list(model._meta.pk.attname, flat=True))
        for batch in _batched(model.objects.filter(**lookup).order_by("pk").iterator()):
            batch = [obj for obj in batch if obj.pk not in versioned]
            model.history.bulk_history_create(batch, batch_size=BATCH)
            added += len(batch)
    return added


@transaction.atomic
def seed(
    *,
    seed_value: int = 2024,
    municipalities: int = MUNICIPALITIES,
    police_districts: int = POLICE_DISTRICTS,
    entries: int = ENTRIES,
    experiences: int = EXPERIENCES,
    contacts: int = CONTACTS,
) -> dict[str, int]:
    """Add the synthetic data (national scale by default; smaller sizes for tests)."""
    rng = random.Random(seed_value)
    sentences = _sentences()

    def text(n: int) -> str:
        return " ".join(rng.choice(sentences) for _ in range(n))

    orgs = [
        cm.Organisation(
            slug=f"syntetisk-kommune-{i}",
            name=f"Syntetisk kommune {i}",
            short_name=f"Synt. kommune {i}",
            kind="kommune",
            region="oevrige",
            order=1000 + i,
        )
        for i in range(1, municipalities + 1)
    ] + [
        cm.Organisation(
            slug=f"syntetisk-politikreds-{i}",
            name=f"Syntetisk politikreds {i}",
            short_name=f"Synt. politi {i}",
            kind="politi",
            region="oevrige",
            order=2000 + i,
        )
        for i in range(1, police_districts + 1)
    ]
    cm.Organisation.objects.bulk_create(orgs)
    orgs = list(cm.Organisation.objects.all())
    levels = list(cm.PreventionLevel.objects.all())
    themes = list(cm.Theme.objects.all())

    half = entries // 2
    cm.Initiative.objects.bulk_create(
        cm.Initiative(
            slug=f"syntetisk-indsats-{i}",
            title=f"Syntetisk indsats {i}: {text(1)[:120]}",
            level=rng.choice(levels),
            purpose=text(2),
            coordination=text(1),
            target_group="Problemskabende ungegrupper.",
            description=text(12),
            read_more_page=str(rng.randint(10, 50)),
            order=1000 + i,
        )
        for i in range(1, half + 1)
    )
    cm.Method.objects.bulk_create(
        cm.Method(
            slug=f"syntetisk-metode-{i}",
            title=f"Syntetisk metode {i}",
            purpose=text(2),
            professionals="SSP-medarbejdere, klubpædagoger, opsøgende medarbejdere osv.",
            description=text(12),
            order=1000 + i,
        )
        for i in range(1, entries - half + 1)
    )
    initiatives = list(cm.Initiative.objects.filter(slug__startswith="syntetisk-"))
    methods = list(cm.Method.objects.filter(slug__startswith="syntetisk-"))
    through = cm.Initiative.themes.through
    through.objects.bulk_create(
        through(initiative_id=i.pk, theme_id=t.pk)
        for i in initiatives
        for t in rng.sample(themes, 2)
    )
    cm.Question.objects.bulk_create(
        cm.Question(
            method=m,
            technique="Åbne spørgsmål",
            audience="Fagprofessionel til borger",
            text=text(1)[:200],
            order=n,
        )
        for m in methods
        for n in range(1, 4)
    )

    pairs: set[tuple[str, int, int]] = set()
    entries_ = [("i", e.pk) for e in initiatives] + [("m", e.pk) for e in methods]
    target = min(experiences, len(entries_) * len(orgs))
    while len(pairs) < target:
        kind, pk = rng.choice(entries_)
        pairs.add((kind, pk, rng.choice(orgs).pk))
    for batch in _batched(iter(sorted(pairs))):
        cm.Experience.objects.bulk_create(
            cm.Experience(
                organisation_id=org,
                initiative_id=pk if kind == "i" else None,
                method_id=pk if kind == "m" else None,
                note="",
            )
            for kind, pk, org in batch
        )

    ContactPoint.objects.bulk_create(
        ContactPoint(
            slug=f"syntetisk-kontakt-{i}",
            organisation=orgs[i % len(orgs)],
            unit=f"Syntetisk enhed {i}, SSP og forebyggelse",
            order=1000 + i,
            experience_tags=["Samarbejde på tværs", "Familie"],
            secure_mail=i % 5 == 0,
        )
        for i in range(1, contacts + 1)
    )
    points = list(ContactPoint.objects.filter(slug__startswith="syntetisk-"))
    Phone.objects.bulk_create(
        Phone(contact=c, number=f"{90000000 + n:08d}", order=1) for n, c in enumerate(points)
    )
    Email.objects.bulk_create(
        Email(contact=c, address=f"kontakt{n}@syntetisk.example", order=1)
        for n, c in enumerate(points)
        if not c.secure_mail
    )
    add_first_versions()
    return {
        "organisations": len(orgs),
        "initiatives": len(initiatives),
        "methods": len(methods),
        "experiences": cm.Experience.objects.count(),
        "contacts": ContactPoint.objects.count(),
    }

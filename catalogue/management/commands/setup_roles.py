"""Create or update the editors' groups (issue 5); safe to run on every deploy."""

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.core.management import BaseCommand

from catalogue.roles import EDIT, ROWS, extended_roles, extra_permissions

# The catalogue's models per role, and what each role may do with them; other apps add their
# models through ``catalogue.roles.add_permissions`` (the directory's contact points, the
# glossary ...). No role may delete an entry: editors archive it instead (status "Arkiveret"),
# and every version stays in the history. Rows inside an entry (experience, questions) may be
# deleted, and a deleted row can be restored from its history ("Slettede ..." in admin).
CATALOGUE = [
    "catalogue.initiative",
    "catalogue.method",
    "catalogue.organisation",
    "catalogue.source",
    "catalogue.developmentinitiative",
    "catalogue.recommendation",
    "catalogue.goodadvice",
    "catalogue.definition",
    "catalogue.literatureentry",
    "catalogue.aboutsection",
]
CATALOGUE_ROWS = ["catalogue.question", "catalogue.experience"]
TAXONOMY = ["catalogue.preventionlevel", "catalogue.theme"]
EVERYTHING = CATALOGUE + CATALOGUE_ROWS + TAXONOMY


ROLES: dict[str, dict[str, tuple[str, ...]]] = {
    "Redaktør": {
        **dict.fromkeys(CATALOGUE, EDIT),
        **dict.fromkeys(CATALOGUE_ROWS, ROWS),
        **dict.fromkeys(TAXONOMY, ("view",)),
    },
    # Keeps the directory up to date (its models come from the contacts app); reads the rest.
    "Kontaktansvarlig": dict.fromkeys(EVERYTHING, ("view",)),
    "Læser": dict.fromkeys(EVERYTHING, ("view",)),
}


def role_actions(role: str) -> dict[str, tuple[str, ...]]:
    """The role's models and actions: the catalogue's own plus what other apps add
    (``catalogue.roles.add_permissions``)."""
    unknown = extended_roles() - set(ROLES)
    if unknown:
        raise RuntimeError(f"add_permissions names unknown roles: {sorted(unknown)}")
    return {**ROLES[role], **extra_permissions(role)}


def role_permissions(role: str) -> list[Permission]:
    wanted = []
    for label, actions in role_actions(role).items():
        model = apps.get_model(label)
        wanted += [
            (model._meta.app_label, f"{action}_{model._meta.model_name}") for action in actions
        ]
    perms = Permission.objects.filter(
        content_type__app_label__in={app for app, _ in wanted},
        codename__in={codename for _, codename in wanted},
    ).select_related("content_type")
    found = {(p.content_type.app_label, p.codename): p for p in perms}
    missing = set(wanted) - set(found)
    if missing:
        raise RuntimeError(f"permissions missing (run migrate first): {sorted(missing)}")
    return [found[key] for key in wanted]


class Command(BaseCommand):
    help = "Opretter eller opdaterer rollerne Redaktør, Kontaktansvarlig og Læser."

    def handle(self, *args, **options) -> None:
        for role in ROLES:
            group, created = Group.objects.get_or_create(name=role)
            group.permissions.set(role_permissions(role))
            verb = "oprettet" if created else "opdateret"
            self.stdout.write(f"{role}: {verb} med {group.permissions.count()} rettigheder")

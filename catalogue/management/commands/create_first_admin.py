"""Create the first superuser from ADMIN_USERNAME, ADMIN_EMAIL and ADMIN_PASSWORD (deployments).

Does nothing if a user with that username exists: it never resets a password.
"""

import os

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management import BaseCommand, CommandError

VARIABLES = ("ADMIN_USERNAME", "ADMIN_EMAIL", "ADMIN_PASSWORD")


class Command(BaseCommand):
    help = "Opretter den første administrator ud fra ADMIN_USERNAME, ADMIN_EMAIL og ADMIN_PASSWORD."

    def handle(self, *args, **options) -> None:
        values = {name: os.environ.get(name, "").strip() for name in VARIABLES}
        missing = [name for name, value in values.items() if not value]
        if missing:
            raise CommandError(
                f"Mangler miljøvariabler: {', '.join(missing)}. "
                "Sæt ADMIN_USERNAME, ADMIN_EMAIL og ADMIN_PASSWORD."
            )
        User = get_user_model()
        username = values["ADMIN_USERNAME"]
        if User._default_manager.filter(**{User.USERNAME_FIELD: username}).exists():
            self.stdout.write(f"Brugeren {username!r} findes allerede; intet ændret.")
            return
        user = User(**{User.USERNAME_FIELD: username}, email=values["ADMIN_EMAIL"])
        try:
            validate_password(values["ADMIN_PASSWORD"], user)
        except ValidationError as error:
            raise CommandError("ADMIN_PASSWORD er for svag: " + " ".join(error.messages)) from None
        User._default_manager.create_superuser(
            username, values["ADMIN_EMAIL"], values["ADMIN_PASSWORD"]
        )
        self.stdout.write(self.style.SUCCESS(f"Administrator {username!r} oprettet."))

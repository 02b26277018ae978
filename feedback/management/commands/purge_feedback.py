"""Delete readers' submissions (with their e-mail and text) a fixed time after the decision."""

from django.conf import settings
from django.core.management import BaseCommand

from feedback import services


class Command(BaseCommand):
    help = (
        "Sletter bidrag fra læsere (med e-mailadresse og tekst), når der er gået "
        "FEEDBACK_RETENTION_DAYS (90) dage, siden de blev godkendt eller afvist."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="Tæl kun; slet intet.")

    def handle(self, *args, dry_run: bool = False, **options) -> None:
        count = services.purge_personal_data(dry_run=dry_run)
        days = settings.FEEDBACK_RETENTION_DAYS
        verb = "ville blive slettet (--dry-run)" if dry_run else "slettet"
        self.stdout.write(f"{count} bidrag afgjort for over {days} dage siden {verb}.")

"""Send each contact point that is due its yearly confirmation link (run daily from cron)."""

from django.core.management import BaseCommand, CommandError

from feedback import services


class Command(BaseCommand):
    help = (
        "Sender kontaktpunkter med en e-mailadresse et årligt link, så de selv kan bekræfte "
        "deres oplysninger. Aldrig to gange inden for intervallet."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--dry-run", action="store_true", help="Vis, hvem der står for tur; send intet."
        )
        parser.add_argument("--limit", type=int, default=None, help="Send højst så mange.")

    def handle(self, *args, dry_run: bool = False, limit: int | None = None, **options) -> None:
        if limit is not None and limit < 1:
            raise CommandError("--limit skal være mindst 1")
        result = services.send_confirmations(dry_run=dry_run, limit=limit)
        if dry_run:
            for contact, address in result.due:
                self.stdout.write(f"står for tur: {contact} <{address}>")
            self.stdout.write(f"{len(result.due)} står for tur; intet er sendt (--dry-run).")
            return
        for contact in result.sent:
            self.stdout.write(f"sendt: {contact}")
        for contact, error in result.failed:
            self.stderr.write(f"fejlede: {contact}: {error}")
        self.stdout.write(f"{len(result.sent)} sendt, {len(result.failed)} fejlede.")
        if result.failed:
            raise CommandError(
                f"{len(result.failed)} kunne ikke sendes; de forsøges igen ved næste kørsel."
            )

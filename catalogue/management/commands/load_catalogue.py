from django.core.management.base import BaseCommand, CommandError

from catalogue import search
from catalogue.loading import FixtureError, load_all


class Command(BaseCommand):
    help = (
        "Indlæs idekataloget fra fixtures/*.toml. Kan køres igen: uændrede poster røres ikke, "
        "og poster som en redaktør har ændret, bliver aldrig overskrevet."
    )

    def handle(self, *args, **options):
        try:
            report = load_all()
        except FixtureError as exc:
            raise CommandError(f"Fejl i fixtures: {exc}") from exc
        for label, bucket in (
            ("oprettet", report.created),
            ("opdateret", report.updated),
            ("uændret", report.unchanged),
        ):
            if bucket:
                parts = ", ".join(f"{kind} {n}" for kind, n in bucket.items())
                self.stdout.write(f"{label}: {parts}")
        if report.skipped:
            count = len(report.skipped)
            self.stdout.write(
                self.style.WARNING(f"sprunget over, ændret af en redaktør ({count}):")
            )
            for item in report.skipped:
                self.stdout.write(f"  {item}")
        if report.changed:
            terms = search.rebuild_index()
            self.stdout.write(f"søgeindeks: {terms} termer")
        self.stdout.write(self.style.SUCCESS("Kataloget er indlæst."))

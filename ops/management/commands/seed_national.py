from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from ops.national import seed


class Command(BaseCommand):
    help = (
        "Fyld en SEPARAT benchmark-database med syntetiske data i national skala "
        "(98 kommuner, 12 politikredse, 5.000 indsatser og metoder, 50.000 erfaringer, "
        "2.000 kontakter). Databasens navn skal indeholde 'bench'."
    )

    def handle(self, *args, **options):
        name = str(connection.settings_dict["NAME"])
        if "bench" not in name:
            raise CommandError(
                f"Databasen {name!r} ligner ikke en benchmark-database (navnet skal indeholde "
                "'bench'). Sæt DATABASE_URL til en separat database."
            )
        call_command("migrate", verbosity=0)
        call_command("load_catalogue", verbosity=0)
        counts = seed()
        self.stdout.write(", ".join(f"{k}: {v}" for k, v in counts.items()))
        try:
            call_command("rebuild_search_index", verbosity=1, stdout=self.stdout)
        except CommandError as exc:  # search index command missing: report, don't hide it
            self.stdout.write(self.style.WARNING(f"søgeindeks ikke genopbygget: {exc}"))
        # Planner statistics, as PostgreSQL's autovacuum keeps them on a live database. SQLite
        # has none until ANALYZE runs: without them it picks an index that scans every
        # published method for the directory's 100 contacts (15 ms instead of 0.2 ms).
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        self.stdout.write("ANALYZE: planlæggerens statistik er opdateret.")

from django.core.management.base import BaseCommand

from thesaurus.services import KEEP_DAYS, purge_search_log


class Command(BaseCommand):
    help = (
        "Slet loggede søgninger uden (mange) resultater, der er ældre end 12 måneder. "
        "Kør den dagligt (cron)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=KEEP_DAYS, help="Behold så mange dage.")

    def handle(self, *args, days=KEEP_DAYS, **options):
        deleted = purge_search_log(keep_days=days)
        self.stdout.write(f"Slettet {deleted} loggede søgninger ældre end {days} dage.")

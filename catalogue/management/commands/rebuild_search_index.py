from django.core.management.base import BaseCommand

from catalogue.search import rebuild_index


class Command(BaseCommand):
    help = (
        "Genopbyg søgeindekset for hele kataloget (indsatser, metoder, organisationer, kontakter)."
    )

    def handle(self, *args, **options):
        terms = rebuild_index()
        self.stdout.write(self.style.SUCCESS(f"Søgeindekset er genopbygget: {terms} termer."))

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import connection

from catalogue.models import Initiative
from ops.bench import run


def pages() -> list[tuple[str, str]]:
    detail = Initiative.objects.published().order_by("order").first()
    return [
        ("forside", "/"),
        ("liste", "/indsatser/"),
        ("liste, 3 filtre", "/indsatser/?level=social&theme=familie&organisation=albertslund"),
        ("søgning", "/soeg/?q=bekymringssamtaler"),
        ("detalje", f"/indsatser/{detail.slug}/" if detail else "/indsatser/"),
        ("erfaringsoverblik", "/erfaringsoverblik/"),
        ("kontakter CSV", "/kontakter/eksport.csv"),
        ("katalog.json", "/data/katalog.json"),
    ]


class Command(BaseCommand):
    help = "Mål servertid (median, p95), antal forespørgsler og hukommelse for hovedsiderne."

    def add_arguments(self, parser):
        parser.add_argument("--runs", type=int, default=30)

    def handle(self, *args, runs: int, **options):
        settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
        results, peak_mb = run(pages(), runs=runs)
        vendor = connection.vendor
        self.stdout.write(f"database: {vendor}, {runs} kørsler pr. side")
        header = (
            f"{'side':<20} {'status':>6} {'bytes':>9} {'median ms':>10} {'p95 ms':>8} "
            f"{'queries':>8} {'floor ms':>9} {'x floor':>8}"
        )
        self.stdout.write(header)
        for r in results:
            self.stdout.write(
                f"{r.name:<20} {r.status:>6} {r.size:>9} {r.median_ms:>10.1f} {r.p95_ms:>8.1f} "
                f"{r.queries:>8} {r.floor_median_ms:>9.2f} {r.ratio:>8.1f}"
            )
        self.stdout.write(f"peak worker memory (maxrss): {peak_mb:.0f} MB")

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import connection

from catalogue.models import Initiative
from ops.bench import run

# Every main page, with the parameter names the pages really read (catalogue/filters.py,
# catalogue/urls.py, contacts/urls.py). A page that doesn't answer 200 is flagged in the output.
THREE_FILTERS = "niveau=social&tema=familie&organisation=albertslund"


def pages() -> list[tuple[str, str]]:
    detail = Initiative.objects.published().order_by("order", "pk").first()
    return [
        ("forside", "/"),
        ("liste", "/indsatser/"),
        ("liste, 3 filtre", f"/indsatser/?{THREE_FILTERS}"),
        ("søgning", "/soeg/?q=bekymringssamtaler"),
        ("detalje", detail.get_absolute_url() if detail else "/indsatser/"),
        ("erfaringsoverblik", "/erfaringsoverblik/"),
        ("kontakter CSV", "/kontakter/eksport.csv"),
        ("katalog.json", "/data/katalog.json"),
    ]


class Command(BaseCommand):
    help = "Mål servertid (median, p95), antal forespørgsler og hukommelse for hovedsiderne."

    def add_arguments(self, parser):
        parser.add_argument("--runs", type=int, default=30)
        parser.add_argument(
            "--json", dest="json_path", metavar="FIL", help="Skriv resultaterne som JSON til FIL."
        )
        parser.add_argument(
            "--page", action="append", default=[], metavar="NAVN",
            help="Mål kun denne side (kan gentages), fx --page forside.",
        )  # fmt: skip

    def handle(self, *args, runs: int, json_path: str | None, page: list[str], **options):
        settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
        selected = [p for p in pages() if not page or p[0] in page]
        results, peak_mb = run(selected, runs=runs)
        vendor = connection.vendor
        self.stdout.write(f"database: {vendor}, {runs} kørsler pr. side")
        header = (
            f"{'side':<20} {'status':>6} {'bytes':>9} {'median ms':>10} {'p95 ms':>8} "
            f"{'queries':>8} {'floor ms':>9} {'x floor':>8} {'rå WN ms':>9}"
        )
        self.stdout.write(header)
        for r in results:
            line = (
                f"{r.name:<20} {r.status:>6} {r.size:>9} {r.median_ms:>10.1f} {r.p95_ms:>8.1f} "
                f"{r.queries:>8} {r.floor_median_ms:>9.2f} {r.ratio:>8.1f} "
                f"{r.raw_floor_median_ms:>9.3f}"
            )
            self.stdout.write(line if r.status == 200 else self.style.WARNING(line))
        self.stdout.write(f"peak worker memory (maxrss): {peak_mb:.0f} MB")
        self.stdout.write(
            "floor: samme antal bytes serveret af WhiteNoiseMiddleware gennem hele Django-stakken; "
            "rå WN: WhiteNoise som bar WSGI-app."
        )
        if json_path:
            report = {
                "database": vendor,
                "runs": runs,
                "peak_rss_mb": round(peak_mb, 1),
                "pages": [
                    {
                        "name": r.name,
                        "url": r.url,
                        "status": r.status,
                        "bytes": r.size,
                        "median_ms": round(r.median_ms, 2),
                        "p95_ms": round(r.p95_ms, 2),
                        "queries": r.queries,
                        "floor_median_ms": round(r.floor_median_ms, 3),
                        "x_floor": round(r.ratio, 1),
                        "raw_whitenoise_median_ms": round(r.raw_floor_median_ms, 3),
                    }
                    for r in results
                ],
            }
            Path(json_path).write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n")
            self.stdout.write(f"skrevet: {json_path}")

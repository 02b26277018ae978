import json
import os
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
        ("metoder", "/metoder/"),
        ("søgning", "/soeg/?q=bekymringssamtaler"),
        ("api/soeg", "/api/soeg?q=bekymringssamtaler"),
        ("detalje", detail.get_absolute_url() if detail else "/indsatser/"),
        ("organisationer", "/organisationer/"),
        ("erfaringsoverblik", "/erfaringsoverblik/"),
        ("kontakter", "/kontakter/"),
        ("kontakter CSV", "/kontakter/eksport.csv"),
        ("katalog.json", "/data/katalog.json"),
    ]


class Command(BaseCommand):
    help = (
        "Mål servertid (median, p95) kold (første forespørgsel efter en redigering) og varm "
        "(fra sidecachen) ved siden af en statisk fil af samme størrelse, antal forespørgsler "
        "og hukommelse for hovedsiderne."
    )

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
        load_before = " ".join(f"{x:.2f}" for x in os.getloadavg())
        results, peak_mb = run(selected, runs=runs)
        vendor = connection.vendor
        load = " ".join(f"{x:.2f}" for x in os.getloadavg())
        cache = "til" if settings.PAGE_CACHE else "FRA (PAGE_CACHE=0: varm = kold uden redigering)"
        self.stdout.write(
            f"database: {vendor}, {runs} kørsler pr. side, sidecache {cache}, "
            f"load average før: {load_before}, efter: {load}"
        )
        header = (
            f"{'side':<18} {'status':>6} {'bytes':>9} {'queries':>7} {'kold ms':>8} "
            f"{'p95':>7} {'1. byte':>8} {'varm ms':>8} {'p95':>6} {'floor ms':>9} "
            f"{'kold/fl':>8} {'varm/fl':>8} {'rå WN ms':>9}"
        )
        self.stdout.write(header)
        for r in results:
            first = f"{r.first_byte_ms:>8.1f}" if r.streamed else f"{'':>8}"
            line = (
                f"{r.name:<18} {r.status:>6} {r.size:>9} {r.queries:>7} {r.median_ms:>8.1f} "
                f"{r.p95_ms:>7.1f} {first} {r.warm_median_ms:>8.2f} {r.warm_p95_ms:>6.2f} "
                f"{r.floor_median_ms:>9.2f} {r.ratio:>8.0f} {r.warm_ratio:>8.1f} "
                f"{r.raw_floor_median_ms:>9.3f}"
            )
            self.stdout.write(line if r.status == 200 else self.style.WARNING(line))
        self.stdout.write(f"peak worker memory (maxrss): {peak_mb:.0f} MB")
        self.stdout.write(
            "kold: første forespørgsel efter en redigering (en indsats gemmes via ORM'en før hver "
            "måling); 1. byte: tid til første byte, når svaret streames; varm: samme adresse "
            "igen (sidecachen); floor: samme antal bytes serveret af WhiteNoiseMiddleware "
            "gennem hele Django-stakken; rå WN: WhiteNoise som bar WSGI-app."
        )
        if json_path:
            report = {
                "database": vendor,
                "runs": runs,
                "page_cache": bool(settings.PAGE_CACHE),
                "load_average_before": load_before,
                "load_average_after": load,
                "peak_rss_mb": round(peak_mb, 1),
                "pages": [
                    {
                        "name": r.name,
                        "url": r.url,
                        "status": r.status,
                        "bytes": r.size,
                        "queries": r.queries,
                        "cold_median_ms": round(r.median_ms, 2),
                        "cold_p95_ms": round(r.p95_ms, 2),
                        "cold_first_byte_median_ms": (
                            round(r.first_byte_ms, 2) if r.streamed else None
                        ),
                        "warm_median_ms": round(r.warm_median_ms, 3),
                        "warm_p95_ms": round(r.warm_p95_ms, 3),
                        "floor_median_ms": round(r.floor_median_ms, 3),
                        "cold_x_floor": round(r.ratio, 1),
                        "warm_x_floor": round(r.warm_ratio, 2),
                        "raw_whitenoise_median_ms": round(r.raw_floor_median_ms, 3),
                    }
                    for r in results
                ],
            }
            Path(json_path).write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n")
            self.stdout.write(f"skrevet: {json_path}")

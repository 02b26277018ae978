from django.core.management.base import BaseCommand
from django.db import connection

from catalogue.search import rebuild_index
from catalogue.search.evaluation import (
    CASES,
    evaluate,
    our_search,
    recall_at_5,
    substring_search,
)


class Command(BaseCommand):
    help = (
        "Mål søgningens kvalitet: recall@5 for evalueringssættet, for vores søgning og for en "
        "simpel delstrengssøgning (icontains) over samme tekst. Kør load_catalogue først."
    )

    def add_arguments(self, parser):
        parser.add_argument("--verbose-cases", action="store_true", help="Vis hver forespørgsel.")
        parser.add_argument("--rebuild", action="store_true", help="Genopbyg søgeindekset først.")

    def handle(self, *args, verbose_cases=False, rebuild=False, **options):
        if rebuild:
            rebuild_index()
        ours = evaluate(our_search)
        baseline = evaluate(substring_search)
        if verbose_cases:
            for mine, theirs in zip(ours, baseline, strict=True):
                mark = "ok " if mine.recall == 1 else "---"
                self.stdout.write(
                    f"{mark} {mine.recall:4.2f} vs {theirs.recall:4.2f}  "
                    f"[{mine.case.what}] {mine.case.query!r}"
                )
                if mine.recall < 1:
                    self.stdout.write(f"      forventet: {', '.join(mine.case.expected)}")
                    self.stdout.write(f"      fundet:    {', '.join(mine.found)}")
        by_what: dict[str, list] = {}
        for mine, theirs in zip(ours, baseline, strict=True):
            by_what.setdefault(mine.case.what, []).append((mine, theirs))
        self.stdout.write(f"database: {connection.vendor}; forespørgsler: {len(CASES)}")
        for what, pairs in by_what.items():
            a = recall_at_5([p[0] for p in pairs])
            b = recall_at_5([p[1] for p in pairs])
            self.stdout.write(f"  {what:10} ({len(pairs):2}): søgning {a:.3f}  delstreng {b:.3f}")
        self.stdout.write(
            f"recall@5: søgning {recall_at_5(ours):.3f}, delstreng (icontains) "
            f"{recall_at_5(baseline):.3f}"
        )

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from catalogue.search import rebuild_index
from catalogue.search.evaluation import (
    case_files,
    evaluate,
    hit_at_1,
    hit_at_5,
    load_cases,
    our_search,
    recall_at_5,
    substring_search,
)


class Command(BaseCommand):
    help = (
        "Mål søgningens kvalitet på evalueringssæt (TOML, standard: tests/search/*.toml): "
        "recall@5, hit@5 og hit@1 for vores søgning og for en simpel delstrengssøgning "
        "(icontains) over samme tekst. Kør load_catalogue først."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--cases", action="append", type=Path, help="Et evalueringssæt (TOML); kan gentages."
        )
        parser.add_argument("--verbose-cases", action="store_true", help="Vis hver forespørgsel.")
        parser.add_argument("--rebuild", action="store_true", help="Genopbyg søgeindekset først.")

    def handle(self, *args, cases=None, verbose_cases=False, rebuild=False, **options):
        files = cases or case_files()
        if not files:
            raise CommandError("Ingen evalueringssæt: angiv --cases STI.")
        if rebuild:
            rebuild_index()
        self.stdout.write(f"database: {connection.vendor}")
        for path in files:
            if not path.is_file():
                raise CommandError(f"Filen findes ikke: {path}")
            self._report(path, load_cases(path), verbose_cases)

    def _report(self, path: Path, cases, verbose: bool) -> None:
        ours = evaluate(our_search, cases)
        baseline = evaluate(substring_search, cases)
        self.stdout.write(f"\n{path.name}: {len(cases)} forespørgsler")
        if verbose:
            for mine, theirs in zip(ours, baseline, strict=True):
                mark = "ok " if mine.first else ("top" if mine.hit else "---")
                self.stdout.write(
                    f"{mark} {mine.recall:4.2f} vs {theirs.recall:4.2f}  "
                    f"[{mine.case.what}] {mine.case.query!r}"
                )
                if not mine.first:
                    self.stdout.write(f"      forventet: {', '.join(mine.case.expected)}")
                    self.stdout.write(f"      fundet:    {', '.join(mine.found)}")
        by_what: dict[str, list] = {}
        for mine, theirs in zip(ours, baseline, strict=True):
            by_what.setdefault(mine.case.what, []).append((mine, theirs))
        for what, pairs in by_what.items():
            a = [p[0] for p in pairs]
            b = [p[1] for p in pairs]
            self.stdout.write(
                f"  {what:10} ({len(pairs):2}): søgning recall@5 {recall_at_5(a):.3f} "
                f"hit@5 {hit_at_5(a):.3f} hit@1 {hit_at_1(a):.3f} · "
                f"delstreng recall@5 {recall_at_5(b):.3f}"
            )
        n = len(cases)
        self.stdout.write(
            f"søgning: recall@5 {recall_at_5(ours):.3f}, hit@5 {sum(o.hit for o in ours)}/{n}, "
            f"hit@1 {sum(o.first for o in ours)}/{n}; delstreng (icontains): recall@5 "
            f"{recall_at_5(baseline):.3f}, hit@5 {sum(o.hit for o in baseline)}/{n}, "
            f"hit@1 {sum(o.first for o in baseline)}/{n}"
        )

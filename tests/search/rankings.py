"""Print the search rankings of every evaluation case as JSON, on the (empty) database that
DATABASE_URL names: ``DATABASE_URL=sqlite:////tmp/r.sqlite3 python -m tests.search.rankings``.

``tests/catalogue/test_search_quality.py`` runs it, on a fresh SQLite file, from the PostgreSQL
run of the suite and compares with PostgreSQL's own rankings: the same code and fixtures on
both sides, so the comparison can never be stale.
"""

import json
import os
import sys
from io import StringIO


def rankings() -> dict[str, list]:
    from catalogue.search import search
    from catalogue.search.evaluation import CASES_DIR, load_cases

    cases = (*load_cases(CASES_DIR / "existing_cases.toml"),)
    cases += load_cases(CASES_DIR / "plain_language_cases.toml")
    return {
        case.query: [[h.type, h.object.slug, h.score] for h in search(case.query, limit=10)]
        for case in cases
    }


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, stdout=StringIO())
    call_command("load_catalogue", verbosity=0, stdout=StringIO())
    json.dump(rankings(), sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()

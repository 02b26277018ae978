"""Search quality on the real catalogue: recall@5 on the evaluation set, on every database.

The first evaluation set (tests/search/existing_cases.toml) is 63 queries as SSP staff type
them: inflections, parts of compounds, acronyms, words only in long texts, ASCII spellings,
typos, questions in their own words. The plain-language set (tests/search/
plain_language_cases.toml, tests/search/test_plain_language.py) has 47 situations and questions.
``manage.py search_eval`` prints the figures beside a plain substring (icontains) baseline.
"""

import json
import os
import re
import subprocess
import sys
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection, transaction

from catalogue.models import SearchTerm, SearchWord
from catalogue.search import search
from catalogue.search.evaluation import (
    CASES_DIR,
    evaluate,
    load_cases,
    our_search,
    recall_at_5,
    substring_search,
)
from tests.search.rankings import rankings

pytestmark = pytest.mark.django_db
CASES = load_cases(CASES_DIR / "existing_cases.toml")


@pytest.fixture(scope="module", autouse=True)
def catalogue(django_db_setup, django_db_blocker):
    """The real catalogue, loaded once for this module and rolled back afterwards."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_catalogue", stdout=StringIO())
        yield
        transaction.set_rollback(True)


@pytest.mark.parametrize("case", CASES, ids=[f"{c.what}:{c.query}" for c in CASES])
def test_the_expected_entries_are_in_the_top_five(case):
    found = our_search(case.query)
    missing = [e for e in case.expected if e not in found]
    assert not missing, f"{case.query!r}: missing {missing}, got {found}"


def test_recall_at_5_beats_the_substring_baseline():
    ours = recall_at_5(evaluate(our_search, CASES))
    baseline = recall_at_5(evaluate(substring_search, CASES))
    assert ours >= 0.95
    assert ours - baseline >= 0.2, (ours, baseline)


def test_the_evaluation_set_is_large_and_covers_every_kind_of_query():
    assert len(CASES) >= 30
    assert {c.what for c in CASES} >= {
        "inflection",
        "compound",
        "acronym",
        "long text",
        "ascii",
        "typo",
    }


def test_snippets_show_why_a_hit_matched():
    hit = search("søskende")[0]
    assert hit.object.slug == "soeskendenetvaerk"
    assert "<mark>" in hit.snippet
    assert "<mark>Søskendenetværk</mark>" in hit.title_html


def test_every_indexed_term_is_lowercase_ascii_so_both_databases_compare_alike():
    """SQLite's LIKE folds ASCII only and PostgreSQL compares by collation: with nothing but
    [a-z0-9] (and "=" for exact tokens) in the index, both give the same rows."""
    allowed = re.compile(r"^=?[a-z0-9]+$")
    terms = set(SearchTerm.objects.values_list("term", flat=True))
    words = SearchWord.objects.values_list("word", "term", "loose")
    assert terms and all(allowed.match(t) for t in terms)
    assert all(allowed.match(w) and allowed.match(t) and allowed.match(lo) for w, t, lo in words)


def test_prefix_lookups_return_what_python_would():
    vocabulary = list(SearchWord.objects.values_list("term", flat=True))
    for prefix in ["samtal", "soesk", "foraeldr", "kortlaeg", "bekymring", "vred"]:
        orm = sorted(
            SearchWord.objects.filter(term__startswith=prefix).values_list("term", flat=True)
        )
        assert orm == sorted(t for t in vocabulary if t.startswith(prefix))


def test_rankings_are_identical_on_sqlite_and_postgresql(tmp_path):
    """On PostgreSQL, the same code ranks the evaluation cases on a fresh SQLite database (a
    subprocess: migrate, load_catalogue, search) and the two rankings must be equal, scores
    included. Both sides are computed in the same run, so nothing can be stale; CI's
    PostgreSQL run runs it. On SQLite there is no PostgreSQL to compare with."""
    if connection.vendor != "postgresql":
        pytest.skip("runs in the PostgreSQL run of the suite (CI), which builds SQLite's side")
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'rankings.sqlite3'}"}
    sqlite = subprocess.run(
        [sys.executable, "-m", "tests.search.rankings"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert sqlite.returncode == 0, sqlite.stderr

    assert rankings() == json.loads(sqlite.stdout)

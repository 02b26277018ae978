"""HTTPS in production (DEBUG=0, README "Configuration"): HSTS, the https redirect with its
/healthz exemption for the load balancer, and static files cached for good under hashed names.
"""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings

from tests.config.test_deploy_check import PRODUCTION_ENV


@pytest.fixture(scope="module")
def production(tmp_path_factory):
    folder = tmp_path_factory.mktemp("production")
    env = {
        **os.environ,
        **PRODUCTION_ENV,
        "DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}",
    }
    result = subprocess.run(
        [sys.executable, "-m", "tests.config.production_probe", str(folder / "static")],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_pages_over_https_tell_browsers_to_use_https_for_a_year(production):
    page = production["page over https"]
    assert page["status"] == 200
    assert page["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"


def test_plain_http_is_redirected_to_https_with_the_query_kept(production):
    page = production["page over plain http"]
    assert page["status"] == 301
    assert page["Location"] == "https://idekatalog.example.dk/indsatser/?tema=familie"


def test_the_health_check_answers_over_plain_http_for_the_load_balancer(production):
    health = production["health check over plain http"]
    assert health["status"] == 200
    assert "Location" not in health


def test_static_files_have_hashed_names_and_are_cached_for_good_compressed(production):
    static = production["static file"]
    assert static["status"] == 200
    name = static["path"].rsplit("/", 1)[1]
    assert name.startswith("app.") and name.endswith(".css") and name != "app.css"
    assert static["Cache-Control"] == "max-age=315360000, public, immutable"
    assert static["Content-Encoding"] in {"br", "gzip"}

"""Playwright fixtures: Debian's Chromium (headless) against pytest-django's live server.

Fixtures: ``browser`` (this package), ``page`` (desktop 1280x800), ``phone_page`` (360x740, touch),
``axe`` (``axe(page)`` returns axe-core's WCAG 2.1 AA violations). ``page`` and ``phone_page``
open a fresh context whose base URL is the live server, so ``page.goto("/admin/login/")`` works.

The live server uses a transactional test database that starts empty: load the data a test needs
inside the test (factories/ORM, or ``call_command("load_catalogue")``).

Chromium: /usr/bin/chromium (``apt-get install chromium``), or CHROMIUM_PATH. Without it the
browser tests are skipped, unless REQUIRE_BROWSER=1 (as in CI), which makes them fail.
A failing test leaves a screenshot in test-artifacts/.
"""

import os
import re
from pathlib import Path

import pytest

from .axe import axe_violations

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
BROWSER_DIR = Path(__file__).resolve().parent
DEFAULT_TIMEOUT_MS = 10_000


def pytest_collection_modifyitems(items):
    for item in items:
        if BROWSER_DIR in Path(item.path).resolve().parents:
            item.add_marker(pytest.mark.browser)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


def _unavailable(reason: str):
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(f"REQUIRE_BROWSER=1 but {reason}", pytrace=False)
    pytest.skip(f"{reason} (set REQUIRE_BROWSER=1 to fail instead of skipping)")


@pytest.fixture(scope="package")
def browser():
    """Chromium for the tests in this package; closed when they are done.

    Playwright's sync API keeps an event loop running in the main thread, and Django's ORM
    refuses to run while one is, unless DJANGO_ALLOW_ASYNC_UNSAFE is set. The test code is
    synchronous, so it is set, but only while the browser is open: it must not leak into other
    tests (e.g. `check --deploy` in a subprocess rejects it).
    """
    if not os.access(CHROMIUM, os.X_OK):
        _unavailable(f"Chromium not found at {CHROMIUM}: apt-get install chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright package is missing: pip install -e '.[dev]'")
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
            )
            yield browser
            browser.close()
    finally:
        if previous is None:
            del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


def _open_page(browser, live_server, request, **context_options):
    context = browser.new_context(
        base_url=live_server.url,
        locale="da-DK",
        timezone_id="Europe/Copenhagen",
        **context_options,
    )
    context.set_default_timeout(DEFAULT_TIMEOUT_MS)
    page = context.new_page()
    yield page
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        name = re.sub(r"[^\w.-]+", "_", request.node.nodeid)[-150:]
        try:
            page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
        except Exception as exc:  # a screenshot must not hide the test's own failure
            print(f"screenshot failed: {exc}")
    context.close()


@pytest.fixture
def page(browser, live_server, request):
    """A desktop page (1280x800) in a fresh browser context."""
    yield from _open_page(browser, live_server, request, viewport={"width": 1280, "height": 800})


@pytest.fixture
def phone_page(browser, live_server, request):
    """A phone page (360x740, touch, mobile viewport) in a fresh browser context."""
    yield from _open_page(
        browser,
        live_server,
        request,
        viewport={"width": 360, "height": 740},
        is_mobile=True,
        has_touch=True,
    )


@pytest.fixture
def axe():
    """``axe(page, tags=..., exclude=...)``: axe-core violations, see tests/browser/axe.py."""
    return axe_violations

"""Measure server time, query count and memory for the main pages, beside a static-file floor.

Requests go through Django's full handler (middleware included) in-process, so the figures are
server time without network. The floor is WhiteNoise serving a file of the same size as the
page's response: what "just send these bytes" costs in the same process. It is measured two
ways: through the same Django stack and test client as the pages (WhiteNoiseMiddleware, as
deployed: the floor the pages are compared against) and as WhiteNoise's bare WSGI app.
"""

from __future__ import annotations

import resource
import statistics
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from wsgiref.util import setup_testing_defaults

from django.db import connection, reset_queries
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from whitenoise import WhiteNoise


@dataclass
class Result:
    name: str
    url: str
    status: int
    size: int
    median_ms: float
    p95_ms: float
    queries: int
    floor_median_ms: float = 0.0  # WhiteNoiseMiddleware in the full stack
    raw_floor_median_ms: float = 0.0  # WhiteNoise's bare WSGI app

    @property
    def ratio(self) -> float:
        return self.median_ms / self.floor_median_ms if self.floor_median_ms else float("nan")


def _percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))
    return ordered[index]


def _consume(response) -> int:
    if response.streaming:
        return sum(len(chunk) for chunk in response.streaming_content)
    return len(response.content)


def measure_page(client: Client, name: str, url: str, runs: int) -> Result:
    response = client.get(url, secure=True)  # warm up caches and connection
    size = _consume(response)
    with CaptureQueriesContext(connection) as queries:
        _consume(client.get(url, secure=True))
    query_count = len(queries)  # now: the log is cleared by every later request
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(url, secure=True)
        _consume(response)
        times.append((time.perf_counter() - start) * 1000)
        reset_queries()
    return Result(
        name=name,
        url=url,
        status=response.status_code,
        size=size,
        median_ms=statistics.median(times),
        p95_ms=_percentile(times, 95),
        queries=query_count,
    )


def measure_floor(sizes: dict[str, int], runs: int) -> dict[str, float]:
    """Median ms for WhiteNoise's bare WSGI app to serve a static file of each size."""
    medians: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        # ASCII file names: page names have spaces and Danish letters, which PATH_INFO mangles.
        files = {name: f"bench-floor-{n}.bin" for n, name in enumerate(sizes)}
        for name, size in sizes.items():
            (root / files[name]).write_bytes(b"x" * max(size, 1))
        app = WhiteNoise(lambda environ, start: [], root=str(root), prefix="/static/")
        statuses: list[str] = []

        def start_response(status, headers, exc_info=None):
            statuses.append(status)

        for name, filename in files.items():
            times = []
            for _ in range(runs):
                environ: dict = {"PATH_INFO": f"/static/{filename}", "REQUEST_METHOD": "GET"}
                setup_testing_defaults(environ)
                start = time.perf_counter()
                body = app(environ, start_response)
                served = sum(len(chunk) for chunk in body)
                if hasattr(body, "close"):
                    body.close()
                times.append((time.perf_counter() - start) * 1000)
                if not statuses[-1].startswith("200") or served != max(sizes[name], 1):
                    raise RuntimeError(f"WhiteNoise did not serve {filename}: {statuses[-1]}")
            medians[name] = statistics.median(times)
    return medians


def measure_stack_floor(sizes: dict[str, int], runs: int) -> dict[str, float]:
    """Median ms to serve a file of each size through the whole Django stack, where
    WhiteNoiseMiddleware answers before any view (WHITENOISE_ROOT: files served at /)."""
    medians: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        files = {name: f"bench-floor-{n}.bin" for n, name in enumerate(sizes)}
        for name, size in sizes.items():
            (Path(tmp) / files[name]).write_bytes(b"x" * max(size, 1))
        with override_settings(WHITENOISE_ROOT=tmp):
            client = Client()  # a new handler: its WhiteNoiseMiddleware sees WHITENOISE_ROOT
            for name, filename in files.items():
                url = f"/{filename}"
                response = client.get(url, secure=True)
                if response.status_code != 200 or _consume(response) != max(sizes[name], 1):
                    raise RuntimeError(f"WhiteNoise did not serve {url}: {response.status_code}")
                times = []
                for _ in range(runs):
                    start = time.perf_counter()
                    _consume(client.get(url, secure=True))
                    times.append((time.perf_counter() - start) * 1000)
                medians[name] = statistics.median(times)
    return medians


def run(pages: list[tuple[str, str]], runs: int = 30) -> tuple[list[Result], float]:
    client = Client()
    results = [measure_page(client, name, url, runs) for name, url in pages]
    sizes = {r.name: r.size for r in results}
    floors = measure_stack_floor(sizes, runs)
    raw_floors = measure_floor(sizes, runs)
    for result in results:
        result.floor_median_ms = floors[result.name]
        result.raw_floor_median_ms = raw_floors[result.name]
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return results, peak_mb

"""Measure server time, query count and memory for the main pages, beside a static-file floor.

Requests go through Django's full handler (middleware included) in-process, so the figures are
server time without network. The floor is WhiteNoise serving a file of the same size as the
page's response: what "just send these bytes" costs in the same process.
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
from django.test import Client
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
    floor_median_ms: float = 0.0

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
    response = client.get(url)  # warm up caches and connection
    size = _consume(response)
    with CaptureQueriesContext(connection) as queries:
        _consume(client.get(url))
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(url)
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
        queries=len(queries),
    )


def measure_floor(sizes: dict[str, int], runs: int) -> dict[str, float]:
    """Median ms for WhiteNoise to serve a static file of each size."""
    medians: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for name, size in sizes.items():
            (root / f"{name}.bin").write_bytes(b"x" * max(size, 1))
        app = WhiteNoise(lambda environ, start: [], root=str(root), prefix="/static/")
        for name in sizes:
            times = []
            for _ in range(runs):
                environ: dict = {"PATH_INFO": f"/static/{name}.bin", "REQUEST_METHOD": "GET"}
                setup_testing_defaults(environ)
                start = time.perf_counter()
                body = app(environ, lambda status, headers, exc_info=None: None)
                for _chunk in body:
                    pass
                if hasattr(body, "close"):
                    body.close()
                times.append((time.perf_counter() - start) * 1000)
            medians[name] = statistics.median(times)
    return medians


def run(pages: list[tuple[str, str]], runs: int = 30) -> tuple[list[Result], float]:
    client = Client()
    results = [measure_page(client, name, url, runs) for name, url in pages]
    floors = measure_floor({r.name: r.size for r in results}, runs)
    for result in results:
        result.floor_median_ms = floors[result.name]
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return results, peak_mb

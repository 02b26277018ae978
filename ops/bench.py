"""Measure server time, query count and memory for the main pages, beside a static-file floor.

Requests go through Django's full handler (middleware included) in-process, so the figures are
server time without network. Each page is measured twice:

- **cold**: the first request after an edit. Before every sample an entry is changed through the
  ORM (a new history row moves the catalogue revision), so the page cache misses and the page
  is built from the database, as the first reader after an editor's change gets it. For a
  streamed response the time to the first byte is recorded too.
- **warm**: the same URL again with nothing changed: served by the page cache
  (config/pagecache.py) when it is on (``PAGE_CACHE=1``, the default).

The floor is WhiteNoise serving a file of the same size as the page's response: what "just send
these bytes" costs in the same process. It is measured two ways: through the same Django stack
and test client as the pages (WhiteNoiseMiddleware, as deployed: the floor the pages are
compared against) and as WhiteNoise's bare WSGI app.
"""

from __future__ import annotations

import resource
import statistics
import tempfile
import time
from collections.abc import Callable
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
    median_ms: float  # cold: the first request after an edit
    p95_ms: float
    queries: int  # of a cold request
    streamed: bool = False
    first_byte_ms: float = 0.0  # cold, median time to the first byte (streamed responses)
    warm_median_ms: float = 0.0
    warm_p95_ms: float = 0.0
    floor_median_ms: float = 0.0  # WhiteNoiseMiddleware in the full stack
    raw_floor_median_ms: float = 0.0  # WhiteNoise's bare WSGI app

    @property
    def ratio(self) -> float:
        return self.median_ms / self.floor_median_ms if self.floor_median_ms else float("nan")

    @property
    def warm_ratio(self) -> float:
        if not self.floor_median_ms:
            return float("nan")
        return self.warm_median_ms / self.floor_median_ms


def _percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))
    return ordered[index]


def _consume(response) -> int:
    if response.streaming:
        return sum(len(chunk) for chunk in response.streaming_content)
    return len(response.content)


@dataclass
class Sample:
    status: int
    size: int
    first_byte_ms: float
    last_byte_ms: float
    streamed: bool


def timed_get(client: Client, url: str) -> Sample:
    """One request, timed to its first and its last byte (the same for a plain response)."""
    start = time.perf_counter()
    response = client.get(url, secure=True)
    if response.streaming:
        chunks = iter(response.streaming_content)
        first = next(chunks, b"")
        first_byte = time.perf_counter()
        size = len(first) + sum(len(chunk) for chunk in chunks)
    else:
        size = len(response.content)
        first_byte = time.perf_counter()
    end = time.perf_counter()
    return Sample(
        response.status_code,
        size,
        (first_byte - start) * 1000,
        (end - start) * 1000,
        response.streaming,
    )


def measure_page(
    client: Client, name: str, url: str, runs: int, edit: Callable[[], None]
) -> Result:
    timed_get(client, url)  # warm up per-process state (templates, connection)
    edit()
    with CaptureQueriesContext(connection) as queries:
        sample = timed_get(client, url)
    query_count = len(queries)  # now: the log is cleared by every later request
    cold: list[Sample] = []
    for _ in range(runs):
        edit()  # the first request after an edit: the revision moves, the page cache misses
        reset_queries()
        cold.append(timed_get(client, url))
    timed_get(client, url)  # stored now (or, for katalog.json, its bytes kept)
    warm = [timed_get(client, url) for _ in range(runs)]
    reset_queries()
    last = [s.last_byte_ms for s in cold]
    return Result(
        name=name,
        url=url,
        status=cold[-1].status,
        size=sample.size,
        median_ms=statistics.median(last),
        p95_ms=_percentile(last, 95),
        queries=query_count,
        streamed=sample.streamed,
        first_byte_ms=statistics.median(s.first_byte_ms for s in cold),
        warm_median_ms=statistics.median(s.last_byte_ms for s in warm),
        warm_p95_ms=_percentile([s.last_byte_ms for s in warm], 95),
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


def edit_an_entry() -> Callable[[], None]:
    """A function that changes one published entry through the ORM (its editor's note, which no
    public page shows), as an editor's save does: a new history row moves the revision."""
    from catalogue.models import Initiative

    entry = Initiative.objects.published().order_by("-pk").first()
    counter = iter(range(10**9))

    def edit() -> None:
        if entry is not None:
            entry.editor_note = f"benchmark {next(counter)}"
            entry.save()

    return edit


def run(pages: list[tuple[str, str]], runs: int = 30) -> tuple[list[Result], float]:
    client = Client()
    edit = edit_an_entry()
    results = [measure_page(client, name, url, runs, edit) for name, url in pages]
    sizes = {r.name: r.size for r in results}
    floors = measure_stack_floor(sizes, runs)
    raw_floors = measure_floor(sizes, runs)
    for result in results:
        result.floor_median_ms = floors[result.name]
        result.raw_floor_median_ms = raw_floors[result.name]
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return results, peak_mb

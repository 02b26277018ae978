"""The public pages: forside, lists, detail pages, organisations, matrix, om, søg; open data."""

import hashlib
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from django.core.cache import caches
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header
from django.views.decorators.http import condition, require_safe

from . import csv_exports, pagecards, selectors
from .csvutil import CSV_CONTENT_TYPE
from .filters import CatalogueFilterSet, InitiativeFilter, MethodFilter
from .inputs import read_text
from .models import Organisation, PreventionLevel, Theme
from .serializers import catalogue_json_chunks, open_data_revision

PAGE_SIZE = 20
SEARCH_LIMIT = 50


def _catalogue_etag(request: HttpRequest) -> str:
    # The page cache has read the revision for this request already (not for editors).
    request.open_data_revision = open_data_revision(getattr(request, "catalogue_revision", None))
    return request.open_data_revision


STREAM_BLOCK = 64 * 1024  # bytes per chunk sent: not one write per catalogue item


def _encode_and_keep(key: str) -> Iterator[bytes]:
    """katalog.json in blocks as it is encoded; once whole, the bytes go to the ``opendata``
    cache for the next reader. A reader who hangs up early leaves nothing in the cache."""
    parts: list[bytes] = []
    block: list[bytes] = []
    size = 0
    for text in catalogue_json_chunks():
        data = text.encode()
        block.append(data)
        size += len(data)
        if size >= STREAM_BLOCK:
            chunk = b"".join(block)
            parts.append(chunk)
            block, size = [], 0
            yield chunk
    chunk = b"".join(block)
    parts.append(chunk)
    yield chunk
    caches["opendata"].set(key, b"".join(parts))


@require_safe
@condition(etag_func=_catalogue_etag)
def catalogue_json(request: HttpRequest) -> HttpResponse:
    """The open data. The first request after an edit gets it streamed as it is encoded (the
    first bytes at once instead of after the whole document); the encoded bytes are kept per
    catalogue revision in the ``opendata`` cache, and later requests get them as one plain
    response, which the page cache (config/pagecache.py) stores in its turn. Clients that send
    If-None-Match with the current ETag get 304."""
    key = f"katalog.json:{request.open_data_revision}"
    body = caches["opendata"].get(key)
    if body is None:
        response = StreamingHttpResponse(_encode_and_keep(key), content_type="application/json")
    else:
        response = HttpResponse(body, content_type="application/json")
    response["Cache-Control"] = "public, max-age=0, must-revalidate"
    return response


SCHEMA_PATH = Path(__file__).resolve().parent / "katalog.schema.json"


@cache
def _schema_bytes() -> bytes:
    return SCHEMA_PATH.read_bytes()


def _schema_etag(request: HttpRequest) -> str:
    # sha256, not hash(): the same ETag on every app server
    return "schema-" + hashlib.sha256(_schema_bytes()).hexdigest()[:16]


@require_safe
@condition(etag_func=_schema_etag)
def catalogue_schema(request: HttpRequest) -> HttpResponse:
    """The JSON Schema (draft 2020-12) of katalog.json, a file that changes only with a release."""
    response = HttpResponse(_schema_bytes(), content_type="application/schema+json")
    response["Cache-Control"] = "public, max-age=3600"
    return response


def _csv_download(request: HttpRequest, body, name: str) -> StreamingHttpResponse:
    response = StreamingHttpResponse(body, content_type=CSV_CONTENT_TYPE)
    filename = f"{name}-{timezone.localdate():%Y-%m-%d}.csv"
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


@require_safe
def initiatives_csv(request: HttpRequest) -> StreamingHttpResponse:
    """Every published initiative as CSV for Danish Excel; query parameters are ignored."""
    body = csv_exports.initiatives_csv(request.build_absolute_uri)
    return _csv_download(request, body, "indsatser")


@require_safe
def methods_csv(request: HttpRequest) -> StreamingHttpResponse:
    """Every published method as CSV for Danish Excel; query parameters are ignored."""
    return _csv_download(request, csv_exports.methods_csv(request.build_absolute_uri), "metoder")


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    context = {**selectors.home(), "home_sections": pagecards.home_sections()}
    return render(request, "catalogue/home.html", context)


def _entry_list(
    request: HttpRequest, filterset: CatalogueFilterSet, labels: dict[str, str]
) -> HttpResponse:
    page = Paginator(filterset.qs, PAGE_SIZE).get_page(request.GET.get("side"))
    messages = [
        f"{label}: “{value}” findes ikke i kataloget, så det filter er ikke brugt."
        for label, value in filterset.ignored
    ]
    if filterset.is_bound and "q" in filterset.form.errors:
        messages += [f"{error} Den er ikke brugt." for error in filterset.form.errors["q"]]
    context = {
        "filter": filterset,
        "page_obj": page,
        "facets": filterset.facets(),
        "chips": filterset.chips(),
        "messages_ignored": messages,
        **labels,
    }
    return render(request, "catalogue/entry_list.html", context)


@require_safe
def initiative_list(request: HttpRequest) -> HttpResponse:
    filterset = InitiativeFilter(request.GET, queryset=selectors.initiatives_for_list())
    labels = {
        "heading": "Indsatser",
        "intro": "Kataloget Del 1: indsatser på organisatorisk, situationelt og socialt niveau.",
        "noun": "indsats",
        "noun_plural": "indsatser",
    }
    return _entry_list(request, filterset, labels)


@require_safe
def method_list(request: HttpRequest) -> HttpResponse:
    filterset = MethodFilter(request.GET, queryset=selectors.methods_for_list())
    labels = {
        "heading": "Metoder",
        "intro": (
            "Kataloget Del 2: metoder med eksempler på, hvad I kan spørge den unge "
            "og forældrene om."
        ),
        "noun": "metode",
        "noun_plural": "metoder",
    }
    return _entry_list(request, filterset, labels)


@require_safe
def initiative_detail(request: HttpRequest, slug: str) -> HttpResponse:
    initiative = selectors.initiative_detail(slug, user=request.user)
    return render(request, "catalogue/initiative_detail.html", {"entry": initiative})


@require_safe
def method_detail(request: HttpRequest, slug: str) -> HttpResponse:
    method = selectors.method_detail(slug, user=request.user)
    return render(request, "catalogue/method_detail.html", {"entry": method})


@require_safe
def organisation_list(request: HttpRequest) -> HttpResponse:
    by_region = selectors.organisations_overview()
    return render(request, "catalogue/organisation_list.html", {"by_region": by_region})


@require_safe
def organisation_detail(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = selectors.organisation_detail(slug)
    cards = pagecards.organisation_cards(organisation)
    return render(
        request,
        "catalogue/organisation_detail.html",
        {"organisation": organisation, "cards": cards},
    )


MATRIX_KINDS = {"indsatser": "Indsatser", "metoder": "Metoder"}
MAX_IGNORED = 10  # unknown values named on the matrix page at most


@require_safe
def experience_matrix(request: HttpRequest) -> HttpResponse:
    levels_all = PreventionLevel.objects.values_list("slug", "name")
    themes_all = Theme.objects.values_list("slug", "name")
    levels, themes = list(levels_all), list(themes_all)
    level_slugs = {slug for slug, _ in levels}
    theme_slugs = {slug for slug, _ in themes}
    chosen_levels = [s for s in request.GET.getlist("niveau") if s in level_slugs]
    chosen_themes = [s for s in request.GET.getlist("tema") if s in theme_slugs]
    chosen_kinds = [k for k in request.GET.getlist("vis") if k in MATRIX_KINDS] or list(
        MATRIX_KINDS
    )
    regions = dict(Organisation.Region.choices)
    chosen_regions = [r for r in request.GET.getlist("region") if r in regions]
    checks = (
        ("niveau", level_slugs),
        ("tema", theme_slugs),
        ("vis", MATRIX_KINDS),
        ("region", regions),
    )
    ignored = [
        value
        for key, valid in checks
        for value in request.GET.getlist(key)[:MAX_IGNORED]
        if value not in valid
    ][:MAX_IGNORED]
    matrix = selectors.experience_matrix(
        levels=chosen_levels,
        themes=chosen_themes,
        kinds=tuple(chosen_kinds),
        regions=chosen_regions,
        page=request.GET.get("side"),
    )
    context = {
        "matrix": matrix,
        "page_obj": matrix.page,
        "levels": [(s, n, s in chosen_levels) for s, n in levels],
        "themes": [(s, n, s in chosen_themes) for s, n in themes],
        "kinds": [(k, label, k in chosen_kinds) for k, label in MATRIX_KINDS.items()],
        "regions": [(r, label, r in chosen_regions) for r, label in regions.items()],
        "regions_chosen": bool(chosen_regions),
        "methods_hidden": "metoder" in chosen_kinds and bool(chosen_levels or chosen_themes),
        "ignored": ignored,
    }
    return render(request, "catalogue/matrix.html", context)


@require_safe
def about(request: HttpRequest) -> HttpResponse:
    return render(request, "catalogue/about.html", selectors.about())


@require_safe
def search(request: HttpRequest) -> HttpResponse:
    from .search import SearchResult, lookup
    from .search.registry import search_listener

    query, problem = read_text(request.GET)
    result = lookup(query, limit=SEARCH_LIMIT) if query else SearchResult()
    listener = search_listener()
    counted = False
    if listener is not None and query:
        # counts searches that found little (no personal data); True when it counted this one
        counted = bool(listener(query, len(result.hits)))
    context = {
        "query": query,
        "hits": result.hits,
        "also": result.also,
        "suggestion": result.suggestion,
        "problem": problem,
    }
    response = render(request, "catalogue/search.html", context)
    if counted:
        # Not stored by the page cache, so every such search is counted, not just the first.
        patch_cache_control(response, no_cache=True)
    return response

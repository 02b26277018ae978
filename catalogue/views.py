"""The public pages: forside, lists, detail pages, organisations, matrix, om, søg."""

from django.core.cache import caches
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import condition, require_safe

from . import pagecards, selectors
from .filters import CatalogueFilterSet, InitiativeFilter, MethodFilter
from .models import PreventionLevel, Theme
from .serializers import catalogue_json_chunks, catalogue_revision

PAGE_SIZE = 20
SEARCH_LIMIT = 50
MAX_QUERY_LENGTH = 200


def _catalogue_etag(request: HttpRequest) -> str:
    request.catalogue_revision = catalogue_revision()
    return request.catalogue_revision


@require_safe
@condition(etag_func=_catalogue_etag)
def catalogue_json(request: HttpRequest) -> HttpResponse:
    """The open data, encoded once per catalogue revision and kept in the ``opendata`` cache;
    clients that send If-None-Match with the current ETag get 304."""
    key = f"katalog.json:{request.catalogue_revision}"
    body = caches["opendata"].get(key)
    if body is None:
        body = "".join(catalogue_json_chunks()).encode()
        caches["opendata"].set(key, body)
    response = HttpResponse(body, content_type="application/json")
    response["Cache-Control"] = "public, max-age=0, must-revalidate"
    return response


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
        messages.append(f"Fritekst må højst være {MAX_QUERY_LENGTH} tegn, så den er ikke brugt.")
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
    ignored = [
        value
        for key, valid in (("niveau", level_slugs), ("tema", theme_slugs), ("vis", MATRIX_KINDS))
        for value in request.GET.getlist(key)
        if value not in valid
    ]
    matrix = selectors.experience_matrix(
        levels=chosen_levels,
        themes=chosen_themes,
        kinds=tuple(chosen_kinds),
        page=request.GET.get("side"),
    )
    context = {
        "matrix": matrix,
        "page_obj": matrix.page,
        "levels": [(s, n, s in chosen_levels) for s, n in levels],
        "themes": [(s, n, s in chosen_themes) for s, n in themes],
        "kinds": [(k, label, k in chosen_kinds) for k, label in MATRIX_KINDS.items()],
        "methods_hidden": "metoder" in chosen_kinds and bool(chosen_levels or chosen_themes),
        "ignored": ignored,
    }
    return render(request, "catalogue/matrix.html", context)


@require_safe
def about(request: HttpRequest) -> HttpResponse:
    return render(request, "catalogue/about.html", selectors.about())


@require_safe
def search(request: HttpRequest) -> HttpResponse:
    from .search import search as run_search

    query = request.GET.get("q", "").strip()
    too_long = len(query) > MAX_QUERY_LENGTH
    hits = run_search(query, limit=SEARCH_LIMIT) if query and not too_long else []
    return render(
        request,
        "catalogue/search.html",
        {"query": query, "hits": hits, "too_long": too_long, "max_length": MAX_QUERY_LENGTH},
    )

"""GET /api/soeg?q=...&limit=N: the search as JSON, ranked as on the search page."""

from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_GET

from ..inputs import MAX_TEXT_LENGTH
from . import search

DEFAULT_LIMIT = 20
MAX_LIMIT = 100


@require_GET
def api_search(request: HttpRequest) -> JsonResponse:
    # Longer queries are cut to the site's one limit; NUL bytes can't be searched for.
    query = request.GET.get("q", "").replace("\x00", "").strip()[:MAX_TEXT_LENGTH]
    raw_limit = request.GET.get("limit", "").strip()
    limit = DEFAULT_LIMIT
    if raw_limit:
        if not raw_limit.isascii() or not raw_limit.isdigit() or not raw_limit.strip("0"):
            return JsonResponse(
                {"error": f"limit skal være et helt tal fra 1 til {MAX_LIMIT}."}, status=400
            )
        # compare lengths first: int() refuses strings of more than 4300 digits
        limit = MAX_LIMIT if len(raw_limit) > 6 else min(int(raw_limit), MAX_LIMIT)
    hits = search(query, limit=limit)
    results = [
        {"type": hit.type, "title": hit.title, "url": hit.url, "snippet": str(hit.snippet)}
        for hit in hits
    ]
    return JsonResponse(
        {"query": query, "results": results}, json_dumps_params={"ensure_ascii": False}
    )

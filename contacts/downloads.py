"""HTTP responses for the exports, shared by the directory's download links and the admin action."""

from datetime import date

from django.db.models import QuerySet
from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header

from . import exports

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "vcf": "text/vcard; charset=utf-8",
}
CHUNK_SIZE = 500


def filename(slug: str, fmt: str, day: date | None = None) -> str:
    """What and when: kontakter-mentorordninger-2026-11-24.csv."""
    day = day or timezone.localdate()
    return f"kontakter-{slug}-{day:%Y-%m-%d}.{fmt}"


def _attach(response: HttpResponse, name: str) -> HttpResponse:
    response["Content-Disposition"] = content_disposition_header(True, name)
    response["X-Content-Type-Options"] = "nosniff"
    return response


def export_response(contacts: QuerySet, fmt: str, *, description: str, slug: str) -> HttpResponse:
    """Download ``contacts`` as CSV, XLSX or vCard; CSV and vCard stream in chunks."""
    name = filename(slug, fmt)
    if fmt == "csv":
        body = exports.write_csv_rows(exports.csv_rows(contacts, chunk_size=CHUNK_SIZE))
        return _attach(StreamingHttpResponse(body, content_type=FORMATS[fmt]), name)
    rows = contacts.for_export().iterator(chunk_size=CHUNK_SIZE)
    if fmt == "vcf":
        body = exports.write_vcards(rows, description=description)
        return _attach(StreamingHttpResponse(body, content_type=FORMATS[fmt]), name)
    if fmt == "xlsx":
        data = exports.write_xlsx(rows, description=description, created=timezone.localdate())
        return _attach(HttpResponse(data, content_type=FORMATS[fmt]), name)
    raise ValueError(f"unknown export format {fmt!r}")


def single_vcard_response(contact) -> HttpResponse:
    """One card, for address books (classic Outlook) that import only a file's first card."""
    response = HttpResponse(exports.vcard(contact).encode(), content_type=FORMATS["vcf"])
    return _attach(response, f"kontakt-{contact.slug}.vcf")

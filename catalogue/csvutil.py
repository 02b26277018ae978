"""CSV for Danish Excel, shared by every CSV download (catalogue and contacts).

UTF-8 with BOM, ``;`` separated, CRLF line ends: what Danish Excel opens by double-click with
æ/ø/å intact. A cell that starts with a formula trigger gets a leading apostrophe, so Excel never
runs text an editor (or the source) typed as a formula.
"""

import csv
from collections.abc import Iterable, Iterator, Sequence

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"


def neutralise(cell: str) -> str:
    """Keep Excel from reading a cell as a formula: prefix with an apostrophe."""
    return "'" + cell if cell.startswith(FORMULA_TRIGGERS) else cell


class _Line:
    """A file-like object csv.writer writes one line into, which we hand straight back."""

    def write(self, value: str) -> str:
        return value


def excel_csv(
    header: Sequence[str], rows: Iterable[Sequence[str]], *, batch: int = 200
) -> Iterator[bytes]:
    """The header and then every row, streamed in batches of encoded lines."""
    writer = csv.writer(_Line(), delimiter=";", lineterminator="\r\n")
    yield "\ufeff".encode() + writer.writerow([neutralise(cell) for cell in header]).encode()
    lines = []
    for row in rows:
        lines.append(writer.writerow([neutralise(cell) for cell in row]))
        if len(lines) >= batch:
            yield "".join(lines).encode()
            lines = []
    if lines:
        yield "".join(lines).encode()

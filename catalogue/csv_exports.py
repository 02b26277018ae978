"""CSV downloads of the published initiatives and methods: ``/data/indsatser.csv`` and
``/data/metoder.csv`` (Danish Excel, as the contact export; see :mod:`catalogue.csvutil`).

The columns are a stable interface (README, "Åbne data"); ``tests/catalogue/test_csv_downloads.py``
pins them in order. Every published entry, in catalogue order, with the same texts as
``/data/katalog.json`` (Markdown kept as written).
"""

from collections.abc import Callable, Iterable, Iterator

from django.db.models import QuerySet

from . import models as m
from .csvutil import excel_csv
from .serializers import CHUNK, _experience_prefetch

INITIATIVE_COLUMNS = (
    "Titel",
    "Niveau",
    "Temaer",
    "Indhold og formål",
    "Koordinering",
    "Målgruppe",
    "Erfaring",
    "Uddybning",
    "Læs mere på s.",
    "Kilder",
    "Link",
)
METHOD_COLUMNS = (
    "Titel",
    "Også kaldt",
    "Metodens indhold og formål",
    "Fagprofessionelle",
    "Erfaring",
    "Uddybning",
    "Læs mere på s.",
    "Kilder",
    "Link",
)


def experience_cell(entry: m.Initiative | m.Method) -> str:
    """ "Albertslund, Ishøj (bemærkning)": who has experience, with the source's remark."""
    return ", ".join(
        f"{exp.organisation.short_name} ({exp.note})" if exp.note else exp.organisation.short_name
        for exp in entry.experiences.all()
    )


def sources_cell(entry: m.Initiative | m.Method) -> str:
    """The footnotes, one a line: "[12] Det Kriminalpræventive Råd (2020) ..."."""
    return "\n".join(
        f"[{source.number}] {source.text}" if source.number else source.text
        for source in entry.sources.all()
    )


def initiative_row(item: m.Initiative, link: str) -> list[str]:
    return [
        item.title,
        item.level.name,
        ", ".join(theme.name for theme in item.themes.all()),
        item.purpose,
        item.coordination,
        item.target_group,
        experience_cell(item),
        item.description,
        item.read_more_page,
        sources_cell(item),
        link,
    ]


def method_row(item: m.Method, link: str) -> list[str]:
    return [
        item.title,
        ", ".join(item.aliases),
        item.purpose,
        item.professionals,
        experience_cell(item),
        item.description,
        item.read_more_page,
        sources_cell(item),
        link,
    ]


def published_initiatives() -> QuerySet[m.Initiative]:
    return (
        m.Initiative.objects.published()
        .select_related("level")
        .prefetch_related("themes", "sources", _experience_prefetch())
    )


def published_methods() -> QuerySet[m.Method]:
    return m.Method.objects.published().prefetch_related("sources", _experience_prefetch())


def write_entries_csv(
    entries: Iterable[m.Initiative | m.Method],
    *,
    columns: tuple[str, ...],
    row: Callable[[m.Initiative | m.Method, str], list[str]],
    absolute_url: Callable[[str], str],
) -> Iterator[bytes]:
    """Header and one row per entry; ``absolute_url`` turns the entry's path into its link."""
    rows = (row(entry, absolute_url(entry.get_absolute_url())) for entry in entries)
    return excel_csv(columns, rows)


def initiatives_csv(absolute_url: Callable[[str], str]) -> Iterator[bytes]:
    return write_entries_csv(
        published_initiatives().iterator(chunk_size=CHUNK),
        columns=INITIATIVE_COLUMNS,
        row=initiative_row,
        absolute_url=absolute_url,
    )


def methods_csv(absolute_url: Callable[[str], str]) -> Iterator[bytes]:
    return write_entries_csv(
        published_methods().iterator(chunk_size=CHUNK),
        columns=METHOD_COLUMNS,
        row=method_row,
        absolute_url=absolute_url,
    )

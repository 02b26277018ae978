"""Writes with rules: the search log (cheap, bounded, never breaking a search) and an entry's
extra search words (the index follows at once)."""

import logging
import re
from datetime import date, timedelta

from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import F, Model
from django.utils import timezone

from catalogue.services import refresh_search

from .models import MAX_QUERY, EntrySearchWords, SearchMiss

log = logging.getLogger(__name__)

LOW = 3  # a search with fewer hits than this is logged
KEEP_DAYS = 365  # rows older than this are deleted (purge_search_log)
_NUMBER = re.compile(r"\d[\d \-]{4,}\d")  # phone and CPR-like numbers are never stored
_WORD = re.compile(r"[^\W_]+")


def normalise_query(query: str) -> str:
    """Lowercase words joined by one space, cut to MAX_QUERY; phone and CPR-like numbers (six or
    more digits, spaces and dashes allowed) are dropped, so they are never stored."""
    text = _NUMBER.sub(" ", query.lower())
    words = [w for w in _WORD.findall(text) if not (w.isdigit() and len(w) >= 6)]
    return " ".join(words)[:MAX_QUERY].strip()


def record_search(*, query: str, hits: int, today: date | None = None) -> bool:
    """Count a search page query that found fewer than LOW hits; True when it is one to count.
    At most two small statements; any database error is logged and swallowed, so the search
    itself never fails."""
    if hits >= LOW:
        return False
    text = normalise_query(query)
    if not text:
        return False
    day = today or timezone.localdate()
    try:
        with transaction.atomic():
            updated = SearchMiss.objects.filter(query=text, day=day).update(
                count=F("count") + 1, hits=hits
            )
            if not updated:
                SearchMiss.objects.create(query=text, day=day, hits=hits)
    except IntegrityError:  # another request created the row first
        try:
            SearchMiss.objects.filter(query=text, day=day).update(count=F("count") + 1)
        except DatabaseError:
            log.warning("search log: could not count %r", text, exc_info=True)
    except DatabaseError:
        log.warning("search log: could not count %r", text, exc_info=True)
    return True


def purge_search_log(*, today: date | None = None, keep_days: int = KEEP_DAYS) -> int:
    """Delete logged searches older than ``keep_days``; returns how many rows went."""
    cutoff = (today or timezone.localdate()) - timedelta(days=keep_days)
    deleted, _ = SearchMiss.objects.filter(day__lt=cutoff).delete()
    return deleted


def reindex_entry_of(row: EntrySearchWords) -> None:
    """Re-index the entry an "også kendt som" row belongs to (after save or delete)."""
    entry = row.entry
    if isinstance(entry, Model):
        refresh_search(entry)

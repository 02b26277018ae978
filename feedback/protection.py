"""Abuse protection for the anonymous forms, which set no cookie and carry no CSRF token.

Why not Django's CSRF middleware: it needs a cookie (or a session), and anonymous visitors get
no cookies. CSRF protects a logged-in session from being used by another site; an anonymous,
moderated suggestion has no session to abuse. What matters is spam and flooding, so these views
are ``csrf_exempt`` and instead check (README, "Bidrag fra læsere"):

- the browser's own cross-origin signals (``Sec-Fetch-Site``, else ``Origin``), the way Go's
  ``net/http.CrossOriginProtection`` does (Django 6.1 has no built-in equivalent);
- a signed form token carrying the time the form was rendered: a minimum fill time and an
  expiry, and it can't be made without the SECRET_KEY;
- a honeypot field people don't see;
- a per-address rate limit through Django's cache.
"""

from __future__ import annotations

import hashlib
import time
from urllib.parse import urlsplit

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.http import HttpRequest

FORM_SALT = "feedback.form"


def is_cross_origin(request: HttpRequest) -> bool:
    """True if a browser says the POST comes from another site."""
    fetch_site = request.headers.get("Sec-Fetch-Site", "")
    if fetch_site:
        return fetch_site not in {"same-origin", "none"}
    origin = request.headers.get("Origin", "")
    if not origin or origin == "null":
        # No Origin: not a browser form post from another site (browsers send Origin on
        # cross-origin POSTs); non-browser clients meet the token, honeypot and rate limit.
        return origin == "null"
    parts = urlsplit(origin)
    if f"{parts.scheme}://{parts.netloc}" in settings.CSRF_TRUSTED_ORIGINS:
        return False
    try:
        host = request.get_host()
    except Exception:  # DisallowedHost: the request is refused elsewhere anyway
        return True
    return parts.netloc != host or parts.scheme != request.scheme


def make_form_token(scope: str, *, now: float | None = None) -> str:
    """A signed token for a form about ``scope`` rendered at ``now``."""
    return signing.dumps(
        {"s": scope, "t": int(now if now is not None else time.time())}, salt=FORM_SALT
    )


class TokenProblem(Exception):
    """Why a form token was refused, in Danish."""


def check_form_token(token: str, scope: str, *, now: float | None = None) -> None:
    """Raise TokenProblem unless ``token`` was made for ``scope``, long enough ago and recently."""
    now = now if now is not None else time.time()
    try:
        data = signing.loads(token or "", salt=FORM_SALT)
    except signing.BadSignature:
        raise TokenProblem("Formularen kunne ikke genkendes. Send den igen herfra.") from None
    if not isinstance(data, dict) or data.get("s") != scope or not isinstance(data.get("t"), int):
        raise TokenProblem("Formularen hører til en anden side. Send den igen herfra.")
    elapsed = now - data["t"]
    if elapsed > settings.FEEDBACK_FORM_MAX_AGE_SECONDS:
        raise TokenProblem(
            "Formularen har været åben for længe. Vi har givet dig en ny: send den igen."
        )
    if elapsed < settings.FEEDBACK_MIN_FILL_SECONDS:
        raise TokenProblem(
            "Formularen blev sendt meget hurtigt efter, den blev åbnet. Læs den igen, og send."
        )


def client_address(request: HttpRequest) -> str:
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def _rate_key(request: HttpRequest) -> str:
    # Only a hash of the address is kept, and only for the window.
    digest = hashlib.sha256(f"{settings.SECRET_KEY}|{client_address(request)}".encode())
    return f"feedback-rate:{digest.hexdigest()[:32]}"


def over_rate_limit(request: HttpRequest) -> bool:
    """Count this submission for its address; True once the address is over the limit."""
    key = _rate_key(request)
    window = settings.FEEDBACK_RATE_WINDOW_SECONDS
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        count = 1
    return count > settings.FEEDBACK_RATE_LIMIT

"""Settings for Idekatalog, read from environment variables with safe local defaults.

Production sets at least SECRET_KEY, DEBUG=0, ALLOWED_HOSTS and DATABASE_URL.
"""

import os
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent


def envbool(name: str, default: str) -> bool:
    value = os.getenv(name, default).strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off", ""}:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (1/0, true/false), got {value!r}")


def envint(name: str, default: str) -> int:
    value = os.getenv(name, default)
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be an integer, got {value!r}") from None


def envlist(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.getenv(name, default).split(",") if item.strip()]


def envstr(name: str, default: str = "") -> str:
    return os.getenv(name, default).strip()


def envdate(name: str) -> date | None:
    """An ISO date (2026-11-24), or None when the variable is unset or empty."""
    value = os.getenv(name, "").strip()
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a date as YYYY-MM-DD, got {value!r}") from None


def database_from_url(url: str) -> dict:
    """Turn ``sqlite:///path`` or ``postgres://user:pass@host:port/name`` into a DATABASES entry."""
    parts = urlsplit(url)
    if parts.scheme == "sqlite":
        # sqlite:///relative/to/project.sqlite3 or sqlite:////absolute/path.sqlite3
        path = Path(unquote(url.removeprefix("sqlite:///")))
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": str(BASE_DIR / path)}
    if parts.scheme in {"postgres", "postgresql"}:
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": unquote(parts.path.lstrip("/")),
            "USER": unquote(parts.username or ""),
            "PASSWORD": unquote(parts.password or ""),
            "HOST": parts.hostname or "",
            "PORT": str(parts.port or ""),
            "CONN_HEALTH_CHECKS": True,
            "OPTIONS": {
                # A reader never waits long for a database that is away: the connection attempt
                # and the wait for a pooled connection are bounded (seconds), then the request
                # fails fast and the page cache answers from its last copy (stale-if-error).
                "connect_timeout": envint("DB_CONNECT_TIMEOUT", "3"),
                "pool": {"timeout": envint("DB_POOL_TIMEOUT", "3"), "max_waiting": 50}
                if envbool("DB_POOL", "0")
                else False,
            },
        }
    raise ImproperlyConfigured(
        f"DATABASE_URL must start with sqlite:/// or postgres://, got {parts.scheme!r}"
    )


DEBUG = envbool("DEBUG", "1")
SECRET_KEY = os.getenv("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off")
    SECRET_KEY = "local-development-only-not-secret"
ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_filters",
    "simple_history",
    "axes",
    "catalogue",
    "contacts",
    "plans",
    "feedback",
    "sitepages",
    "thesaurus",
    "glossary",
    "ops",
]

# Anonymous GET/HEAD responses are cached under (URL, catalogue revision): config/pagecache.py.
# PAGE_CACHE=0 turns it off.
PAGE_CACHE = envbool("PAGE_CACHE", "1")

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "config.middleware.PermissionsPolicyMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Anonymous readers are served from the cache before sessions, CSRF and views run.
    *(["config.pagecache.PageCacheMiddleware"] if PAGE_CACHE else []),
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Records who made each change in the history (django-simple-history).
    "simple_history.middleware.HistoryRequestMiddleware",
    # Login throttling; keep it last (django-axes).
    "axes.middleware.AxesMiddleware",
]

# django-axes checks every login attempt first, then Django's own backend logs the user in.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
            ],
        },
    },
]

DATABASES = {"default": database_from_url(os.getenv("DATABASE_URL", "sqlite:///db.sqlite3"))}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


def cache_from_url(url: str) -> dict:
    """``locmem://`` (per process, bounded), ``redis://host:6379/0`` (Django's Redis backend; needs
    the ``redis`` package) or ``db://table`` (Django's database cache; run createcachetable)."""
    parts = urlsplit(url)
    if parts.scheme == "locmem":
        entries = envint("CACHE_MAX_ENTRIES", "5000")
        return {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": parts.netloc or "idekatalog",
            "OPTIONS": {"MAX_ENTRIES": entries},
        }
    if parts.scheme in {"redis", "rediss"}:
        return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
    if parts.scheme == "db":
        table = parts.netloc or "idekatalog_cache"
        return {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": table}
    raise ImproperlyConfigured(
        f"CACHE_URL must start with locmem://, redis:// or db://, got {parts.scheme!r}"
    )


CACHES = {
    # Pages for anonymous readers (config/pagecache.py) and anything else worth sharing.
    "default": cache_from_url(os.getenv("CACHE_URL", "locmem://")),
    # /data/katalog.json encoded once per catalogue revision, per worker; two entries at most.
    "opendata": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "opendata",
        "TIMEOUT": None,
        "OPTIONS": {"MAX_ENTRIES": 2, "CULL_FREQUENCY": 1},
    },
}
PAGE_CACHE_ALIAS = "default"
# Set to the release (e.g. the git commit) on deploy when CACHE_URL is shared between releases.
RELEASE = os.getenv("RELEASE", "")
# Settings that public pages show: their values are part of every page-cache key.
PAGE_CACHE_SETTINGS = (
    "OPEN_DATA_TERMS",
    "SITE_OPERATOR_NAME",
    "SITE_OPERATOR_EMAIL",
    "SITE_OPERATOR_PHONE",
    "DATA_CONTROLLER_NAME",
    "DATA_CONTROLLER_EMAIL",
    "DATA_PROTECTION_OFFICER_EMAIL",
    "ACCESSIBILITY_STATEMENT_DATE",
    "ACCESSIBILITY_TEST_DATE",
    "ACCESSIBILITY_WAS_URL",
    "SERVER_LOG_RETENTION_DAYS",
)
PAGE_CACHE_EXCLUDE = ("/admin/", "/static/", "/healthz")
# Bodies larger than this are not stored (the cache counts entries, not bytes).
PAGE_CACHE_MAX_BYTES = envint("PAGE_CACHE_MAX_BYTES", "2000000")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Danish for every visitor, whatever the browser asks for: no LocaleMiddleware, and Danish is the
# only language Django may activate (pages, form errors and the admin alike).
LANGUAGE_CODE = "da"
LANGUAGES = [("da", "Dansk")]
TIME_ZONE = "Europe/Copenhagen"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# Editors' side (issue 5): login throttling and sessions that expire.
AXES_FAILURE_LIMIT = envint("AXES_FAILURE_LIMIT", "5")
AXES_COOLOFF_TIME = timedelta(minutes=envint("AXES_COOLOFF_MINUTES", "15"))
# Lock the username from that address: a guesser is stopped, colleagues behind the same
# municipal NAT are not.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "admin/lockout.html"
SESSION_COOKIE_AGE = envint("SESSION_COOKIE_AGE", str(8 * 60 * 60))  # one working day
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

WHITENOISE_MAX_AGE = envint("WHITENOISE_MAX_AGE", "0" if DEBUG else "31536000")


# --- E-mail (issue 16): Django 6.1's MAILERS; console by default, SMTP when EMAIL_HOST is set ---
def mailer_from_env() -> dict:
    """The default mailer from EMAIL_* variables (README "E-mail")."""
    host = os.getenv("EMAIL_HOST", "")
    backend = os.getenv("EMAIL_BACKEND", "")
    if not host:
        return {"BACKEND": backend or "django.core.mail.backends.console.EmailBackend"}
    use_ssl = envbool("EMAIL_USE_SSL", "0")
    use_tls = envbool("EMAIL_USE_TLS", "0" if use_ssl else "1")
    if use_ssl and use_tls:
        raise ImproperlyConfigured("EMAIL_USE_SSL and EMAIL_USE_TLS can't both be on")
    return {
        "BACKEND": backend or "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {
            "host": host,
            "port": envint("EMAIL_PORT", "465" if use_ssl else "587"),
            "username": os.getenv("EMAIL_HOST_USER", ""),
            "password": os.getenv("EMAIL_HOST_PASSWORD", ""),
            "use_tls": use_tls,
            "use_ssl": use_ssl,
            "timeout": envint("EMAIL_TIMEOUT", "20"),
        },
    }


MAILERS = {"default": mailer_from_env()}
DEFAULT_FROM_EMAIL = os.getenv("DEFAULT_FROM_EMAIL", "Idekatalog <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Reader feedback and contact confirmation (feedback app, issue 16) ------------------------
# The site's public address, for links in e-mails sent by management commands (no request).
SITE_URL = os.getenv("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# Extra addresses told when a submission waits (besides editors with an e-mail address).
FEEDBACK_NOTIFY_EMAILS = envlist("FEEDBACK_NOTIFY_EMAILS", "")
FEEDBACK_MIN_FILL_SECONDS = envint("FEEDBACK_MIN_FILL_SECONDS", "3")
FEEDBACK_FORM_MAX_AGE_SECONDS = envint("FEEDBACK_FORM_MAX_AGE_SECONDS", str(4 * 60 * 60))
FEEDBACK_RATE_LIMIT = envint("FEEDBACK_RATE_LIMIT", "5")  # submissions per address ...
FEEDBACK_RATE_WINDOW_SECONDS = envint("FEEDBACK_RATE_WINDOW_SECONDS", "3600")  # ... per window
FEEDBACK_RETENTION_DAYS = envint("FEEDBACK_RETENTION_DAYS", "90")
CONTACT_CONFIRMATION_INTERVAL_DAYS = envint("CONTACT_CONFIRMATION_INTERVAL_DAYS", "365")
CONTACT_CONFIRMATION_LINK_DAYS = envint("CONTACT_CONFIRMATION_LINK_DAYS", "60")

# --- Site pages (issue 14): who runs the site and answers for it ----------------------------------
# Shown on the accessibility statement (/tilgaengelighedserklaering/) and the privacy policy
# (/privatlivspolitik/). Empty means "not set": the pages then say so in plain words, and
# `check --deploy` warns (sitepages/checks.py). See README, "Lovpligtige sider".
SITE_OPERATOR_NAME = envstr("SITE_OPERATOR_NAME")
SITE_OPERATOR_EMAIL = envstr("SITE_OPERATOR_EMAIL")
SITE_OPERATOR_PHONE = envstr("SITE_OPERATOR_PHONE")
DATA_CONTROLLER_NAME = envstr("DATA_CONTROLLER_NAME")
DATA_CONTROLLER_EMAIL = envstr("DATA_CONTROLLER_EMAIL")
DATA_PROTECTION_OFFICER_EMAIL = envstr("DATA_PROTECTION_OFFICER_EMAIL")
ACCESSIBILITY_STATEMENT_DATE = envdate("ACCESSIBILITY_STATEMENT_DATE")
ACCESSIBILITY_TEST_DATE = envdate("ACCESSIBILITY_TEST_DATE")
# The statement published in Digitaliseringsstyrelsen's WAS-Tool (https://was.digst.dk/...);
# /was redirects there when it is set, otherwise to the site's own statement.
ACCESSIBILITY_WAS_URL = envstr("ACCESSIBILITY_WAS_URL")
# How long the platform keeps the access logs (days); 0 = not stated yet.
SERVER_LOG_RETENTION_DAYS = envint("SERVER_LOG_RETENTION_DAYS", "0")
# Terms of reuse for the open data (/aabne-data/ and "terms_of_use" in /data/katalog.json). The
# publishers have not stated any: the default says so. Never put a licence here they didn't give.
OPEN_DATA_TERMS = envstr(
    "OPEN_DATA_TERMS",
    "Strategisk Chefforum og Københavns Vestegns Politi, der har udgivet idekataloget, har ikke "
    "oplyst vilkår for genbrug af indholdet. Spørg dem, hvis I vil genbruge tekst eller data fra "
    "kataloget.",
)

# --- Security headers ---------------------------------------------------------------------
# A strict Content Security Policy (Django's built-in CSP): no inline scripts or styles anywhere.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=()"
)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Production (DEBUG=0) is HTTPS only; a TLS-terminating proxy sets X-Forwarded-Proto.
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", "0" if DEBUG else "1")
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", "0" if DEBUG else "31536000")
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_SECONDS > 0
SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", "0" if DEBUG else "1")
if envbool("BEHIND_TLS_PROXY", "0" if DEBUG else "1"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", "")

# --- Logging: everything to stderr, where gunicorn and the platform collect it -------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
    },
    "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["stderr"], "level": os.getenv("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"handlers": ["stderr"], "level": "WARNING", "propagate": False},
        "django.security": {"handlers": ["stderr"], "level": "WARNING", "propagate": False},
        "axes": {"handlers": ["stderr"], "level": "WARNING", "propagate": False},
    },
}

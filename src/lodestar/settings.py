"""Django settings for Lodestar, read from `LODESTAR_*` environment variables."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.core.exceptions import ImproperlyConfigured

from lodestar import i18n
from lodestar.accounts.addresses import networks
from lodestar.accounts.sso_config import SsoSettingError, allauth_providers, read_config
from lodestar.jobs.schedule import ScheduleError, parse_schedule
from lodestar.lib import clock
from lodestar.lib.database_url import DatabaseUrlError, parse_database_url
from lodestar.lib.email_url import (
    DEFAULT_BASE_URL,
    DEFAULT_FROM,
    EmailSettingError,
    parse_base_url,
    parse_email_url,
    parse_sender,
)

BASE_DIR = Path(__file__).resolve().parent
WORK_DIR = Path.cwd()


def _env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name}={raw!r}: expected true or false")


def _env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


DEBUG = _env_bool("LODESTAR_DEBUG", False)
# Without LODESTAR_SECRET_KEY a fixed development key is used; `lodestar serve` refuses to run
# with it outside DEBUG (see lodestar.web.production).
DEVELOPMENT_SECRET_KEY = "lodestar-development-key-not-for-production"  # noqa: S105 - refused in production
SECRET_KEY = os.environ.get("LODESTAR_SECRET_KEY") or DEVELOPMENT_SECRET_KEY
ALLOWED_HOSTS = _env_list("LODESTAR_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]", "testserver"])

try:
    DATABASES = {
        "default": parse_database_url(
            os.environ.get("LODESTAR_DATABASE_URL") or "sqlite:///lodestar.sqlite3",
            base_dir=WORK_DIR,
        )
    }
except DatabaseUrlError as error:
    raise ImproperlyConfigured(f"LODESTAR_DATABASE_URL: {error}") from None
DATABASES["default"]["TEST"] = {"NAME": os.environ.get("LODESTAR_TEST_DATABASE_NAME") or None}

try:
    MAX_MODEL_FILE_BYTES = int(os.environ.get("LODESTAR_MAX_MODEL_FILE_BYTES") or 128 * 1024 * 1024)
except ValueError:
    raise ImproperlyConfigured("LODESTAR_MAX_MODEL_FILE_BYTES: expected a number of bytes") from None

# Uploaded model files wait here between the import's plan and its apply (see web/admin/uploads.py).
IMPORT_UPLOAD_DIR = Path(
    os.environ.get("LODESTAR_UPLOAD_DIR") or Path(tempfile.gettempdir()) / f"lodestar-imports-{os.getuid()}"
)

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "lodestar.org",
    "lodestar.purpose",
    "lodestar.design",
    "lodestar.goals",
    "lodestar.store",
    "lodestar.backup",
    "lodestar.demo",
    "lodestar.reports",
    "lodestar.checks",
    "lodestar.metrics",
    "lodestar.notifications",
    "lodestar.accounts",
    "lodestar.jobs",
    "lodestar.chat",
    "lodestar.scenarios",
    "lodestar.surveys",
    "lodestar.web",
    "lodestar.api",
    "ninja",  # so that the API docs use its bundled Swagger UI, not a CDN
    # Single sign-on over OpenID Connect (lodestar.accounts.oidc); after lodestar.web, whose templates win.
    "allauth",
    "allauth.account",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
]

MIDDLEWARE = [
    "lodestar.web.middleware.ApiErrorsAsJsonMiddleware",  # outermost: it sees every API error as sent
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",  # answers static files itself, so they may be cached
    "lodestar.web.middleware.HardeningHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "lodestar.web.language.LanguageMiddleware",  # after authentication: a user's setting comes first
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "lodestar.urls"
WSGI_APPLICATION = "lodestar.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]

# "Today" is the date in the organization's time zone (lodestar.lib.clock); digests go out at its hours.
try:
    LODESTAR_TIME_ZONE = clock.local_zone().key
except clock.UnknownTimeZone as error:
    raise ImproperlyConfigured(f"{clock.TIME_ZONE_SETTING}: {error}") from None

LANGUAGE_CODE = i18n.DEFAULT
LANGUAGES = list(i18n.LANGUAGES)
LOCALE_PATHS = [Path(__file__).resolve().parent / "locale"]
# Dates and numbers as each language writes them (lodestar/formats/<language>/formats.py).
FORMAT_MODULE_PATH = ["lodestar.formats"]
LANGUAGE_COOKIE_NAME = "lodestar_language"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("LODESTAR_STATIC_ROOT") or WORK_DIR / "staticfiles")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Logging and errors ---------------------------------------------------------------------
# Everything goes to stderr, one line per record (a traceback below a failure). An unexpected
# failure is logged by lodestar.errors as "reference <id>: METHOD PATH failed" with its traceback;
# the error page and the API's JSON show the same id (lodestar.web.errors).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"line": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "line"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LODESTAR_LOG_LEVEL", "WARNING")},
}

# --- Accounts, web app and API -------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "sign-in"
LOGIN_REDIRECT_URL = "dashboard"
MIDDLEWARE += [  # after the HTMX middleware: these use request.user and request.htmx
    "lodestar.web.middleware.SignInRequiredMiddleware",
    "lodestar.web.middleware.AsOfMiddleware",
]
TEMPLATES[0]["OPTIONS"]["context_processors"].append("lodestar.web.context.navigation")  # type: ignore[index]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# `lodestar serve` collects static files into STATIC_ROOT first; in DEBUG they are also found in place.
WHITENOISE_USE_FINDERS = DEBUG

# Sign-in is rate-limited per email and per client address, counted in the database so that
# every server process sees the same count.
SIGN_IN_WINDOW_SECONDS = 15 * 60
SIGN_IN_FAILURES_PER_EMAIL = 5
# How long the link of an invitation or a password reset stays valid (Django's token generators read it).
PASSWORD_RESET_TIMEOUT = 7 * 24 * 3600
# At most one reset e-mail per account in this many seconds (more requests are answered the same, and not sent).
PASSWORD_RESET_EMAIL_INTERVAL = 300
SIGN_IN_FAILURES_PER_ADDRESS = 30
# The address counted is the peer's, or, from a trusted reverse proxy, the client's in X-Forwarded-For.
TRUSTED_PROXIES = _env_list("LODESTAR_TRUSTED_PROXIES", [])
try:
    networks(TRUSTED_PROXIES)
except ValueError as error:
    raise ImproperlyConfigured(f"LODESTAR_TRUSTED_PROXIES: {error}") from None
# --- Single sign-on (OpenID Connect) and invitations ------------------------------------------
# LODESTAR_OIDC_ISSUER, _CLIENT_ID, _CLIENT_SECRET, _NAME, _ROLE_CLAIM, _ROLES, _ALLOWED_DOMAINS:
# see lodestar.accounts.sso_config and the README's "Single sign-on".
try:
    LODESTAR_SSO = read_config(os.environ)
except SsoSettingError as error:
    raise ImproperlyConfigured(str(error)) from None
# LODESTAR_PASSWORD_SIGN_IN=false: only the identity provider signs people in.
PASSWORD_SIGN_IN = _env_bool("LODESTAR_PASSWORD_SIGN_IN", True)
if not PASSWORD_SIGN_IN and not LODESTAR_SSO.enabled:
    raise ImproperlyConfigured(
        "LODESTAR_PASSWORD_SIGN_IN=false needs LODESTAR_OIDC_ISSUER and LODESTAR_OIDC_CLIENT_ID: else nobody can sign in"
    )
SOCIALACCOUNT_PROVIDERS = allauth_providers(LODESTAR_SSO)
SOCIALACCOUNT_ADAPTER = "lodestar.accounts.oidc.SocialAccountAdapter"
SOCIALACCOUNT_AUTO_SIGNUP = True
SOCIALACCOUNT_EMAIL_AUTHENTICATION = False  # the adapter links a user with the same e-mail itself
SOCIALACCOUNT_EMAIL_VERIFICATION = "none"
SOCIALACCOUNT_OPENID_CONNECT_URL_PREFIX = ""
SOCIALACCOUNT_STORE_TOKENS = False
SOCIALACCOUNT_LOGIN_ON_GET = False
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*"]
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_UNIQUE_EMAIL = True
SESSION_COOKIE_AGE = 14 * 24 * 3600
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# Behind HTTPS set LODESTAR_SECURE_COOKIES=true (cookies only over HTTPS, HSTS).
SECURE_COOKIES = _env_bool("LODESTAR_SECURE_COOKIES", False)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = SECURE_COOKIES
if SECURE_COOKIES:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = 365 * 24 * 3600
CSRF_TRUSTED_ORIGINS = _env_list("LODESTAR_CSRF_TRUSTED_ORIGINS", [])
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

try:
    API_MAX_BODY_BYTES = int(os.environ.get("LODESTAR_API_MAX_BODY_BYTES") or 256 * 1024)
    SERVE_WORKERS = int(os.environ.get("LODESTAR_WORKERS") or 3)
except ValueError:
    raise ImproperlyConfigured("LODESTAR_API_MAX_BODY_BYTES and LODESTAR_WORKERS: expected whole numbers") from None
# Uploads of model files through the admin import page may be as large as a model file.
DATA_UPLOAD_MAX_MEMORY_SIZE = max(API_MAX_BODY_BYTES, 2_621_440)
FILE_UPLOAD_MAX_MEMORY_SIZE = 8 * 1024 * 1024
CSRF_FAILURE_VIEW = "lodestar.web.errors.csrf_failure"

# --- Cache: scored snapshots of the model (lodestar.goals.snapshot_cache) ----------------------
# Each process keeps the last snapshots it built. With several workers or machines,
# LODESTAR_CACHE_URL=redis://host:port/db shares them through Redis, so that one worker scores a
# revision and the others read it; without it Django's local-memory cache serves the rest.
CACHE_URL = os.environ.get("LODESTAR_CACHE_URL", "").strip()
if CACHE_URL and not CACHE_URL.startswith(("redis://", "rediss://", "unix://")):
    raise ImproperlyConfigured("LODESTAR_CACHE_URL: expected redis://host:port/db, rediss://… or unix://path")
CACHES: dict[str, dict[str, Any]] = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL, "KEY_PREFIX": "lodestar"}
        if CACHE_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "lodestar"}
    )
}

# --- Jobs: `lodestar worker` and its schedules ------------------------------------------------
# The queue lives where the database is (lodestar.jobs.queue), or on Redis with LODESTAR_REDIS_URL.
REDIS_URL = os.environ.get("LODESTAR_REDIS_URL", "").strip()
if REDIS_URL and not REDIS_URL.startswith(("redis://", "rediss://", "unix://")):
    raise ImproperlyConfigured("LODESTAR_REDIS_URL: expected redis://host:port/db, rediss://… or unix://path")
# Each job's schedule: a cron line in LODESTAR_TIME_ZONE, "every N seconds|minutes|hours", or "off".
SCHEDULES = {
    "reminders": os.environ.get("LODESTAR_SCHEDULE_REMINDERS") or "0 * * * *",
    "digests": os.environ.get("LODESTAR_SCHEDULE_DIGESTS") or "0 8 * * mon",
    "surveys": os.environ.get("LODESTAR_SCHEDULE_SURVEYS") or "0 * * * *",
    "metrics": os.environ.get("LODESTAR_SCHEDULE_METRICS") or "0 2 * * *",
}
for _job, _text in SCHEDULES.items():
    try:
        parse_schedule(_text)
    except ScheduleError as error:
        raise ImproperlyConfigured(f"LODESTAR_SCHEDULE_{_job.upper()}: {error}") from None


# --- E-mail: reminders and digests ----------------------------------------------------------
# LODESTAR_EMAIL_URL names the mail server (smtp://, smtp+starttls://, smtp+ssl://); without it
# messages are written to the terminal. Links in them start with LODESTAR_BASE_URL.
def _email_setting(name: str, parse: Callable[[str], Any], default: str) -> Any:
    try:
        return parse(os.environ.get(name) or default)
    except EmailSettingError as error:
        raise ImproperlyConfigured(f"{name}: {error}") from None


_EMAIL: dict[str, Any] = _email_setting("LODESTAR_EMAIL_URL", parse_email_url, "")
EMAIL_BACKEND = _EMAIL["EMAIL_BACKEND"]
EMAIL_HOST = _EMAIL.get("EMAIL_HOST", "localhost")
EMAIL_PORT = _EMAIL.get("EMAIL_PORT", 25)
EMAIL_HOST_USER = _EMAIL.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = _EMAIL.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = _EMAIL.get("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = _EMAIL.get("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = _EMAIL.get("EMAIL_TIMEOUT")
DEFAULT_FROM_EMAIL = SERVER_EMAIL = _email_setting("LODESTAR_EMAIL_FROM", parse_sender, DEFAULT_FROM)
LODESTAR_BASE_URL = _email_setting("LODESTAR_BASE_URL", parse_base_url, DEFAULT_BASE_URL)
# A claim on a message that was never sent nor given back (its process died) is taken over after this.
MESSAGE_CLAIM_SECONDS = 15 * 60

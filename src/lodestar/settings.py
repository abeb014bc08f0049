"""Django settings for Lodestar, read from `LODESTAR_*` environment variables."""

from __future__ import annotations

import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from lodestar.lib.database_url import DatabaseUrlError, parse_database_url

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
DEVELOPMENT_SECRET_KEY = "lodestar-development-key-not-for-production"
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
    "lodestar.interchange",
    "lodestar.checks",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
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

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = False
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("LODESTAR_STATIC_ROOT") or WORK_DIR / "staticfiles")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LODESTAR_LOG_LEVEL", "WARNING")},
}

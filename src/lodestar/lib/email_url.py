"""Turn `LODESTAR_EMAIL_URL`, `LODESTAR_EMAIL_FROM` and `LODESTAR_BASE_URL` into Django's e-mail settings."""

from __future__ import annotations

from email.utils import parseaddr
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

SMTP_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
# The default: messages are written to the terminal (stderr), so that a demo shows what it would send.
CONSOLE_BACKEND = "lodestar.notifications.backends.ConsoleBackend"
# scheme -> (use STARTTLS, use implicit TLS, default port)
SMTP_SCHEMES = {"smtp": (False, False, 25), "smtp+starttls": (True, False, 587), "smtp+ssl": (False, True, 465)}
SMTP_TIMEOUT_SECONDS = 30.0
DEFAULT_FROM = "Lodestar <lodestar@localhost>"
DEFAULT_BASE_URL = "http://127.0.0.1:8000"


class EmailSettingError(ValueError):
    """A setting names no mail server, sender or address Lodestar can use."""


def parse_email_url(url: str) -> dict[str, Any]:
    """Django's EMAIL_* settings for `smtp://user:password@host:port` (also `smtp+starttls://`, `smtp+ssl://`).

    An empty URL, or `console:`, writes messages to the terminal. `?timeout=SECONDS` bounds the
    wait for the server (default 30). Raises EmailSettingError with a message a user can act on.
    """
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if not url or scheme == "console":
        return {"EMAIL_BACKEND": CONSOLE_BACKEND}
    if scheme not in SMTP_SCHEMES:
        raise EmailSettingError(
            f"unsupported scheme {parts.scheme!r}; use smtp://, smtp+starttls://, smtp+ssl:// or console:"
        )
    starttls, ssl, default_port = SMTP_SCHEMES[scheme]
    if not parts.hostname:
        raise EmailSettingError(f"{scheme}://…: the URL names no mail server (smtp://user:password@host:port)")
    try:
        port = parts.port or default_port
    except ValueError as error:
        raise EmailSettingError(str(error)) from None
    options = dict(parse_qsl(parts.query))
    unknown = sorted(set(options) - {"timeout"})
    if unknown:
        raise EmailSettingError(f"unknown option {unknown[0]!r}; the only one is timeout=SECONDS")
    try:
        timeout = float(options.get("timeout", SMTP_TIMEOUT_SECONDS))
    except ValueError:
        raise EmailSettingError("timeout: expected a number of seconds") from None
    if not 0 < timeout <= 600:
        raise EmailSettingError("timeout: expected more than 0 and at most 600 seconds")
    return {
        "EMAIL_BACKEND": SMTP_BACKEND,
        "EMAIL_HOST": parts.hostname,
        "EMAIL_PORT": port,
        "EMAIL_HOST_USER": unquote(parts.username or ""),
        "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
        "EMAIL_USE_TLS": starttls,
        "EMAIL_USE_SSL": ssl,
        "EMAIL_TIMEOUT": timeout,
    }


def parse_sender(value: str) -> str:
    """`Name <address>` or a bare address. Raises EmailSettingError."""
    _, address = parseaddr(value)
    local, at, domain = address.partition("@")
    if not (local and at and domain) or "\n" in value or "\r" in value:
        raise EmailSettingError(f"{value!r} is not a sender such as {DEFAULT_FROM}")
    return value.strip()


def parse_base_url(value: str) -> str:
    """The address the pages are reached at, without a trailing slash. Raises EmailSettingError."""
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        raise EmailSettingError(f"{value!r} is not an address such as https://lodestar.example.com")
    return value.rstrip("/")

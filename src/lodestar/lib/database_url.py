"""Turn `LODESTAR_DATABASE_URL` into a Django DATABASES entry."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit


class DatabaseUrlError(ValueError):
    """The URL names no database Lodestar can use."""


def parse_database_url(url: str, *, base_dir: Path) -> dict[str, Any]:
    """Parse `sqlite:///path` or `postgresql://user:password@host:port/db?options`.

    Raises DatabaseUrlError with a message a user can act on.
    """
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme == "sqlite":
        # sqlite:///relative.sqlite3 and sqlite:////absolute/path both work, as in SQLAlchemy.
        raw = unquote(parts.path[1:] if parts.path.startswith("/") else parts.path)
        if parts.netloc:
            raise DatabaseUrlError(f"{url!r}: write SQLite URLs as sqlite:///path/to/file.sqlite3")
        if not raw:
            raise DatabaseUrlError(f"{url!r}: the SQLite URL names no file")
        name = raw if raw == ":memory:" else str((base_dir / raw).resolve())
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": name}
    if scheme in {"postgres", "postgresql", "pgsql"}:
        name = unquote(parts.path.lstrip("/"))
        if not name:
            raise DatabaseUrlError(f"{url!r}: the PostgreSQL URL names no database")
        options = dict(parse_qsl(parts.query))
        try:
            port = parts.port
        except ValueError as error:
            raise DatabaseUrlError(f"{url!r}: {error}") from None
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": name,
            "USER": unquote(parts.username or ""),
            "PASSWORD": unquote(parts.password or ""),
            "HOST": parts.hostname or "",
            "PORT": str(port or ""),
            "OPTIONS": options,
        }
    raise DatabaseUrlError(f"{url!r}: unsupported database; use sqlite:///path or postgresql://user@host:port/db")

"""Turn `LODESTAR_DATABASE_URL` into a Django DATABASES entry."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit


class DatabaseUrlError(ValueError):
    """The URL names no database Lodestar can use."""


# SQLite serves several server processes: a write-ahead log lets readers go on while one process
# writes, `BEGIN IMMEDIATE` takes the write lock when a transaction starts (a transaction that read
# and then wants to write cannot be refused half-way), and a writer waits up to `timeout` seconds
# for the lock instead of failing at once with "database is locked".
SQLITE_INIT_COMMAND = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL"
SQLITE_TIMEOUT_SECONDS = 20.0


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
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": name, "OPTIONS": _sqlite_options(url, parts.query)}
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


def _sqlite_options(url: str, query: str) -> dict[str, Any]:
    """WAL, immediate write transactions and a busy timeout; `?timeout=SECONDS` changes the wait."""
    options = dict(parse_qsl(query))
    unknown = sorted(set(options) - {"timeout"})
    if unknown:
        raise DatabaseUrlError(f"{url!r}: unknown SQLite option {unknown[0]!r}; the only one is timeout=SECONDS")
    try:
        timeout = float(options.get("timeout", SQLITE_TIMEOUT_SECONDS))
    except ValueError:
        raise DatabaseUrlError(f"{url!r}: timeout: expected a number of seconds") from None
    if not 0 < timeout <= 3600:
        raise DatabaseUrlError(f"{url!r}: timeout: expected more than 0 and at most 3600 seconds")
    return {"init_command": SQLITE_INIT_COMMAND, "transaction_mode": "IMMEDIATE", "timeout": timeout}

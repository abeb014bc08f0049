"""The database as the delivery layer sees it: tables created when missing, and whether it can be reached."""

from __future__ import annotations

import pkgutil
from importlib import import_module

from django.apps import apps
from django.core.management import call_command
from django.db import connection
from django.db.utils import DatabaseError, InterfaceError, OperationalError

from lodestar.lib.errors import LodestarError


class DatabaseUnreachable(LodestarError):
    """The database server cannot be reached (or the database file cannot be opened)."""


class DatabaseBusy(LodestarError):
    """The database waited too long for a lock that another write holds; trying again later works."""


# SQLite's words for a write lock it waited for in vain; PostgreSQL's SQLSTATEs for a lock not
# granted in time (lock_timeout), a deadlock and a serialization failure, each cured by a retry.
SQLITE_BUSY = ("database is locked", "database table is locked")
POSTGRESQL_BUSY = frozenset({"55P03", "40P01", "40001"})


def busy(error: BaseException) -> bool:
    """Whether `error` means that another write holds a lock this one waited for in vain."""
    if not isinstance(error, OperationalError):
        return False
    if any(words in str(error) for words in SQLITE_BUSY):
        return True
    return getattr(error.__cause__, "sqlstate", None) in POSTGRESQL_BUSY


def unreachable(error: BaseException) -> bool:
    """Whether `error` means that the database cannot be reached, rather than that one statement failed.

    A connection that was never made, or one that no longer answers, is unreachable; a lock waited for
    in vain (`busy`) or a constraint is not (the connection still answers).
    """
    if not isinstance(error, OperationalError | InterfaceError) or busy(error):
        return False
    return connection.connection is None or not connection.is_usable()


def describe() -> str:
    """The database in a few words, without its password: `postgresql lodestar on db.example:5432`."""
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite {settings['NAME']}"
    host = settings.get("HOST") or "localhost"
    port = settings.get("PORT")
    return f"{connection.vendor} {settings['NAME']} on {host}{f':{port}' if port else ''}"


def unreachable_error(error: BaseException) -> DatabaseUnreachable:
    """One line for the command line: which database, and the driver's first line of why."""
    lines = str(error).strip().splitlines()
    return DatabaseUnreachable(f"cannot reach the database {describe()}: {lines[0] if lines else type(error).__name__}")


def busy_error() -> DatabaseBusy:
    """One line for the command line: which database is busy, and what to do."""
    return DatabaseBusy(f"the database {describe()} is busy: another write held its lock too long; try again")


def database_answers() -> bool:
    """Whether the database answers a `SELECT 1` (the health check)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return False
    return True


def _shipped_migrations() -> set[tuple[str, str]]:
    shipped: set[tuple[str, str]] = set()
    for config in apps.get_app_configs():
        try:
            package = import_module(f"{config.name}.migrations")
        except ImportError:
            continue
        for info in pkgutil.iter_modules(package.__path__):
            if info.name[:4].isdigit():
                shipped.add((config.label, info.name))
    return shipped


def ensure_database() -> None:
    """Apply missing migrations; cheap when the database is up to date (one query).

    Raises DatabaseUnreachable when the database cannot be reached.
    """
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT app, name FROM django_migrations")
            applied = set(cursor.fetchall())
    except DatabaseError as error:
        if unreachable(error):
            raise unreachable_error(error) from None
        applied = set()
        if connection.in_atomic_block:
            raise
    if not _shipped_migrations() <= applied:
        call_command("migrate", interactive=False, verbosity=0)

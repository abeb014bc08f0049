"""Create the tables on a database that has none yet (or lacks newer migrations)."""

from __future__ import annotations

import pkgutil
from importlib import import_module

from django.apps import apps
from django.core.management import call_command
from django.db import connection
from django.db.utils import DatabaseError


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
    """Apply missing migrations; cheap when the database is up to date (one query)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT app, name FROM django_migrations")
            applied = set(cursor.fetchall())
    except DatabaseError:
        applied = set()
        if connection.in_atomic_block:
            raise
    if not _shipped_migrations() <= applied:
        call_command("migrate", interactive=False, verbosity=0)

"""A database of its own for tests that start `lodestar` processes, of the kind this run uses.

Under `LODESTAR_DATABASE_URL=sqlite:///…` it is a SQLite file in the test's folder; under a
PostgreSQL URL a database of its own on the same server, created and dropped here.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest

from lodestar.lib.database_url import parse_database_url
from tests.conftest import postgres_required


def _postgres_database() -> Iterator[str]:
    """A PostgreSQL database of its own on the server of this run; dropped afterwards."""
    import psycopg
    from psycopg.conninfo import make_conninfo

    url = os.environ["LODESTAR_DATABASE_URL"]
    config = parse_database_url(url, base_dir=Path.cwd())
    server = {"host": config["HOST"], "port": config["PORT"], "user": config["USER"], "password": config["PASSWORD"]}
    try:
        admin = psycopg.connect(
            make_conninfo("", dbname="postgres", **{key: value for key, value in server.items() if value}),
            connect_timeout=3,
            autocommit=True,
        )
    except psycopg.OperationalError:
        if postgres_required():
            raise
        pytest.skip("PostgreSQL is not running")
    name = f"lodestar_concurrency_{secrets.token_hex(4)}"
    admin.execute(f"CREATE DATABASE {name}")
    try:
        address, _, options = url.partition("?")
        yield address.rsplit("/", 1)[0] + f"/{name}" + (f"?{options}" if options else "")
    finally:
        admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        admin.close()


@pytest.fixture
def database_url(tmp_path: Path) -> Iterator[str]:
    """A database of the kind this run uses, for the server alone."""
    if os.environ.get("LODESTAR_DATABASE_URL", "").startswith(("postgres://", "postgresql://", "pgsql://")):
        yield from _postgres_database()
    else:
        yield f"sqlite:///{tmp_path / 'concurrency.sqlite3'}"

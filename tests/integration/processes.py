"""`lodestar` commands run as processes of their own, on a database of the kind this run uses, made for them.

Under `LODESTAR_DATABASE_URL=sqlite:///…` the processes get a SQLite file of their own; under a
PostgreSQL URL a database of their own on the same server, created and dropped here.
"""

from __future__ import annotations

import os
import secrets
import socket
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

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
    name = f"lodestar_process_{secrets.token_hex(4)}"
    admin.execute(f"CREATE DATABASE {name}")
    try:
        address, _, options = url.partition("?")
        yield address.rsplit("/", 1)[0] + f"/{name}" + (f"?{options}" if options else "")
    finally:
        admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        admin.close()


def process_database(directory: Path) -> Iterator[str]:
    """A database of the kind this run uses, for the processes alone (a SQLite file in `directory`)."""
    if os.environ.get("LODESTAR_DATABASE_URL", "").startswith(("postgres://", "postgresql://", "pgsql://")):
        yield from _postgres_database()
    else:
        yield f"sqlite:///{directory / 'processes.sqlite3'}"


@pytest.fixture
def database_url(tmp_path: Path) -> Iterator[str]:
    """A database of the kind this run uses, for the processes alone."""
    yield from process_database(tmp_path)


def query(database_url: str, sql: str) -> list[tuple[Any, ...]]:
    """Rows of one SELECT on the processes' database, read from outside them."""
    config = parse_database_url(database_url, base_dir=Path.cwd())
    if config["ENGINE"].endswith("sqlite3"):
        with sqlite3.connect(config["NAME"], timeout=20) as connection:
            return list(connection.execute(sql).fetchall())
    import psycopg

    with psycopg.connect(database_url.partition("?")[0]) as connection:
        return list(connection.execute(sql.encode()).fetchall())


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def run_lodestar_process(environment: dict[str, str], *args: str, stdin: str = "") -> str:
    """Run `lodestar ARGS` as a process of its own; it must succeed. Returns what it printed."""
    done = subprocess.run(
        [sys.executable, "-m", "lodestar.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=environment,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, f"lodestar {' '.join(args)}: {done.stderr}"
    return done.stdout


def stop(process: subprocess.Popen[Any]) -> None:
    """Stop a process as a service manager does (SIGTERM), killing it when it does not stop."""
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=30)

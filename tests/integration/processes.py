"""`lodestar` commands run as processes of their own, on a database of the kind this run uses, made for them.

Under `LODESTAR_DATABASE_URL=sqlite:///…` the processes get a SQLite file of their own; under a
PostgreSQL URL a database of their own on the same server, created and dropped here.
"""

from __future__ import annotations

import http.client
import os
import secrets
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
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


def serve_environment(database_url: str, tmp_path: Path, *, workers: int = 1) -> dict[str, str]:
    """The environment of a `lodestar serve` process on `database_url`, its static files under `tmp_path`."""
    (tmp_path / "static").mkdir(exist_ok=True)
    return {
        **os.environ,
        "LODESTAR_DATABASE_URL": database_url,
        "LODESTAR_WORKERS": str(workers),
        "LODESTAR_SECRET_KEY": secrets.token_urlsafe(50),
        "LODESTAR_DEBUG": "false",
        "LODESTAR_STATIC_ROOT": str(tmp_path / "static"),
    }


@contextmanager
def serving(environment: dict[str, str], tmp_path: Path) -> Iterator[int]:
    """`lodestar serve` on a free loopback port, yielded once `/healthz` answers 200; stopped afterwards."""
    port = free_port()
    log_path = tmp_path / "serve.log"
    with log_path.open("w", encoding="utf-8") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "lodestar.cli", "serve", "--host", "127.0.0.1", "--port", str(port)],
            env=environment,
            stdout=log,
            stderr=subprocess.STDOUT,
            cwd=tmp_path,
        )
        try:
            deadline = time.monotonic() + 120
            while not _healthy(port):
                assert process.poll() is None, log_path.read_text(encoding="utf-8")
                assert time.monotonic() < deadline, "lodestar serve did not answer within 120 s"
                time.sleep(0.2)
            yield port
        finally:
            stop(process)


def _healthy(port: int) -> bool:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", "/healthz")
        return connection.getresponse().status == 200
    except OSError:
        return False
    finally:
        connection.close()

from __future__ import annotations

from pathlib import Path

import pytest

from lodestar.lib.database_url import DatabaseUrlError, parse_database_url

BASE = Path("/srv/lodestar")


def test_a_relative_sqlite_path_is_resolved_against_the_working_directory() -> None:
    assert parse_database_url("sqlite:///lodestar.sqlite3", base_dir=BASE)["NAME"] == "/srv/lodestar/lodestar.sqlite3"


def test_an_absolute_sqlite_path_is_kept() -> None:
    assert parse_database_url("sqlite:////var/lib/l.sqlite3", base_dir=BASE)["NAME"] == "/var/lib/l.sqlite3"


def test_a_postgresql_url_gives_user_host_port_and_database() -> None:
    config = parse_database_url("postgresql://ana:s%40cret@db.local:5433/goals?sslmode=require", base_dir=BASE)
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["USER"], config["PASSWORD"], config["HOST"], config["PORT"], config["NAME"]) == (
        "ana",
        "s@cret",
        "db.local",
        "5433",
        "goals",
    )
    assert config["OPTIONS"] == {"sslmode": "require"}


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("mysql://root@localhost/x", "unsupported database"),
        ("postgresql://postgres@localhost:5432/", "names no database"),
        ("sqlite://", "names no file"),
        ("postgresql://postgres@localhost:port/x", "Port could not be cast"),
    ],
)
def test_an_unusable_url_is_refused_with_a_reason(url: str, message: str) -> None:
    with pytest.raises(DatabaseUrlError, match=message):
        parse_database_url(url, base_dir=BASE)


def test_sqlite_writes_a_write_ahead_log_and_takes_the_write_lock_when_a_transaction_starts() -> None:
    options = parse_database_url("sqlite:///lodestar.sqlite3", base_dir=BASE)["OPTIONS"]
    assert options["transaction_mode"] == "IMMEDIATE"
    assert "PRAGMA journal_mode=WAL" in options["init_command"]
    assert options["timeout"] == 20.0


def test_a_sqlite_url_may_set_how_long_a_writer_waits_for_the_lock() -> None:
    assert parse_database_url("sqlite:///l.sqlite3?timeout=45", base_dir=BASE)["OPTIONS"]["timeout"] == 45.0


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("sqlite:///l.sqlite3?timeout=soon", "timeout: expected a number of seconds"),
        ("sqlite:///l.sqlite3?timeout=0", "timeout: expected more than 0"),
        ("sqlite:///l.sqlite3?journal=off", "unknown SQLite option 'journal'"),
    ],
)
def test_an_unusable_sqlite_option_is_refused_with_a_reason(url: str, message: str) -> None:
    with pytest.raises(DatabaseUrlError, match=message):
        parse_database_url(url, base_dir=BASE)

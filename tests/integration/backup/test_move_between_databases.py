"""Moving a whole Lodestar from SQLite to PostgreSQL and back with `lodestar backup` and `lodestar restore-backup`.

The test builds a SQLite database with real commands — the demo with its metrics refresh, users
with passwords, API tokens (one revoked), edits through the API — backs it up and restores the file
into a fresh PostgreSQL database. It compares the two through Lodestar itself (`probe.py`): every
row of every table, the exported model byte for byte, sign-ins with the old passwords and calls with
the old tokens. Then PostgreSQL takes new writes, whose ids must follow the restored ones, and the
same comparison follows a move from PostgreSQL to a new SQLite file.

Both kinds are needed, so the test runs in the PostgreSQL run of the suite, on its server, and is
skipped in the SQLite run, which would only repeat it. Its PostgreSQL database has a name of its
own and is dropped afterwards.
"""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from lodestar.lib.database_url import parse_database_url
from tests.conftest import postgres_required

ROOT = Path(__file__).resolve().parents[3]
TODAY = "2026-06-30"
ADMIN, MEMBER = "admin@example.com", "member@example.com"
RUN_URL = os.environ.get("LODESTAR_DATABASE_URL", "")

pytestmark = pytest.mark.skipif(
    not RUN_URL.startswith(("postgres://", "postgresql://", "pgsql://")),
    reason="moves between SQLite and PostgreSQL: runs in the PostgreSQL run of the suite",
)

FreshPostgres = Callable[[], str]


@pytest.fixture
def fresh_postgres() -> Iterator[FreshPostgres]:
    """`fresh_postgres()` creates an empty database on this run's server and returns its URL; all are dropped after."""
    import psycopg
    from psycopg.conninfo import make_conninfo

    config = parse_database_url(RUN_URL, base_dir=Path.cwd())
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
    created: list[str] = []

    def create() -> str:
        name = f"lodestar_backup_{secrets.token_hex(4)}"
        admin.execute(f"CREATE DATABASE {name}")
        created.append(name)
        address, _, options = RUN_URL.partition("?")
        return address.rsplit("/", 1)[0] + f"/{name}" + (f"?{options}" if options else "")

    try:
        yield create
    finally:
        for name in created:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        admin.close()


def _environment(url: str, tmp_path: Path) -> dict[str, str]:
    (tmp_path / "static").mkdir(exist_ok=True)
    return {**os.environ, "LODESTAR_DATABASE_URL": url, "LODESTAR_STATIC_ROOT": str(tmp_path / "static")}


def _run(url: str, tmp_path: Path, *args: str, stdin: str = "") -> str:
    done = subprocess.run(
        [sys.executable, *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=_environment(url, tmp_path),
        cwd=ROOT,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, f"{' '.join(args)}: {done.stderr}"
    return done.stdout


def lodestar(url: str, tmp_path: Path, *args: str, stdin: str = "") -> str:
    """`lodestar ARGS` as its own process against the database at `url`."""
    return _run(url, tmp_path, "-m", "lodestar.cli", *args, stdin=stdin)


def probe(url: str, tmp_path: Path, action: str, request: dict[str, Any]) -> dict[str, Any]:
    found: dict[str, Any] = json.loads(
        _run(url, tmp_path, "-m", "tests.integration.backup.probe", action, stdin=json.dumps(request))
    )
    return found


@dataclass
class Sign:
    """What the users of a built database sign in with."""

    passwords: dict[str, str] = field(default_factory=dict)
    tokens: dict[str, str] = field(default_factory=dict)  # name: token
    revoked: str = ""

    def request(self) -> dict[str, Any]:
        return {"passwords": self.passwords, "tokens": [*self.tokens.values(), self.revoked]}


def build(url: str, tmp_path: Path) -> Sign:
    """The demo with its refresh run, two users, three tokens (one revoked), and edits through the API."""
    lodestar(url, tmp_path, "demo", "--today", TODAY, "--data", str(tmp_path / "demo-data"))
    sign = Sign(passwords={ADMIN: secrets.token_urlsafe(16), MEMBER: secrets.token_urlsafe(16)})
    lodestar(
        url,
        tmp_path,
        "users",
        "add",
        ADMIN,
        "--role",
        "admin",
        "--person",
        "matthias.ebert",
        "--password-stdin",
        stdin=sign.passwords[ADMIN],
    )
    lodestar(
        url,
        tmp_path,
        "users",
        "add",
        MEMBER,
        "--role",
        "member",
        "--person",
        "stefan.hoffmann",
        "--password-stdin",
        stdin=sign.passwords[MEMBER],
    )
    for name, email in (("admin", ADMIN), ("member", MEMBER), ("revoked", MEMBER)):
        token = lodestar(url, tmp_path, "tokens", "create", email).split()[0]
        assert token.startswith("ls_")
        sign.tokens[name] = token
    sign.revoked = sign.tokens.pop("revoked")
    lodestar(url, tmp_path, "tokens", "revoke", sign.revoked)
    answers = probe(url, tmp_path, "write", {"token": sign.tokens["admin"], "date": "2026-06-29"})
    assert set(answers.values()) <= {200, 201}, answers
    return sign


def move(source: str, target: str, folder: Path) -> Path:
    """`lodestar backup` on `source` into `folder`, then `lodestar restore-backup` on `target`."""
    folder.mkdir()
    backup = folder / "lodestar-backup.jsonl.gz"
    written = lodestar(source, folder, "backup", str(backup))
    assert written.startswith(f"Wrote {backup}: ")
    assert backup.stat().st_mode & 0o777 == 0o600
    restored = lodestar(target, folder, "restore-backup", str(backup))
    assert restored.startswith(f"Restored {backup} into ")
    return backup


def assert_moved(before: dict[str, Any], after: dict[str, Any], sign: Sign) -> None:
    """Every row equal, the model file byte-identical, the same people sign in and the same tokens work."""
    counts = {table: len(rows) for table, rows in before["tables"].items()}
    assert counts["accounts.user"] >= 2
    assert counts["accounts.apitoken"] == 3
    assert counts["accounts.auditentry"] >= 12  # the import, users, tokens, the refresh, the four API edits
    assert counts["purpose.missionrevision"] >= 2  # the imported mission, then the API's edit
    assert counts["metrics.refreshrun"] == 1
    assert {table: len(rows) for table, rows in after["tables"].items()} == counts
    for table, rows in before["tables"].items():
        assert after["tables"][table] == rows, table
    assert after["export"] == before["export"]
    for email in sign.passwords:
        assert after["sign_ins"][email] == [400, 302, 200], email
    assert after["tokens"] == {**dict.fromkeys(sign.tokens.values(), 200), sign.revoked: 401}


def test_a_database_moved_from_sqlite_to_postgresql_and_back_keeps_every_row_sign_in_and_token(
    tmp_path: Path, fresh_postgres: FreshPostgres
) -> None:
    sqlite, postgresql = f"sqlite:///{tmp_path / 'source.sqlite3'}", fresh_postgres()
    sign = build(sqlite, tmp_path)
    move(sqlite, postgresql, tmp_path / "to-postgresql")
    # The probe reads the rows before it signs in (which sets last_login): as they were backed up.
    on_sqlite = probe(sqlite, tmp_path, "read", sign.request())
    on_postgresql = probe(postgresql, tmp_path, "read", sign.request())
    assert_moved(on_sqlite, on_postgresql, sign)

    answers = probe(postgresql, tmp_path, "write", {"token": sign.tokens["admin"], "date": "2026-06-28"})
    assert set(answers.values()) <= {200, 201}, answers
    lodestar(
        postgresql,
        tmp_path,
        "users",
        "add",
        "third@example.com",
        "--role",
        "viewer",
        "--password-stdin",
        stdin="x" * 16,
    )
    written = probe(postgresql, tmp_path, "read", {"passwords": {}, "tokens": []})["tables"]
    for table in (
        "accounts.auditentry",
        "accounts.user",
        "purpose.missionrevision",
        "goals.checkin",
        "goals.measurement",
    ):
        restored = {row["id"] for row in on_postgresql["tables"][table]}
        new = {row["id"] for row in written[table]} - restored
        assert new, table
        assert min(new) > max(restored), table

    back = f"sqlite:///{tmp_path / 'back.sqlite3'}"
    move(postgresql, back, tmp_path / "to-sqlite")
    assert_moved(
        probe(postgresql, tmp_path, "read", sign.request()), probe(back, tmp_path, "read", sign.request()), sign
    )

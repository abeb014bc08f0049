"""`lodestar backup FILE`: every table of every Lodestar app, in an order that restores, into a private file."""

from __future__ import annotations

import gzip
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.apps import apps

from lodestar.accounts.models import ApiToken, AuditEntry
from lodestar.backup import restore, service
from lodestar.backup.tables import backed_up_models, referred
from tests.conftest import EXAMPLE, RunLodestar
from tests.integration.accounts.cast import Cast


def _lines(path: Path) -> list[Any]:
    with gzip.open(path, "rt", encoding="utf-8") as stream:
        return [json.loads(line) for line in stream]


@pytest.fixture
def backup(lodestar: RunLodestar, cast: Cast, tmp_path: Path) -> Path:
    path = tmp_path / "lodestar-backup.jsonl.gz"
    run = lodestar("backup", str(path))
    assert run.code == 0, run.err
    return path


def test_a_backup_holds_every_table_of_every_lodestar_app_with_all_its_rows(backup: Path) -> None:
    header = _lines(backup)[0]
    stored = {
        model._meta.label_lower: model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.app_config.name.startswith("lodestar.")
        and model._meta.managed
        and not model._meta.proxy
        and model._meta.label_lower != "store.modelrevision"  # a key for caches of one database, no data
    }
    assert {table["model"] for table in header["tables"]} == set(stored)
    for table in header["tables"]:
        model = stored[table["model"]]
        assert table["rows"] == model._base_manager.count(), table["model"]
        assert table["columns"] == [field.column for field in model._meta.concrete_fields]
    counts = {table["model"]: table["rows"] for table in header["tables"]}
    assert counts["accounts.user"] == 7
    assert counts["accounts.apitoken"] == 7
    assert counts["accounts.auditentry"] > 14
    assert counts["purpose.missionrevision"] == 1


def test_a_backup_records_the_format_and_the_applied_migrations(backup: Path) -> None:
    header, *_, end = _lines(backup)
    assert (header["format"], header["version"]) == ("lodestar-backup", 1)
    assert "0001_users_tokens_audit" in header["migrations"]["accounts"]
    assert set(header["migrations"]) <= {config.label for config in apps.get_app_configs()}
    assert end == {
        "end": "lodestar-backup",
        "tables": len(header["tables"]),
        "rows": sum(t["rows"] for t in header["tables"]),
    }


def test_a_backup_keeps_password_hashes_token_digests_and_audit_times_exactly(backup: Path, cast: Cast) -> None:
    lines = _lines(backup)
    header = lines[0]
    rows: dict[str, list[dict[str, Any]]] = {}
    position = 1
    for table in header["tables"]:
        rows[table["model"]] = [
            dict(zip(table["columns"], values, strict=True)) for values in lines[position : position + table["rows"]]
        ]
        position += table["rows"]
    users = {row["email"]: row for row in rows["accounts.user"]}
    assert users["sam@example.com"]["password"] == cast.sam.password
    assert {row["digest"] for row in rows["accounts.apitoken"]} == set(
        ApiToken.objects.values_list("digest", flat=True)
    )
    newest = AuditEntry.objects.order_by("-id").first()
    assert newest is not None
    written = next(row for row in rows["accounts.auditentry"] if row["id"] == newest.id)
    assert written["at"] == newest.at.isoformat()
    assert written["after"] == newest.after


def test_every_foreign_key_of_a_backed_up_table_points_to_a_backed_up_table() -> None:
    """A table referring to one of Django's (content types, say) could not be restored with its ids."""
    backed_up = backed_up_models()
    outside = {
        model._meta.label_lower: target._meta.label_lower
        for model in backed_up
        for target in referred(model)
        if target not in backed_up
    }
    assert outside == {}


def test_each_table_comes_after_the_tables_it_refers_to_unless_they_refer_to_each_other() -> None:
    order = backed_up_models()
    for position, model in enumerate(order):
        for target in referred(model):
            assert order.index(target) < position or _leads_back(target, model), (model, target)
    labels = [model._meta.label_lower for model in order]
    assert labels.index("accounts.user") < labels.index("accounts.apitoken")
    assert labels.index("goals.goal") < labels.index("goals.keyresult") < labels.index("goals.measurement")


def _leads_back(target: Any, model: Any) -> bool:
    """Whether `target` leads back to `model` through foreign keys (a cycle, such as unit lead and person unit)."""
    seen, todo = set(), [target]
    while todo:
        current = todo.pop()
        if current is model:
            return True
        if current not in seen:
            seen.add(current)
            todo.extend(referred(current))
    return False


def test_the_backup_is_readable_by_its_owner_only_and_replaces_an_older_one(
    lodestar: RunLodestar, cast: Cast, tmp_path: Path
) -> None:
    path = tmp_path / "backup.jsonl.gz"
    path.write_text("an older backup")
    path.chmod(0o644)
    run = lodestar("backup", str(path))
    assert run.code == 0, run.err
    assert run.out.startswith(f"Wrote {path}: ") and " rows of " in run.out
    assert path.stat().st_mode & 0o777 == 0o600
    assert _lines(path)[0]["format"] == "lodestar-backup"
    assert sorted(item.name for item in tmp_path.iterdir()) == ["backup.jsonl.gz"]


def test_a_backup_that_cannot_be_written_is_one_line_and_leaves_nothing_behind(
    lodestar: RunLodestar, cast: Cast, tmp_path: Path
) -> None:
    run = lodestar("backup", str(tmp_path / "missing" / "backup.jsonl.gz"))
    assert (run.code, run.err.strip()) == (
        2,
        f"error: cannot write {tmp_path / 'missing' / 'backup.jsonl.gz'}: No such file or directory",
    )
    folder = tmp_path / "taken"
    (folder / "inside").mkdir(parents=True)
    run = lodestar("backup", str(folder))
    assert run.code == 2
    assert run.err.strip().startswith(f"error: cannot write {folder}: ") and "\n" not in run.err.strip()
    assert [item.name for item in tmp_path.iterdir()] == ["taken"]
    assert [item.name for item in folder.iterdir()] == ["inside"]


def test_a_long_backup_and_restore_report_their_progress_on_standard_error(
    lodestar: RunLodestar, cast: Cast, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(service, "PROGRESS_EVERY", 40)
    monkeypatch.setattr(restore, "PROGRESS_EVERY", 40)
    run = lodestar("backup", str(tmp_path / "backup.jsonl.gz"))
    assert run.code == 0
    lines = run.err.splitlines()
    assert lines and all(line.startswith("backup: ") and " rows (" in line for line in lines)
    assert lines[0].startswith("backup: 40 of ")


def test_the_help_lists_backup_and_restore_backup(lodestar: RunLodestar) -> None:
    out = lodestar("--help").out
    assert "\n  backup " in out
    assert "\n  restore-backup " in out
    assert "empty database" in lodestar("help", "restore-backup").out


@pytest.mark.skipif(
    os.environ.get("LODESTAR_DATABASE_URL", "").startswith(("postgres://", "postgresql://", "pgsql://")),
    reason="about SQLite's write lock, on a file of its own: runs in the SQLite run",
)
def test_a_backup_of_sqlite_reads_while_another_process_holds_the_write_lock(tmp_path: Path) -> None:
    database = tmp_path / "busy.sqlite3"
    environment = {**os.environ, "LODESTAR_DATABASE_URL": f"sqlite:///{database}?timeout=1"}

    def lodestar(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "lodestar.cli", *args]
        return subprocess.run(command, capture_output=True, text=True, env=environment, timeout=120, check=False)

    assert lodestar("import", str(EXAMPLE)).returncode == 0
    writer = sqlite3.connect(database, isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("UPDATE org_organization SET name = 'not yet committed'")
        done = lodestar("backup", str(tmp_path / "backup.jsonl.gz"))
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert done.returncode == 0, done.stderr
    header, organization = _lines(tmp_path / "backup.jsonl.gz")[:2]
    assert header["tables"][0]["model"] == "org.organization"
    assert organization[1] == "Example Valves Ltd"

"""`lodestar restore-backup FILE` into the database of this run: everything back, or nothing written.

These tests back up the test database, empty it and restore into it, so they run on SQLite in the
SQLite run and on PostgreSQL in the PostgreSQL run (the move from one kind to the other is in
test_move_between_databases.py).
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.test import Client

from lodestar.accounts.actor import command_line_actor
from lodestar.accounts.models import User
from lodestar.accounts.services import create_user
from lodestar.metrics.models import RefreshRun
from lodestar.org.models import Unit
from lodestar.store.service import export_model
from tests.conftest import EXAMPLE, RunLodestar
from tests.integration.accounts.cast import PASSWORD, Api, Cast
from tests.integration.backup.probe import every_row

pytestmark = pytest.mark.django_db(transaction=True)

Lines = list[Any]


def _read(path: Path) -> Lines:
    with gzip.open(path, "rt", encoding="utf-8") as stream:
        return [json.loads(line) for line in stream]


def _write(path: Path, lines: Lines) -> Path:
    with gzip.open(path, "wt", encoding="ascii") as stream:
        stream.writelines(json.dumps(line) + "\n" for line in lines)
    return path


def _rows_of(lines: Lines, model: str) -> tuple[dict[str, Any], int]:
    """The header entry of `model` and the index of its first row line."""
    position = 1
    for table in lines[0]["tables"]:
        if table["model"] == model:
            return table, position
        position += table["rows"]
    raise KeyError(model)


def _empty() -> None:
    call_command("flush", interactive=False, verbosity=0)
    assert all(rows == [] for rows in every_row().values())


@pytest.fixture
def backup(lodestar: RunLodestar, cast: Cast, tmp_path: Path) -> Path:
    """A backup of the cast's database, with a refresh run; the database itself is left as it was."""
    RefreshRun.objects.create(
        finished_at=datetime(2026, 6, 30, 9, 15, 1, 123456, tzinfo=UTC), as_of=date(2026, 6, 30), metrics_file="m.yaml"
    )
    path = tmp_path / "backup.jsonl.gz"
    run = lodestar("backup", str(path))
    assert run.code == 0, run.err
    return path


def test_a_backup_restored_into_an_emptied_database_gives_back_every_row_and_the_same_model(
    lodestar: RunLodestar, backup: Path
) -> None:
    before, model = every_row(), export_model()
    _empty()
    run = lodestar("restore-backup", str(backup), "-v", "2")
    assert run.code == 0, run.err
    assert f"accounts.auditentry\t{len(before['accounts.auditentry'])}\n" in run.out
    assert run.out.splitlines()[-1].startswith(f"Restored {backup} into ")
    assert every_row() == before
    assert export_model() == model


def test_users_sign_in_with_their_passwords_and_tokens_work_after_a_restore(
    lodestar: RunLodestar, backup: Path, cast: Cast
) -> None:
    _empty()
    assert lodestar("restore-backup", str(backup)).code == 0
    client = Client()
    answer = client.post("/sign-in", {"email": "sam@example.com", "password": PASSWORD})
    assert (answer.status_code, answer["Location"]) == (302, "/")
    assert client.get("/").status_code == 200
    assert Api(cast.token["sam"]).get("/goals").status_code == 200
    assert Api(cast.token["sam"] + "x").get("/goals").status_code == 401


def test_new_rows_after_a_restore_get_ids_after_the_restored_ones(lodestar: RunLodestar, backup: Path) -> None:
    _empty()
    assert lodestar("restore-backup", str(backup)).code == 0
    restored = {table: {row["id"] for row in rows} for table, rows in every_row().items()}
    create_user(actor=command_line_actor(), email="new@example.com", role="viewer", password=PASSWORD)
    now = every_row()
    for table in ("accounts.user", "accounts.auditentry"):
        new = {row["id"] for row in now[table]} - restored[table]
        assert len(new) == 1 and min(new) > max(restored[table]), table


def test_restore_refuses_a_database_that_is_not_empty_and_changes_nothing(lodestar: RunLodestar, backup: Path) -> None:
    before = every_row()
    run = lodestar("restore-backup", str(backup))
    assert run.code == 2
    assert run.err.count("\n") == 1
    assert run.err.startswith("error: the database ") and " is not empty (" in run.err
    assert "restore-backup loads a backup only into an empty database" in run.err
    assert every_row() == before


def _not_json(lines: Lines, path: Path) -> Path:
    path.write_bytes(gzip.compress(b"lodestar: 1\n"))
    return path


def _cut(lines: Lines, path: Path) -> Path:
    data = _write(path, lines).read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def _flip(lines: Lines, path: Path) -> Path:
    data = bytearray(_write(path, lines).read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    return path


def _bad_date(lines: Lines, path: Path) -> Path:
    table, first = _rows_of(lines, "goals.period")
    lines[first][table["columns"].index("start")] = "2026-02-30"
    return _write(path, lines)


def _short_row(lines: Lines, path: Path) -> Path:
    _, first = _rows_of(lines, "accounts.user")
    lines[first] = lines[first][:-1]
    return _write(path, lines)


def _newer_schema(lines: Lines, path: Path) -> Path:
    lines[0]["migrations"]["goals"].append("0099_reminders")
    return _write(path, lines)


def _newer_format(lines: Lines, path: Path) -> Path:
    lines[0]["version"] = 2
    return _write(path, lines)


def _unknown_table(lines: Lines, path: Path) -> Path:
    lines[0]["tables"][0]["model"] = "goals.reminder"
    return _write(path, lines)


DAMAGES: dict[str, tuple[Callable[[Lines, Path], Path], str]] = {
    "a model file": (
        lambda lines, path: Path(EXAMPLE),
        "cannot be restored: it is not a Lodestar backup (not a gzip file)",
    ),
    "an empty file": (lambda lines, path: _write(path, []), "cannot be restored: it is empty"),
    "gzip'd text": (_not_json, "cannot be restored: it is damaged (a line is not JSON)"),
    "a file cut in half": (_cut, "cannot be restored (line "),
    "a flipped byte": (_flip, "cannot be restored"),
    "a file without its end line": (lambda lines, path: _write(path, lines[:-1]), "the end line is missing"),
    "a file without its last rows": (lambda lines, path: _write(path, lines[:-3]), "it is cut short: "),
    "a line after the end": (lambda lines, path: _write(path, [*lines, [1]]), "there are lines after the end line"),
    "a date that does not exist": (_bad_date, "row 1 of goals.period, column start: "),
    "a row short of a value": (
        _short_row,
        f"row 1 of accounts.user does not have its {len(User._meta.concrete_fields)} values",
    ),
    "a backup from a newer Lodestar": (
        _newer_schema,
        "comes from a newer Lodestar: this one does not know its migration goals.0099_reminders; upgrade Lodestar first",
    ),
    "a newer backup format": (_newer_format, "it is a backup of format 2, made by Lodestar 0.1.0"),
    "an unknown table": (_unknown_table, "lists the table goals.reminder but the schema it names has no such table"),
}


@pytest.mark.parametrize("damage", DAMAGES)
def test_a_file_that_is_no_complete_backup_is_refused_in_one_line_and_nothing_is_written(
    lodestar: RunLodestar, backup: Path, tmp_path: Path, damage: str
) -> None:
    make, message = DAMAGES[damage]
    damaged = make(_read(backup), tmp_path / "damaged.jsonl.gz")
    _empty()
    run = lodestar("restore-backup", str(damaged))
    assert run.code == 2
    assert run.err.count("\n") == 1 and run.err.startswith("error: "), run.err
    assert message in run.err
    assert all(rows == [] for rows in every_row().values())


def test_a_missing_file_is_one_line(lodestar: RunLodestar, tmp_path: Path) -> None:
    run = lodestar("restore-backup", str(tmp_path / "nowhere.jsonl.gz"))
    assert (run.code, run.err) == (2, f"error: {tmp_path / 'nowhere.jsonl.gz'}: no such file\n")


def test_rows_that_do_not_fit_together_are_refused_and_nothing_is_restored(
    lodestar: RunLodestar, backup: Path, tmp_path: Path
) -> None:
    lines = _read(backup)
    table, first = _rows_of(lines, "goals.keyresult")
    lines[first][table["columns"].index("goal_id")] = "no-such-goal"
    damaged = _write(tmp_path / "damaged.jsonl.gz", lines)
    _empty()
    run = lodestar("restore-backup", str(damaged))
    assert run.code == 2
    assert run.err.count("\n") == 1 and "nothing was restored" in run.err, run.err
    assert all(rows == [] for rows in every_row().values())


def _as_before(lines: Lines, migration: tuple[str, str]) -> set[tuple[str, str]]:
    """Turn the backup into one written before `migration`: the header loses it and every migration that
    needs it, and each table the columns those added. Returns the (model, column) pairs dropped."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    later = set(loader.graph.backwards_plan(migration))
    header = lines[0]["migrations"]
    for app in header:
        header[app] = [name for name in header[app] if (app, name) not in later]
    kept = [(app, name) for app, names in header.items() for name in names]
    state = loader.project_state(nodes=kept, at_end=True).apps
    dropped: set[tuple[str, str]] = set()
    for table in list(lines[0]["tables"]):
        app, name = table["model"].split(".")
        if name not in state.all_models.get(app, {}):
            _, first = _rows_of(lines, table["model"])  # a table a later migration made: not in the older backup
            del lines[first : first + table["rows"]]
            lines[0]["tables"].remove(table)
            lines[-1]["tables"] -= 1
            lines[-1]["rows"] -= table["rows"]
            dropped |= {(table["model"], column) for column in table["columns"]}
            continue
        known = {field.column for field in state.get_model(app, name)._meta.local_concrete_fields}
        known |= {field.m2m_reverse_name() for field in state.get_model(app, name)._meta.local_many_to_many}
        _, first = _rows_of(lines, table["model"])
        for column in [column for column in table["columns"] if column not in known]:
            position = table["columns"].index(column)
            table["columns"].pop(position)
            for values in lines[first : first + table["rows"]]:
                values.pop(position)
            dropped.add((table["model"], column))
    return dropped


def test_a_backup_of_an_older_schema_is_restored_and_then_migrated(
    lodestar: RunLodestar, backup: Path, tmp_path: Path
) -> None:
    """A backup made before org's migration 0003 added a unit's version: it loads, then gains the column."""
    lines = _read(backup)
    Unit.objects.update(version=1)
    before = every_row()
    dropped = _as_before(lines, ("org", "0003_version_columns"))
    assert ("org.unit", "version") in dropped
    older = _write(tmp_path / "older.jsonl.gz", lines)
    _empty()
    run = lodestar("restore-backup", str(older))
    assert run.code == 0, run.err
    assert ("org", "0003_version_columns") in MigrationRecorder.Migration.objects.values_list("app", "name")
    after = every_row()
    assert set(Unit.objects.values_list("version", flat=True)) == {1}
    for model, rows in before.items():
        if model in {label for label, _ in dropped} and not rows and not after[model]:
            continue
        gone = {column for label, column in dropped if label == model and column != "version"}
        assert [_without(row, gone) for row in after[model]] == [_without(row, gone) for row in rows], model


def _without(row: dict[str, Any], columns: set[str]) -> dict[str, Any]:
    return {key: value for key, value in row.items() if key not in columns and key.removesuffix("_id") not in columns}

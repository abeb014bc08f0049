"""`lodestar restore-backup`: a backup loaded into an empty database of either kind, in one transaction.

The file is read twice. The first pass checks every line and every value, before anything is
written: a damaged, cut or foreign file is refused without touching the database. The second pass
inserts the rows with their own primary keys, timestamps and versions, then moves PostgreSQL's id
sequences past the highest restored id so that new rows do not collide with restored ones.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.core.management.color import no_style
from django.db import DatabaseError, connection, models, transaction

from lodestar.backup import schema
from lodestar.backup.fileformat import BackupFile, BackupFileError, Header, Table
from lodestar.backup.service import PROGRESS_EVERY, Progress
from lodestar.backup.tables import Model, backed_up_models, columns, decode
from lodestar.lib.errors import LodestarError

WRITE_BATCH = 500


class DatabaseNotEmpty(LodestarError):
    """The database already holds rows; `table` is the first table found with some."""

    def __init__(self, table: str) -> None:
        super().__init__(f"the database is not empty ({table} has rows)")
        self.table = table


class RestoreFailed(LodestarError):
    """The database refused the backup's rows; nothing was restored."""


@dataclass(frozen=True, slots=True)
class RestoreSummary:
    path: Path
    header: Header
    tables: int
    rows: int


@dataclass(frozen=True, slots=True)
class _Target:
    """Where one table of the file goes: its model at the backup's schema, its fields in the file's column order."""

    model: Model
    fields: tuple[models.Field[Any, Any], ...]


def _targets(path: Path, header: Header, found: dict[str, Model]) -> dict[str, _Target]:
    """Each table of the file matched with its model. Raises BackupFileError when they do not match."""
    targets: dict[str, _Target] = {}
    for table in header.tables:
        model = found.get(table.model)
        if model is None or table.model in targets:
            reason = "twice" if model else "but the schema it names has no such table"
            raise BackupFileError(f"{path} cannot be restored: the header lists the table {table.model} {reason}")
        by_column = {field.column: field for field in columns(model)}
        if table.table != model._meta.db_table or sorted(table.columns) != sorted(by_column):
            raise BackupFileError(
                f"{path} cannot be restored: the columns of {table.model} ({', '.join(table.columns)}) "
                f"are not those of its schema ({', '.join(by_column)})"
            )
        targets[table.model] = _Target(model=model, fields=tuple(by_column[column] for column in table.columns))
    missing = sorted(set(found) - set(targets))
    if missing:
        raise BackupFileError(f"{path} cannot be restored: its schema has the table {missing[0]}, the file does not")
    return targets


def _values(backup: BackupFile, table: Table, index: int, target: _Target, values: list[Any]) -> list[Any]:
    """The row's values as the database takes them. Raises BackupFileError naming the row and column."""
    row: list[Any] = []
    for field, value in zip(target.fields, values, strict=True):
        try:
            python = decode(field, value)
            if connection.vendor == "postgresql" and isinstance(python, str) and "\x00" in python:
                raise ValueError("PostgreSQL cannot store the NUL character in a text; remove it in the old database")
            row.append(field.get_db_prep_save(python, connection))
        except (ValueError, TypeError) as error:
            raise BackupFileError(
                f"{backup.path} cannot be restored: row {index:,} of {table.model}, column {field.column}: {error}"
            ) from None
    return row


def _check(backup: BackupFile, targets: dict[str, _Target], total: int, progress: Progress | None) -> None:
    """Read the whole file and check every value, writing nothing."""
    for number, (table, index, values) in enumerate(backup.rows(), start=1):
        _values(backup, table, index, targets[table.model], values)
        if progress and number % PROGRESS_EVERY == 0:
            progress(f"checked {number:,} of {total:,} rows")


def require_empty(found: Iterable[Model]) -> None:
    """Raise DatabaseNotEmpty when one of the models' tables exists and holds a row."""
    existing = set(connection.introspection.table_names())
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for table in sorted({model._meta.db_table for model in found} & existing):
            cursor.execute(f"SELECT 1 FROM {quote(table)} LIMIT 1")
            if cursor.fetchone() is not None:
                raise DatabaseNotEmpty(table)


def _insert(table: Table, target: _Target, rows: list[list[Any]], first: int) -> None:
    quote = connection.ops.quote_name
    names = ", ".join(quote(field.column) for field in target.fields)
    marks = ", ".join(["%s"] * len(target.fields))
    statement = f"INSERT INTO {quote(target.model._meta.db_table)} ({names}) VALUES ({marks})"
    try:
        with connection.cursor() as cursor:
            cursor.executemany(statement, rows)
    except (DatabaseError, ValueError) as error:
        lines = str(error).strip().splitlines()
        raise RestoreFailed(
            f"the database refused rows {first:,} to {first + len(rows) - 1:,} of {table.model}: "
            f"{lines[0] if lines else type(error).__name__}; nothing was restored"
        ) from None


def _load(backup: BackupFile, targets: dict[str, _Target], total: int, progress: Progress | None) -> None:
    """Insert every row and reset the id sequences; the caller holds the transaction."""
    batch: list[list[Any]] = []
    current: Table | None = None
    first = 1
    for number, (table, index, values) in enumerate(backup.rows(), start=1):
        if table is not current or len(batch) >= WRITE_BATCH:
            if current is not None and batch:
                _insert(current, targets[current.model], batch, first)
            batch, current, first = [], table, index
        batch.append(_values(backup, table, index, targets[table.model], values))
        if progress and number % PROGRESS_EVERY == 0:
            progress(f"restored {number:,} of {total:,} rows")
    if current is not None and batch:
        _insert(current, targets[current.model], batch, first)
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), [target.model for target in targets.values()]):
            cursor.execute(statement)


def restore_backup(*, path: Path, progress: Progress | None = None) -> RestoreSummary:
    """Load the backup at `path` into this database, which must hold no Lodestar rows.

    Raises BackupFileError for a file that is no complete backup (nothing written), SchemaMismatch for
    a backup or database of a newer Lodestar, DatabaseNotEmpty, and RestoreFailed when the database
    refuses the rows (the transaction is rolled back).
    """
    backup = BackupFile(path)
    header = backup.header()
    schema.require_known(header.migrations, what=str(path))
    found = schema.models_at(header.migrations)
    targets = _targets(path, header, found)
    schema.require_known(schema.applied_migrations(), what="the database")
    every_model = [*found.values(), *backed_up_models()]
    require_empty(every_model)
    _check(backup, targets, header.rows, progress)
    schema.migrate_to(header.migrations)
    try:
        with transaction.atomic():
            require_empty(every_model)
            _load(backup, targets, header.rows, progress)
    except DatabaseError as error:  # a deferred constraint, checked when the transaction commits
        lines = str(error).strip().splitlines()
        raise RestoreFailed(
            f"the backup's rows do not fit together: {lines[0] if lines else type(error).__name__}; nothing was restored"
        ) from None
    schema.migrate_to_latest()
    return RestoreSummary(path=path, header=header, tables=len(targets), rows=header.rows)

"""`lodestar backup`: every table of Lodestar's apps, read in one consistent snapshot, written to one file."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from django.db import connection, transaction
from django.utils import timezone

from lodestar import __version__
from lodestar.backup import schema
from lodestar.backup.fileformat import BackupFileError, Header, Table, write_backup_file
from lodestar.backup.tables import backed_up_models, columns, encode

Progress = Callable[[str], None]
PROGRESS_EVERY = 50_000
READ_CHUNK = 2_000


@dataclass(frozen=True, slots=True)
class BackupSummary:
    path: Path
    tables: int
    rows: int


@contextlib.contextmanager
def _snapshot() -> Iterator[None]:
    """One transaction in which every table is read as of one moment, while others go on writing.

    SQLite's write-ahead log gives a read transaction its snapshot, but Lodestar's write transactions
    begin IMMEDIATE (taking the write lock); this read begins DEFERRED so that it blocks no writer.
    PostgreSQL's default isolation would give each query its own snapshot, so this one asks for
    REPEATABLE READ.
    """
    outermost = not connection.in_atomic_block
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        mode = connection.transaction_mode  # type: ignore[attr-defined]  # the SQLite wrapper's own attribute
        connection.transaction_mode = "DEFERRED"  # type: ignore[attr-defined]
        try:
            with transaction.atomic():
                yield
        finally:
            connection.transaction_mode = mode  # type: ignore[attr-defined]
        return
    with transaction.atomic():
        if outermost and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        yield


def write_backup(*, path: Path, progress: Progress | None = None) -> BackupSummary:
    """Write every row of every Lodestar table to `path` (format: docs/backup-format.md).

    Raises SchemaMismatch when the database has migrations this Lodestar does not know, and
    BackupFileError when the file cannot be written (then nothing replaces `path`).
    """
    found = backed_up_models()
    with _snapshot():
        migrations = schema.applied_migrations()
        schema.require_known(migrations, what="this database")
        tables = tuple(
            Table(
                model=model._meta.label_lower,
                table=model._meta.db_table,
                columns=tuple(field.column for field in columns(model)),
                rows=model._base_manager.count(),
            )
            for model in found
        )
        header = Header(
            lodestar=__version__,
            created=timezone.now(),
            database=connection.vendor,
            migrations=migrations,
            tables=tables,
        )
        written = 0
        with write_backup_file(path) as writer:
            writer.header(header)
            for model, table in zip(found, tables, strict=True):
                fields = columns(model)
                rows = model._base_manager.order_by("pk").values_list(*(field.attname for field in fields))
                count = 0
                for values in rows.iterator(chunk_size=READ_CHUNK):
                    writer.row([encode(field, value) for field, value in zip(fields, values, strict=True)])
                    count += 1
                    written += 1
                    if progress and written % PROGRESS_EVERY == 0:
                        progress(f"{written:,} of {header.rows:,} rows ({table.model}, {count:,} of {table.rows:,})")
                if (
                    count != table.rows
                ):  # cannot happen in one snapshot; a file that disagrees with itself is never kept
                    raise BackupFileError(f"cannot write {path}: {table.model} changed while it was read")
            writer.end(header)
    return BackupSummary(path=path, tables=len(tables), rows=header.rows)

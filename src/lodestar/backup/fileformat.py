"""The backup file (docs/backup-format.md): gzip'd JSON lines, a header first, then every row, then an end line.

Writing goes to a private temporary file next to the target, renamed over it once complete, so a
reader never sees half a backup. Reading checks every line against the header: a file that is not
gzip, is cut short, damaged, or holds more or fewer rows than its header says is refused with one
line naming the place.
"""

from __future__ import annotations

import contextlib
import gzip
import io
import json
import os
import tempfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO

from lodestar import __version__
from lodestar.lib.errors import LodestarError

FORMAT = "lodestar-backup"
VERSION = 1


class BackupFileError(LodestarError):
    """The file is no complete backup that this Lodestar can read; the message says where and why."""


@dataclass(frozen=True, slots=True)
class Table:
    """One table in the file: its model (`app.model`), its name in the database, its columns and row count."""

    model: str
    table: str
    columns: tuple[str, ...]
    rows: int

    def as_json(self) -> dict[str, Any]:
        return {"model": self.model, "table": self.table, "columns": list(self.columns), "rows": self.rows}


@dataclass(frozen=True, slots=True)
class Header:
    """What the first line says: the format, who wrote it when from which database, the schema, the tables."""

    lodestar: str
    created: datetime
    database: str
    migrations: dict[str, tuple[str, ...]]
    tables: tuple[Table, ...]

    @property
    def rows(self) -> int:
        return sum(table.rows for table in self.tables)

    def as_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": VERSION,
            "lodestar": self.lodestar,
            "created": self.created.isoformat(),
            "database": self.database,
            "migrations": {app: list(names) for app, names in self.migrations.items()},
            "tables": [table.as_json() for table in self.tables],
        }


def _line(value: Any) -> str:
    # ASCII escapes keep every text exactly, even one a database could store but UTF-8 cannot encode.
    return json.dumps(value, ensure_ascii=True, separators=(",", ":")) + "\n"


class BackupWriter:
    """Lines of one backup being written; see `write_backup_file`."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def header(self, header: Header) -> None:
        self._stream.write(_line(header.as_json()))

    def row(self, values: list[Any]) -> None:
        self._stream.write(_line(values))

    def end(self, header: Header) -> None:
        self._stream.write(_line({"end": FORMAT, "tables": len(header.tables), "rows": header.rows}))


@contextlib.contextmanager
def write_backup_file(path: Path) -> Iterator[BackupWriter]:
    """Write a backup to `path` atomically, readable by its owner only (mode 0600).

    Nothing replaces `path` unless the block completes; on any error the temporary file is removed.
    Raises BackupFileError when the folder cannot be written.
    """
    folder = path.parent if str(path.parent) else Path()
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=folder)
    except OSError as error:
        raise BackupFileError(f"cannot write {path}: {error.strerror}") from None
    try:
        with os.fdopen(handle, "wb") as raw:
            with (
                gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=6) as compressed,
                io.TextIOWrapper(compressed, encoding="ascii", newline="\n") as text,
            ):
                yield BackupWriter(text)
            raw.flush()
            os.fsync(raw.fileno())
        os.chmod(temporary, 0o600)
        os.replace(temporary, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise BackupFileError(f"cannot write {path}: {error.strerror or error}") from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _text(value: Any, what: str) -> str:
    if not isinstance(value, str):
        raise ValueError(f"{what} is not a text")
    return value


def _header(document: Any) -> Header:
    """The header from the first line's JSON. Raises ValueError naming the first key that is wrong."""
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ValueError("its first line is no Lodestar backup header")
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise ValueError("the header has no format version")
    if version > VERSION:
        raise ValueError(
            f"it is a backup of format {version}, made by Lodestar {document.get('lodestar', '?')}; "
            f"Lodestar {__version__} reads format {VERSION}: restore it with a newer Lodestar"
        )
    migrations = document.get("migrations")
    if not isinstance(migrations, dict) or not all(
        isinstance(names, list) and all(isinstance(name, str) for name in names) for names in migrations.values()
    ):
        raise ValueError("the header's migrations are not a list of names per app")
    tables = document.get("tables")
    if not isinstance(tables, list):
        raise ValueError("the header lists no tables")
    read: list[Table] = []
    for number, table in enumerate(tables):
        if not isinstance(table, dict):
            raise ValueError(f"the header's tables[{number}] is not a table")
        columns = table.get("columns")
        rows = table.get("rows")
        if not isinstance(columns, list) or not all(isinstance(column, str) for column in columns):
            raise ValueError(f"the header's tables[{number}].columns is not a list of names")
        if not isinstance(rows, int) or isinstance(rows, bool) or rows < 0:
            raise ValueError(f"the header's tables[{number}].rows is not a count")
        read.append(
            Table(
                model=_text(table.get("model"), f"the header's tables[{number}].model"),
                table=_text(table.get("table"), f"the header's tables[{number}].table"),
                columns=tuple(columns),
                rows=rows,
            )
        )
    try:
        created = datetime.fromisoformat(_text(document.get("created"), "the header's created"))
    except ValueError:
        raise ValueError("the header's created is not a time") from None
    return Header(
        lodestar=_text(document.get("lodestar"), "the header's lodestar"),
        created=created,
        database=_text(document.get("database"), "the header's database"),
        migrations={str(app): tuple(names) for app, names in migrations.items()},
        tables=tuple(read),
    )


class BackupFile:
    """A backup file to read: its header, then its rows in the header's order, each time from the start."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def _refused(self, number: int, reason: str) -> BackupFileError:
        where = f" (line {number:,})" if number > 1 else ""
        return BackupFileError(f"{self.path} cannot be restored{where}: {reason}")

    @contextlib.contextmanager
    def _lines(self) -> Iterator[Iterator[tuple[int, Any]]]:
        """The file's lines as (number, JSON value); a damaged or cut file raises BackupFileError where it breaks."""
        number = 0

        def lines(stream: TextIO) -> Iterator[tuple[int, Any]]:
            nonlocal number
            for number, line in enumerate(stream, start=1):
                yield number, json.loads(line)

        try:
            with gzip.open(self.path, "rt", encoding="utf-8", newline="\n") as stream:
                yield lines(stream)
        except FileNotFoundError:
            raise BackupFileError(f"{self.path}: no such file") from None
        except IsADirectoryError:
            raise BackupFileError(f"{self.path} is a folder, not a backup") from None
        except gzip.BadGzipFile as error:
            reason = "it is not a Lodestar backup (not a gzip file)" if number == 0 else f"it is damaged ({error})"
            raise self._refused(number + 1, reason) from None
        except EOFError:
            raise self._refused(number + 1, "it is cut short (the compressed data ends early)") from None
        except zlib.error as error:
            raise self._refused(number + 1, f"it is damaged ({error})") from None
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise self._refused(number or 1, "it is damaged (a line is not JSON)") from None
        except OSError as error:
            raise BackupFileError(f"cannot read {self.path}: {error.strerror or error}") from None

    def header(self) -> Header:
        """The header. Raises BackupFileError for a file that is not a backup of a format this Lodestar reads."""
        with self._lines() as lines:
            first = next(lines, None)
            if first is None:
                raise self._refused(1, "it is empty")
            try:
                return _header(first[1])
            except ValueError as error:
                raise self._refused(1, str(error)) from None

    def rows(self) -> Iterator[tuple[Table, int, list[Any]]]:
        """Every row as (table, its number in the table from 1, its values in the table's column order).

        Raises BackupFileError, at the row where it happens, for a row of the wrong shape, a file cut
        short, an end line that disagrees with the header, or anything after the end line.
        """
        header = self.header()
        with self._lines() as lines:
            next(lines)
            for table in header.tables:
                for index in range(1, table.rows + 1):
                    line = next(lines, None)
                    if line is None:
                        raise self._refused(
                            0, f"it is cut short: {table.model} ends after {index - 1:,} of its {table.rows:,} rows"
                        )
                    number, values = line
                    if not isinstance(values, list) or len(values) != len(table.columns):
                        raise self._refused(
                            number, f"row {index:,} of {table.model} does not have its {len(table.columns)} values"
                        )
                    yield table, index, values
            end = next(lines, None)
            expected = {"end": FORMAT, "tables": len(header.tables), "rows": header.rows}
            if end is None:
                raise self._refused(0, "it is cut short: the end line is missing")
            if end[1] != expected:
                raise self._refused(end[0], f"the rows do not end where the header says ({header.rows:,} rows)")
            extra = next(lines, None)
            if extra is not None:
                raise self._refused(extra[0], "there are lines after the end line")

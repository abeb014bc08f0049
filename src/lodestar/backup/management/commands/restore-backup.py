"""lodestar restore-backup FILE"""

from __future__ import annotations

from datetime import UTC
from pathlib import Path
from typing import Any

from django.core.management.base import CommandParser

from lodestar.backup.restore import DatabaseNotEmpty, restore_backup
from lodestar.command import CommandFailed, LodestarCommand
from lodestar.database import describe


class Command(LodestarCommand):
    help = (
        "Load a backup FILE written by `lodestar backup` into an empty database, SQLite or PostgreSQL.\n"
        "The database of LODESTAR_DATABASE_URL gets its tables first when it has none. Every row keeps its id, "
        "timestamps and version, and they are loaded in one transaction: a damaged or cut file, a backup from a "
        "newer Lodestar, or a database that already holds data is refused with one line (exit code 2) and "
        "nothing is written. Users sign in with their passwords and API tokens keep working. With -v 2 it lists "
        'the rows per table. The README\'s "Moving to PostgreSQL" goes through it step by step; '
        "docs/backup-format.md describes the file."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="the backup, as written by `lodestar backup FILE`")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            summary = restore_backup(path=options["file"], progress=lambda line: self.stderr.write(f"restore: {line}"))
        except DatabaseNotEmpty as error:
            raise CommandFailed(
                f"the database {describe()} is not empty ({error.table} has rows): "
                "restore-backup loads a backup only into an empty database"
            ) from None
        header = summary.header
        if options["verbosity"] >= 2:
            for table in header.tables:
                self.stdout.write(f"{table.model}\t{table.rows:,}")
        self.stdout.write(
            f"Restored {summary.path} into {describe()}: {summary.rows:,} rows of {summary.tables} tables, "
            f"backed up {header.created.astimezone(UTC):%Y-%m-%d %H:%M} UTC from {header.database} by Lodestar {header.lodestar}."
        )

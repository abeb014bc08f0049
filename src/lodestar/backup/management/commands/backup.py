"""lodestar backup FILE"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import CommandParser

from lodestar.backup.service import write_backup
from lodestar.command import LodestarCommand
from lodestar.database import describe


class Command(LodestarCommand):
    help = (
        "Write everything the database holds to a backup FILE, for `lodestar restore-backup`.\n"
        "The backup holds every table of Lodestar: the model, users with their password hashes, API token "
        "digests, the audit log, the mission's history, metric refresh runs and restore points, read as of one "
        "moment while the server goes on. It is gzip'd JSON lines (docs/backup-format.md), readable by its "
        "owner only (mode 0600), and replaces FILE only once it is complete."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="where to write, e.g. lodestar-backup.jsonl.gz")

    def handle(self, *args: Any, **options: Any) -> None:
        self.database()
        summary = write_backup(path=options["file"], progress=lambda line: self.stderr.write(f"backup: {line}"))
        self.stdout.write(f"Wrote {summary.path}: {summary.rows:,} rows of {summary.tables} tables from {describe()}.")

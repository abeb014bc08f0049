"""lodestar export [FILE]"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import CommandParser

from lodestar.command import CommandFailed, LodestarCommand
from lodestar.store.load import NoModel
from lodestar.store.service import export_model


class Command(LodestarCommand):
    help = "Write the stored model as a model file (format 1), to FILE or standard output."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", nargs="?", type=Path, help="where to write (default: standard output)")

    def handle(self, *args: Any, **options: Any) -> None:
        self.database()
        try:
            text = export_model()
        except NoModel as error:
            raise CommandFailed(str(error)) from None
        target: Path | None = options["file"]
        if target is None:
            self.stdout.write(text, ending="")
            return
        try:
            target.write_text(text, encoding="utf-8")
        except OSError as error:
            raise CommandFailed(f"cannot write {target}: {error.strerror}") from None
        self.stderr.write(f"Wrote {target}.")

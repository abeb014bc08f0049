"""lodestar plan FILE"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import CommandParser

from lodestar.command import LodestarCommand
from lodestar.store.management.planning import FORCE_HELP, write_plan
from lodestar.store.service import plan_import, read_model_file


class Command(LodestarCommand):
    help = (
        "Show what importing a model file would add, change and remove, field by field, without writing. "
        "Exits with code 2 when the import would be refused for conflicts."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="the model file (YAML, format 1)")
        parser.add_argument("--format", choices=("text", "json"), default="text", help="output format")
        parser.add_argument("--force", action="store_true", help=FORCE_HELP)

    def handle(self, *args: Any, **options: Any) -> None:
        self.database()
        plan = plan_import(model=read_model_file(options["file"]), force=options["force"])
        write_plan(self, plan, as_json=options["format"] == "json")

"""lodestar plan FILE"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import CommandParser

from lodestar.command import LodestarCommand, dump_json
from lodestar.lib.terminal import printable_lines
from lodestar.modelfile.plan import render_plan
from lodestar.store.service import plan_import, read_model_file


class Command(LodestarCommand):
    help = "Show what importing a model file would add, change and remove, without writing."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="the model file (YAML, format 1)")
        parser.add_argument("--format", choices=("text", "json"), default="text", help="output format")

    def handle(self, *args: Any, **options: Any) -> None:
        self.database()
        plan = plan_import(model=read_model_file(options["file"]))
        self.stdout.write(
            dump_json(plan.as_json()) if options["format"] == "json" else printable_lines(render_plan(plan))
        )

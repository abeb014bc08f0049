"""lodestar import FILE"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import CommandParser

from lodestar.command import LodestarCommand, dump_json
from lodestar.lib.terminal import printable, printable_lines
from lodestar.modelfile.plan import render_plan
from lodestar.store.service import import_model, read_model_file


class Command(LodestarCommand):
    help = "Make the stored model equal to a model file (format 1), in one transaction."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="the model file (YAML, format 1)")
        parser.add_argument("--format", choices=("text", "json"), default="text", help="output format")
        parser.add_argument("--quiet", action="store_true", help="print only the summary line")

    def handle(self, *args: Any, **options: Any) -> None:
        self.database()
        model = read_model_file(options["file"])
        result = import_model(model=model)
        if options["format"] == "json":
            self.stdout.write(dump_json(result.plan.as_json()))
        elif options["quiet"] or len(result.plan.changes) > 200:
            self.stdout.write(printable(f"Imported {options['file']}: {result.plan.summary().replace('to ', '')}."))
        else:
            self.stdout.write(printable_lines(render_plan(result.plan)))
            self.stdout.write(printable(f"Imported {options['file']}."))

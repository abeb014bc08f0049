"""lodestar import FILE"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import CommandParser

from lodestar.command import LodestarCommand, dump_json
from lodestar.lib.terminal import printable, printable_lines
from lodestar.modelfile.plan_text import render_plan
from lodestar.store.management.planning import FORCE_HELP, write_conflicts, write_plan
from lodestar.store.service import ImportConflict, import_model, plan_import, read_model_file


class Command(LodestarCommand):
    help = (
        "Import a model file (format 1) in one transaction; the model it replaces is kept as a restore point. "
        "A file exported by this store keeps what the store changed since; any other file replaces the model."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="the model file (YAML, format 1)")
        parser.add_argument("--format", choices=("text", "json"), default="text", help="output format")
        parser.add_argument("--quiet", action="store_true", help="print only the summary line")
        parser.add_argument("--force", action="store_true", help=FORCE_HELP)
        parser.add_argument("--dry-run", action="store_true", help="print the plan and write nothing (as `plan`)")

    def handle(self, *args: Any, **options: Any) -> None:
        self.database()
        model = read_model_file(options["file"])
        as_json = options["format"] == "json"
        if options["dry_run"]:
            write_plan(self, plan_import(model=model, force=options["force"]), as_json=as_json)
            return
        try:
            result = import_model(model=model, force=options["force"])
        except ImportConflict as error:
            write_conflicts(self, error.plan)
            raise
        if as_json:
            self.stdout.write(dump_json(result.plan.as_json()))
        elif options["quiet"] or len(result.plan.changes) > 200:
            self.stdout.write(printable(f"Imported {options['file']}: {result.plan.summary().replace('to ', '')}."))
        else:
            self.stdout.write(printable_lines(render_plan(result.plan)))
            self.stdout.write(printable(f"Imported {options['file']}."))

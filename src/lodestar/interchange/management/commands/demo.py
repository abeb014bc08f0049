"""lodestar demo"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from django.core.management.base import CommandParser

from lodestar.demo.organization import demo_document
from lodestar.demo.scaled import scaled_document
from lodestar.interchange.export import export_text
from lodestar.interchange.service import import_model
from lodestar.interchange.validate import validate_document
from lodestar.lib.command import CommandFailed, LodestarCommand, iso_date


class Command(LodestarCommand):
    help = "Load the demo organization (dates relative to today), or write it to a file with --export."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--export", type=Path, metavar="FILE", help="write the demo model file instead of loading it"
        )
        parser.add_argument("--today", type=iso_date, default=None, help="place the demo's dates around this day")
        parser.add_argument(
            "--people",
            type=int,
            default=None,
            metavar="N",
            help="a generated organization of about N people instead of the hand-written demo (for load tests)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        today: date = options["today"] or date.today()
        people = options["people"]
        if people is not None and people < 1:
            raise CommandFailed("--people must be at least 1")
        document = demo_document(today) if people is None else scaled_document(people=people, today=today)
        model = validate_document(document)
        if options["export"] is not None:
            try:
                options["export"].write_text(export_text(model), encoding="utf-8")
            except OSError as error:
                raise CommandFailed(f"cannot write {options['export']}: {error.strerror}") from None
            self.stderr.write(f"Wrote the demo model to {options['export']}.")
            return
        self.database()
        result = import_model(model=model)
        self.stdout.write(
            f"Loaded the demo organization '{model.organization.name}' as of {today.isoformat()}: "
            f"{len(model.units)} units, {len(model.people)} people, {len(model.goals)} goals "
            f"({result.plan.summary().replace('to ', '')})."
        )

"""lodestar status"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.management.base import CommandParser

from lodestar.command import CommandFailed, LodestarCommand, dump_json, iso_date
from lodestar.goals.status_text import StatusText
from lodestar.lib import clock
from lodestar.lib.gc_pause import gc_paused
from lodestar.lib.index import ModelIndex
from lodestar.lib.model import Model
from lodestar.scoring.report import score_model, status_json
from lodestar.store.load import NoModel, load_model


def goals_of_unit(model: Model, unit_id: str) -> set[str]:
    """Goals owned by the unit, a unit below it, or a person in one of those units."""
    owners = ModelIndex(model).owners_below(unit_id)
    return {goal.id for goal in model.goals if goal.owner in owners}


class Command(LodestarCommand):
    help = "Show the goal tree with progress, expected progress, status, confidence and forecast."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--as-of", type=iso_date, default=None, help="judge as of this date (default: today)")
        parser.add_argument("--format", choices=("text", "json"), default="text", help="output format")
        parser.add_argument("--unit", default=None, help="only goals of this unit and the units below it")

    def handle(self, *args: Any, **options: Any) -> None:
        self.database()
        as_of: date = options["as_of"] or clock.today()
        try:
            model = load_model()
        except NoModel as error:
            raise CommandFailed(str(error)) from None
        with gc_paused():
            report = score_model(model, as_of)
        only = None
        if options["unit"] is not None:
            if options["unit"] not in {unit.id for unit in model.units}:
                raise CommandFailed(f"unknown unit {options['unit']!r}")
            only = goals_of_unit(model, options["unit"])
        if options["format"] == "json":
            document = status_json(report)
            if only is not None:
                document["goals"] = [g for g in document["goals"] if g["id"] in only]  # type: ignore[attr-defined]
                document["key_results"] = [k for k in document["key_results"] if k["goal"] in only]  # type: ignore[attr-defined]
            self.stdout.write(dump_json(document, pretty=self.stdout.isatty()))
            return
        colour = self.stdout.isatty() and not options.get("no_color")
        self.stdout.write(StatusText(model, report, colour=colour).render(only))

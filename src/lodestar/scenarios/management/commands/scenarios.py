"""`lodestar scenarios list | compare | adopt`: alternative target organizations, side by side, and adopting one."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from django.core.management.base import CommandParser

from lodestar.accounts.audit import current_actor
from lodestar.command import CommandFailed, LodestarCommand, OneLineErrors, dump_json, iso_date
from lodestar.lib import clock
from lodestar.lib.terminal import printable, printable_lines
from lodestar.modelfile.plan_text import render_plan
from lodestar.scenarios.compare import UnknownScenario, compare, comparison_json
from lodestar.scenarios.compare_text import render_comparison
from lodestar.scenarios.listing import scenario_summary
from lodestar.scenarios.service import adopt_scenario, plan_adoption
from lodestar.store.load import NoModel, load_model


class Command(LodestarCommand):
    help = "Alternative target organizations: list them, compare their figures with the base, adopt one."

    def add_arguments(self, parser: CommandParser) -> None:
        commands = parser.add_subparsers(
            dest="subcommand", metavar="SUBCOMMAND", required=True, parser_class=OneLineErrors
        )

        def sub(name: str, text: str) -> argparse.ArgumentParser:
            command: argparse.ArgumentParser = commands.add_parser(name, help=text, description=text)
            return command

        listing = sub("list", "List the scenarios in file order, with what each changes.")
        listing.add_argument("--format", choices=("text", "json"), default="text", help="output format")
        comparing = sub("compare", "Compare the figures of the base and of the scenarios (all, or those named).")
        comparing.add_argument("ids", nargs="*", metavar="ID", help="scenario ids (default: every scenario)")
        comparing.add_argument("--as-of", type=iso_date, default=None, help="judge as of this date (default: today)")
        comparing.add_argument("--format", choices=("text", "json"), default="text", help="output format")
        adopting = sub("adopt", "Make a scenario's model the stored model; the other scenarios stay.")
        adopting.add_argument("id", metavar="ID", help="the scenario to adopt")
        adopting.add_argument("--dry-run", action="store_true", help="print the plan and write nothing")
        adopting.add_argument("--format", choices=("text", "json"), default="text", help="output format")

    def handle(self, *args: Any, **options: Any) -> None:
        self.database()
        try:
            if options["subcommand"] == "list":
                self._list(options)
            elif options["subcommand"] == "compare":
                self._compare(options)
            else:
                self._adopt(options)
        except (NoModel, UnknownScenario) as error:
            raise CommandFailed(str(error)) from None

    def _list(self, options: dict[str, Any]) -> None:
        model = load_model()
        if options["format"] == "json":
            listed = [{"id": s.id, "name": s.name, "description": s.description} for s in model.scenarios]
            self.stdout.write(dump_json({"scenarios": listed}))
        elif not model.scenarios:
            self.stdout.write("No scenarios.")
        else:
            for scenario in model.scenarios:
                self.stdout.write(printable(f"{scenario.id}  {scenario.name}: {scenario_summary(scenario)}"))

    def _compare(self, options: dict[str, Any]) -> None:
        as_of: date = options["as_of"] or clock.today()
        columns = compare(load_model(), list(options["ids"]), as_of=as_of)
        if options["format"] == "json":
            self.stdout.write(dump_json(comparison_json(as_of, columns), pretty=self.stdout.isatty()))
        else:
            self.stdout.write(printable_lines(render_comparison(as_of, columns)))

    def _adopt(self, options: dict[str, Any]) -> None:
        if options["dry_run"]:
            adoption = plan_adoption(scenario_id=options["id"])
        else:
            adoption = adopt_scenario(actor=current_actor(), scenario_id=options["id"])
        if options["format"] == "json":
            self.stdout.write(dump_json({**adoption.as_json(), "adopted": not options["dry_run"]}))
            return
        self.stdout.write(printable_lines(render_plan(adoption.plan)))
        for line in adoption.lost_lines():
            self.stdout.write(printable(f"  ! {line}"))
        verb = "Would adopt" if options["dry_run"] else "Adopted"
        self.stdout.write(printable(f"{verb} scenario {adoption.scenario.id}: {adoption.plan.summary()}."))

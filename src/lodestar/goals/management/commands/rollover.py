"""lodestar rollover FROM TO [--goals ID,...] [--dry-run]"""

from __future__ import annotations

import argparse
from typing import Any

from django.core.management.base import CommandParser

from lodestar.accounts.actor import command_line_actor
from lodestar.command import LodestarCommand
from lodestar.goals.services import plan_roll_over, roll_over
from lodestar.lib.terminal import printable, printable_lines
from lodestar.modelfile.plan_text import render_plan


def goal_list(text: str) -> list[str]:
    """argparse type for `--goals a,b`: the ids, in the order given."""
    ids = [part.strip() for part in text.split(",") if part.strip()]
    if not ids:
        raise argparse.ArgumentTypeError("name at least one goal id, separated by commas")
    return ids


class Command(LodestarCommand):
    help = (
        "Carry the unfinished goals of period FROM into period TO in one transaction.\n"
        "Carried are every goal whose final score is below 1 (its closing's score, else its progress at "
        "FROM's end), or those named with --goals. Each "
        "gets a copy in TO that links back to it (carried_from), with the key results not yet at progress 1, "
        "each starting from its value at FROM's end; the originals stay as they were. The model is kept as a "
        "restore point first. Exit 0 when carried (or nothing to carry), 2 when refused (nothing is written)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("source", metavar="FROM", help="the period whose goals are carried (a period id)")
        parser.add_argument("target", metavar="TO", help="the period they are carried into; it starts after FROM")
        parser.add_argument(
            "--goals",
            type=goal_list,
            default=None,
            metavar="ID,...",
            help="carry only these goals of FROM, whatever their score (default: every goal below a score of 1)",
        )
        parser.add_argument("--dry-run", action="store_true", help="print the plan and write nothing")

    def handle(self, *args: Any, **options: Any) -> None:
        self.database()
        source, target = options["source"], options["target"]
        arguments = {"actor": command_line_actor(), "source": source, "target": target, "goal_ids": options["goals"]}
        rollover = plan_roll_over(**arguments) if options["dry_run"] else roll_over(**arguments)
        if not rollover.carried:
            self.stdout.write(printable(f"Nothing to carry from period {source} into {target}."))
            return
        self.stdout.write(printable_lines(render_plan(rollover.plan())))
        if options["dry_run"]:
            self.stdout.write(printable(f"Dry run: nothing was written ({rollover.summary()} would be carried)."))
        else:
            self.stdout.write(printable(f"Carried {rollover.summary()} from period {source} into {target}."))

"""What `lodestar plan` and `lodestar import` print about a plan, and how a refused one ends."""

from __future__ import annotations

from lodestar.command import LodestarCommand, dump_json
from lodestar.lib.terminal import printable, printable_lines
from lodestar.modelfile.plan import Plan
from lodestar.modelfile.plan_text import render_plan
from lodestar.store.service import ImportConflict

FORCE_HELP = "on a conflict with a change made in the store since the file's export, let the file win"


def write_plan(command: LodestarCommand, plan: Plan, *, as_json: bool) -> None:
    """The plan on standard output; a plan the import would refuse ends the command with exit code 2."""
    command.stdout.write(dump_json(plan.as_json()) if as_json else printable_lines(render_plan(plan)))
    if plan.refused:
        write_conflicts(command, plan)
        raise ImportConflict(plan)


def write_conflicts(command: LodestarCommand, plan: Plan) -> None:
    """Each conflict on standard error, with the store's value and the file's."""
    for clash in plan.conflicts:
        command.stderr.write(printable(clash.text))

"""Who checks in on a key result, and which key results are due for a check-in as of a day."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from lodestar.lib.index import ModelIndex
from lodestar.lib.model import CheckIn, Goal, KeyResult
from lodestar.rhythm.cadence import cycle_start, goal_cadence


@dataclass(frozen=True, slots=True)
class DueKeyResult:
    """A key result due as of a day: its goal, the day its cycle began, and who checks in on it (or None)."""

    goal: Goal
    key_result: KeyResult
    cycle_start: date
    owner: str | None


def check_in_owner(index: ModelIndex, goal: Goal, kr: KeyResult) -> str | None:
    """The key result's `owner`; else the goal's owner if a person; else the owning unit's lead (or None)."""
    return index.check_in_owner(goal, kr)


def check_ins_in_cycle(kr: KeyResult, start: date, as_of: date) -> list[CheckIn]:
    """The key result's check-ins dated from `start` to `as_of`, both inclusive."""
    return [check_in for check_in in kr.check_ins if start <= check_in.date <= as_of]


def current_cycle_start(index: ModelIndex, goal: Goal, as_of: date) -> date | None:
    """The day the current check-in cycle of the goal's key results began; None when no check-in is asked
    of them as of the day (the goal's period does not contain it, or the goal is closed)."""
    if not index.is_current(goal, as_of) or goal.closed_as_of(as_of) is not None:
        return None
    return cycle_start(goal_cadence(index, goal), as_of)


def is_due(index: ModelIndex, goal: Goal, kr: KeyResult, as_of: date) -> bool:
    """Current goal, not closed as of the day, and no check-in since the cycle began (measurements do not count)."""
    start = current_cycle_start(index, goal, as_of)
    return start is not None and not check_ins_in_cycle(kr, start, as_of)


def due_key_results(index: ModelIndex, as_of: date, goals: list[Goal] | None = None) -> list[DueKeyResult]:
    """The key results due as of `as_of` (of `goals`, default all), in the order of the model file."""
    due = []
    for goal in index.model.goals if goals is None else goals:
        start = current_cycle_start(index, goal, as_of)
        if start is None:
            continue
        for kr in goal.key_results:
            if not check_ins_in_cycle(kr, start, as_of):
                due.append(DueKeyResult(goal, kr, start, check_in_owner(index, goal, kr)))
    return due

"""Cadences: when a check-in cycle begins, and which cadence a unit or a key result follows."""

from __future__ import annotations

from datetime import date, timedelta

from lodestar.lib.index import ModelIndex
from lodestar.lib.model import Cadence, Goal, Unit
from lodestar.lib.vocabulary import WEEKDAYS

# A unit without a cadence of its own or of an ancestor checks in weekly, on Mondays.
DEFAULT_CADENCE = Cadence(every="week", day="mon")
# `two_weeks` cycles begin on the days whose count of whole weeks since this Monday is even.
TWO_WEEKS_EPOCH = date(2001, 1, 1)
DAYS_IN_WEEK = 7

WEEKDAY_NAMES = dict(
    zip(WEEKDAYS, ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"), strict=True)
)


def cycle_start(cadence: Cadence, as_of: date) -> date:
    """The day the current check-in cycle began: the latest day on or before `as_of` the cadence names."""
    if cadence.every == "month":
        day = int(cadence.day)
        if as_of.day >= day:
            return as_of.replace(day=day)
        return (as_of.replace(day=1) - timedelta(days=1)).replace(day=day)
    weekday = WEEKDAYS.index(str(cadence.day))
    start = as_of - timedelta(days=(as_of.weekday() - weekday) % DAYS_IN_WEEK)
    if cadence.every == "two_weeks" and (start - TWO_WEEKS_EPOCH).days // DAYS_IN_WEEK % 2:
        start -= timedelta(days=DAYS_IN_WEEK)
    return start


def next_cycle_start(cadence: Cadence, as_of: date) -> date:
    """The day the next check-in cycle begins: the first day after `as_of` the cadence names."""
    start = cycle_start(cadence, as_of)
    if cadence.every == "month":
        # The first of the month plus 32 days always lands early in the next month.
        return (start.replace(day=1) + timedelta(days=32)).replace(day=start.day)
    weeks = 2 if cadence.every == "two_weeks" else 1
    return start + timedelta(days=DAYS_IN_WEEK * weeks)


def cadence_source(index: ModelIndex, unit_id: str) -> Unit | None:
    """The unit whose cadence `unit_id` follows: itself or its nearest ancestor with one; None for the default."""
    seen: set[str] = set()
    current = index.units.get(unit_id)
    while current is not None and current.id not in seen:
        if current.cadence is not None:
            return current
        seen.add(current.id)
        current = index.units.get(current.parent or "")
    return None


def unit_cadence(index: ModelIndex, unit_id: str) -> Cadence:
    """The cadence a unit follows: its own, else its nearest ancestor's, else weekly on Mondays."""
    source = cadence_source(index, unit_id)
    return source.cadence if source is not None and source.cadence is not None else DEFAULT_CADENCE


def goal_cadence(index: ModelIndex, goal: Goal) -> Cadence:
    """The cadence of a goal's key results: that of its owner unit (for a person owner, the person's unit)."""
    unit = index.owner_unit(goal.owner)
    return DEFAULT_CADENCE if unit is None else unit_cadence(index, unit)


def describe(cadence: Cadence) -> str:
    """`every week on Monday`, `every two weeks on Thursday`, `every month on day 15`."""
    if cadence.every == "month":
        return f"every month on day {cadence.day}"
    every = "every two weeks" if cadence.every == "two_weeks" else "every week"
    return f"{every} on {WEEKDAY_NAMES.get(str(cadence.day), str(cadence.day))}"

"""Where key results stand in their check-in cycle, as the pages show it: due since when, or checked in
this cycle and due again when; who checks in on them; and what a person owes.

The rules are those of `rhythm` (the cadence, the check-in owner, the due rule); this module only
gathers what a page says about them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.utils.dates import WEEKDAYS as WEEKDAY_NAMES
from django.utils.translation import gettext

from lodestar.goals.snapshot import Snapshot
from lodestar.lib.model import Cadence, CheckIn, Goal, KeyResult
from lodestar.lib.vocabulary import WEEKDAYS
from lodestar.rhythm.cadence import goal_cadence, next_cycle_start
from lodestar.rhythm.due import check_in_owner, current_cycle_start, is_due


def weekday_name(day: str) -> str:
    """A cadence's weekday (`mon`) in the page's language: `Monday`, `Montag`."""
    return str(WEEKDAY_NAMES[WEEKDAYS.index(day)]) if day in WEEKDAYS else day


def cadence_words(cadence: Cadence) -> str:
    """A cadence in the page's language: `every week on Monday`, `every two weeks on Thursday`,
    `every month on day 15` (the words of `rhythm.cadence.describe`)."""
    if cadence.every == "month":
        return gettext("every month on day %(day)s") % {"day": cadence.day}
    weekday = weekday_name(str(cadence.day))
    if cadence.every == "two_weeks":
        return gettext("every two weeks on %(weekday)s") % {"weekday": weekday}
    return gettext("every week on %(weekday)s") % {"weekday": weekday}


@dataclass(frozen=True, slots=True)
class Standing:
    """A key result's place in its check-in cycle as of the page's day."""

    goal: Goal
    key_result: KeyResult
    due: bool
    since: date  # the day the cycle began, or the period's start where that is later
    next_due: date  # the day the next cycle begins
    last: CheckIn | None  # the latest check-in on or before the day
    owner: str | None  # who checks in on it; None when nobody is named
    owner_name: str | None
    cadence: str  # in words: `every week on Monday`


@dataclass(slots=True)
class Owed:
    """What a person checks in on, of the goals that ask for a check-in as of the day, in model order."""

    due: list[Standing] = field(default_factory=list)
    checked_in: list[Standing] = field(default_factory=list)

    @property
    def next_due(self) -> date | None:
        """When the earliest of the key results checked in this cycle is due again."""
        return min((item.next_due for item in self.checked_in), default=None)


def standing(snapshot: Snapshot, goal: Goal, kr: KeyResult) -> Standing | None:
    """The key result's standing; None where no check-in is asked of it (its goal's period does not
    contain the day, or the goal is closed)."""
    index, as_of = snapshot.index, snapshot.as_of
    start = current_cycle_start(index, goal, as_of)
    if start is None:
        return None
    cadence = goal_cadence(index, goal)
    dated = [check_in for check_in in kr.check_ins if check_in.date <= as_of]
    owner = check_in_owner(index, goal, kr)
    return Standing(
        goal=goal,
        key_result=kr,
        due=is_due(index, goal, kr, as_of),
        since=max(start, snapshot.periods[goal.period].start),
        next_due=next_cycle_start(cadence, as_of),
        last=max(dated, key=lambda check_in: check_in.date) if dated else None,
        owner=owner,
        owner_name=None if owner is None else snapshot.owner_name(owner),
        cadence=cadence_words(cadence),
    )


def standings(snapshot: Snapshot, goals: list[Goal]) -> list[Standing]:
    """The standing of every key result of `goals` that a check-in is asked of, in model order."""
    found = (standing(snapshot, goal, kr) for goal in goals for kr in goal.key_results)
    return [item for item in found if item is not None]


def owed_by(snapshot: Snapshot, person_id: str | None) -> Owed:
    """The key results `person_id` is the check-in owner of, due and checked in this cycle."""
    owed = Owed()
    if person_id is None:
        return owed
    for goal, kr in snapshot.index.key_results_checked_in_by(person_id):
        item = standing(snapshot, goal, kr)
        if item is not None:
            (owed.due if item.due else owed.checked_in).append(item)
    return owed

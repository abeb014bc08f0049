"""The two forms of a period page: "Close many" (each open goal with its proposed score, ticked to close)
and "Roll over" (the target period and the goals to carry), read from a post and shown again as typed."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.http import QueryDict

from lodestar.goals.snapshot import Snapshot
from lodestar.lib import clock
from lodestar.lib.errors import Invalid
from lodestar.lib.model import Goal, Period
from lodestar.rhythm.rollover import Carried, carried_by_default, final_scores
from lodestar.scoring.closing import SCORE_STEP, rounded_score
from lodestar.web.form_values import field_number, integer, number, text
from lodestar.web.formatting import percent

# `[2].score` of `close_goals`: the closing at index 2, its field (none: the closing as a whole).
_CLOSING_PATH = re.compile(r"^\[(\d+)\](?:\.(\w+))?$")
# `goals[a]` and `key_results[k]` of a refused roll-over: the original the problem is about.
_ROLLOVER_PATH = re.compile(r"^(goals|key_results)\[(.+)\]")


@dataclass(slots=True)
class CloseItem:
    """One open goal in "Close many": its proposed score, and what was typed and ticked."""

    goal: Goal
    progress: float | None
    proposed: float
    version: int
    ticked: bool = False
    values: dict[str, str] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)

    @property
    def score(self) -> str:
        return self.values.get("score", field_number(self.proposed))

    @property
    def score_percent(self) -> str:
        value = number(self.score)
        return percent(value) if isinstance(value, int | float) else ""

    @property
    def note(self) -> str:
        return self.values.get("note", "")


@dataclass(slots=True)
class CloseMany:
    """The open goals the actor may close, one date for all of them, and the errors of a refused post."""

    items: list[CloseItem]
    start: date
    day: str = ""
    date_error: str = ""
    problems: list[str] = field(default_factory=list)
    today: date = field(default_factory=clock.today)
    step: float = SCORE_STEP

    @property
    def other_day(self) -> bool:
        return bool(self.day or self.date_error)


def close_many(
    snapshot: Snapshot, period: Period, editable: frozenset[str] | None, data: QueryDict | None = None
) -> CloseMany:
    """The form: every open goal of the period the actor may close, with `data` (a refused post) as typed."""
    items = [
        CloseItem(
            goal=goal,
            progress=snapshot.goal_scores[goal.id].progress,
            proposed=rounded_score(snapshot.goal_scores[goal.id].progress),
            version=snapshot.goal_versions.get(goal.id, 1),
        )
        for goal in snapshot.model.goals
        if goal.period == period.id and goal.closed is None and (editable is None or goal.owner in editable)
    ]
    form = CloseMany(items=items, start=period.start)
    if data is not None:
        ticked = set(data.getlist("close"))
        for item in items:
            item.ticked = item.goal.id in ticked
            item.values = {
                key: text(data, f"{key}-{item.goal.id}") for key in ("score", "note") if f"{key}-{item.goal.id}" in data
            }
        form.day = text(data, "date")
    return form


def closings_of(data: QueryDict) -> list[dict[str, Any]]:
    """The closings posted for `close_goals`: each ticked goal with its score, note, the common date and its version."""
    day = text(data, "date")
    closings = []
    for goal_id in dict.fromkeys(data.getlist("close")):
        score, note, version = (text(data, f"{key}-{goal_id}") for key in ("score", "note", "version"))
        closing: dict[str, Any] = {"goal": goal_id, "score": number(score) if score else None}
        if note:
            closing["note"] = note
        if day:
            closing["date"] = day
        if version:
            closing["version"] = integer(version)
        closings.append(closing)
    return closings


def show_refusal(form: CloseMany, closings: list[dict[str, Any]], error: Invalid) -> None:
    """Put each problem of a refused `close_goals` next to its field: the goal's score or note, the common date."""
    items = {item.goal.id: item for item in form.items}
    dates: list[str] = []
    for path, message in error.issues:
        match = _CLOSING_PATH.match(path)
        goal_id = closings[int(match[1])]["goal"] if match and int(match[1]) < len(closings) else None
        key = (match[2] if match else None) or ""
        if key == "date":
            dates.append(message)
        elif goal_id in items and key in ("score", "note"):
            items[goal_id].errors[key] = message
        else:
            form.problems.append(f"{goal_id}: {message}" if goal_id else message)
    form.date_error = "; ".join(dict.fromkeys(dates))


@dataclass(slots=True)
class CarryItem:
    """A goal of the period the actor may carry: its final score, whether it is ticked, and its problems."""

    goal: Goal
    score: float | None
    default: bool
    ticked: bool
    problems: list[str] = field(default_factory=list)


@dataclass(slots=True)
class RollOverForm:
    """The later periods to carry into, the goals to tick, and the plan or the problems once asked."""

    targets: list[Period]
    target: str
    items: list[CarryItem]
    asked: bool = False
    problems: list[str] = field(default_factory=list)
    plan: dict[str, Any] | None = None
    carried: tuple[Carried, ...] = ()

    @property
    def ticked(self) -> list[str]:
        return [item.goal.id for item in self.items if item.ticked]


def later_periods(snapshot: Snapshot, period: Period) -> list[Period]:
    """The periods a roll-over may carry into: those that start after this one starts, earliest first."""
    return sorted((p for p in snapshot.model.periods if p.start > period.start), key=lambda p: p.start)


def roll_over_form(
    snapshot: Snapshot, period: Period, editable: frozenset[str] | None, data: QueryDict | None = None
) -> RollOverForm:
    """The form: by default the next period after this one ends and the goals the spec carries ticked;
    with `data` (the form as sent) its target and ticks."""
    targets = later_periods(snapshot, period)
    following = [p for p in targets if p.start > period.end]
    default = set(carried_by_default(snapshot.model, period))
    scores = final_scores(snapshot.model, period)
    ticked = default if data is None else set(data.getlist("carry"))
    items = [
        CarryItem(goal=goal, score=scores[goal.id], default=goal.id in default, ticked=goal.id in ticked)
        for goal in snapshot.model.goals
        if goal.period == period.id and (editable is None or goal.owner in editable)
    ]
    target = (following or targets)[0].id if targets else ""
    return RollOverForm(targets=targets, target=target if data is None else text(data, "target"), items=items)


def show_problems(snapshot: Snapshot, form: RollOverForm, error: Invalid) -> None:
    """A refused roll-over's problems, each next to the goal it is about (a key result's: its goal's) and in a list."""
    items = {item.goal.id: item for item in form.items}
    for path, message in error.issues:
        form.problems.append(f"{path}: {message}" if path else message)
        match = _ROLLOVER_PATH.match(path)
        if match is None:
            continue
        if match[1] == "goals":
            goal_id = match[2]
        else:
            owning = snapshot.key_results.get(match[2])
            goal_id = owning[0].id if owning else ""
        if goal_id in items:
            items[goal_id].problems.append(message)

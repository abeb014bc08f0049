"""Validate one goal, key result, measurement or check-in with the readers the import uses.

The web forms and the API send entities in the model file's own format; the same readers
check them, so a value the import refuses is refused everywhere, with the same message.
Paths are relative to the entity (`title`, `contributes_to[0].weight`).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from lodestar.lib import clock
from lodestar.lib.errors import Invalid
from lodestar.lib.model import CheckIn, Goal, KeyResult, Measurement, Model
from lodestar.lib.vocabulary import LOW_CONFIDENCE, METRIC_SOURCE_PREFIX
from lodestar.modelfile import references as refs
from lodestar.modelfile import sections
from lodestar.modelfile.entities import raise_if_issues, relative_issues
from lodestar.modelfile.reader import Reader, format_number


def _ids(r: Reader, model: Model, goals: dict[str, Goal]) -> refs.Ids:
    ids = refs.Ids(r)
    ids.units = {unit.id: unit for unit in model.units}
    ids.people = {person.id for person in model.people}
    ids.periods = {period.id: period for period in model.periods}
    ids.tasks = {task.id for task in model.tasks}
    ids.goals = goals
    return ids


def read_goal(document: Any, *, model: Model, replacing: str | None = None) -> Goal:
    """A goal (with any key results) that fits into `model`, replacing the goal `replacing` if given.

    Raises InvalidEntity with every issue found.
    """
    r = Reader()
    found = sections.read_goals(r, [document])
    raise_if_issues(r, "goals", "goal")
    goal: Goal = found[0][1]
    path = "goals[0]"
    taken = {kr.id for other in model.goals if other.id != replacing for kr in other.key_results}
    first: dict[str, int] = {}
    for j, kr in enumerate(goal.key_results):
        if kr.id in taken:
            r.error(f"{path}.key_results[{j}].id", f"a key result {kr.id!r} exists already")
        elif kr.id in first:
            r.error(
                f"{path}.key_results[{j}].id",
                f"duplicate key result id {kr.id!r} (first at key_results[{first[kr.id]}])",
            )
        first.setdefault(kr.id, j)
    if goal.id != replacing and any(other.id == goal.id for other in model.goals):
        r.error(f"{path}.id", f"a goal {goal.id!r} exists already")
        raise_if_issues(r, "goals", "goal")
    goals = {other.id: other for other in model.goals if other.id != replacing}
    goals[goal.id] = goal
    ids = _ids(r, model, goals)
    # The reference checks of refs.check_goals, for one goal; its cycle walk reports cycles at
    # whichever goal closes them, so the cycle check below walks from this goal instead.
    ids.owner(goal.owner, f"{path}.owner")
    ids.member(goal.period, ids.periods, "period", f"{path}.period")
    for j, contribution in enumerate(goal.contributes_to):
        if contribution.goal == goal.id:
            r.error(f"{path}.contributes_to[{j}].goal", "a goal cannot contribute to itself")
        else:
            ids.member(contribution.goal, ids.goals, "goal", f"{path}.contributes_to[{j}].goal")
    for j, task in enumerate(goal.tasks):
        ids.member(task, ids.tasks, "task", f"{path}.tasks[{j}]")
    refs.check_rhythm(ids, goal, path)
    for j, kr in enumerate(goal.key_results):
        for k, check_in in enumerate(kr.check_ins):
            ids.person(check_in.by, f"{path}.key_results[{j}].check_ins[{k}].by")
        if replacing is None:
            _records_not_after_today(r, kr, f"{path}.key_results[{j}]")
    cycle = _cycle_through(goal, goals)
    if cycle:
        r.error(f"{path}.contributes_to", "cycle: " + " → ".join(cycle))
    raise_if_issues(r, "goals", "goal")
    return goal


def _cycle_through(goal: Goal, goals: dict[str, Goal]) -> list[str] | None:
    """A path goal → … → goal along contributes_to, if the goal now reaches itself."""
    stack: list[list[str]] = [[goal.id, c.goal] for c in goal.contributes_to if c.goal in goals and c.goal != goal.id]
    seen: set[str] = set()
    while stack:
        trail = stack.pop()
        here = trail[-1]
        if here == goal.id:
            return trail
        if here in seen:
            continue
        seen.add(here)
        stack.extend([*trail, c.goal] for c in goals[here].contributes_to if c.goal in goals)
    return None


def read_key_result(document: Any, *, model: Model, replacing: str | None = None) -> KeyResult:
    """A key result whose id is free (or is `replacing`). Raises InvalidEntity."""
    r = Reader()
    found = sections.read_key_results(r, [document], "key_results")
    raise_if_issues(r, "key_results", "key result")
    kr = found[0]
    if kr.id != replacing and any(other.id == kr.id for goal in model.goals for other in goal.key_results):
        r.error("key_results[0].id", f"a key result {kr.id!r} exists already")
    people = {person.id for person in model.people}
    if kr.owner is not None and kr.owner not in people:
        r.error("key_results[0].owner", f"unknown person {kr.owner!r}")
    for k, check_in in enumerate(kr.check_ins):
        if check_in.by is not None and check_in.by not in people:
            r.error(f"key_results[0].check_ins[{k}].by", f"unknown person {check_in.by!r}")
    if replacing is None:
        _records_not_after_today(r, kr, "key_results[0]")
    raise_if_issues(r, "key_results", "key result")
    return kr


class ValueOnThatDay(Invalid):
    """The day has a value entered by hand already: the change may replace it (`replace`) or choose another day.

    `existing` is that value; `issues` holds every issue found, the clash among them.
    """

    def __init__(self, message: str, issues: list[tuple[str, str]], *, existing: Measurement) -> None:
        super().__init__(message, issues)
        self.existing = existing


def read_measurement(
    document: Any, *, key_result: KeyResult, replace: bool = False, replacing: date | None = None
) -> Measurement:
    """A measurement entered by hand. Raises InvalidEntity, or ValueOnThatDay for a day with a value entered by hand.

    Its source may not start with `metric:`: a metric refresh would take it for one of its own
    values and replace it, while values entered by hand are never overwritten. With `replace`,
    a value entered by hand on the same day is no clash (the caller replaces it); a value a
    refresh wrote always is. `replacing` is the day of the measurement being corrected, which
    never clashes with itself.
    """
    r = Reader()
    found = sections.read_measurements(r, [document], "measurements")
    raise_if_issues(r, "measurements", "measurement")
    measurement = found[0]
    if (measurement.source or "").startswith(METRIC_SOURCE_PREFIX):
        r.error(
            "measurements[0].source",
            f"{METRIC_SOURCE_PREFIX}… marks values a metric refresh writes and replaces; say where your value comes from",
        )
    _not_after_today(r, measurement.date, "measurements[0].date")
    day = measurement.date
    clash = next((x for x in key_result.measurements if x.date == day and x.date != replacing), None)
    if clash is not None and written_by_a_refresh(clash):
        r.error(
            "measurements[0].date", f"{day.isoformat()} has a value a metric refresh wrote: {refreshed_value(clash)}"
        )
    elif clash is not None and not replace:
        r.error("measurements[0].date", f"{day.isoformat()} has a value already: {value_text(clash, key_result)}")
        issues = relative_issues(r.issues, "measurements")
        message = f"{day.isoformat()} has a value already: replace it (replace: true), or choose another day"
        raise ValueOnThatDay(message, [(issue.path, issue.message) for issue in issues], existing=clash)
    raise_if_issues(r, "measurements", "measurement")
    return measurement


def written_by_a_refresh(measurement: Measurement) -> bool:
    return (measurement.source or "").startswith(METRIC_SOURCE_PREFIX)


def refreshed_value(measurement: Measurement) -> str:
    """Why a value a refresh wrote cannot be changed by hand, for a message."""
    metric = (measurement.source or "").removeprefix(METRIC_SOURCE_PREFIX)
    return (
        f"{format_number(measurement.value)} from metric {metric!r}; the next refresh writes it again, "
        "so it cannot be changed by hand (record yours on another day)"
    )


def value_text(measurement: Measurement, key_result: KeyResult) -> str:
    """`45 % (entered by hand)`, `45 % (source: CRM export)`: a value as a message names it."""
    unit = f" {key_result.unit}" if key_result.unit else ""
    origin = f"source: {measurement.source}" if measurement.source else "entered by hand"
    return f"{format_number(measurement.value)}{unit} ({origin})"


def read_check_in(document: Any, *, model: Model) -> CheckIn:
    """A check-in by a known person; confidence LOW_CONFIDENCE or less needs a note. Raises InvalidEntity."""
    r = Reader()
    found = sections.read_check_ins(r, [document], "check_ins")
    raise_if_issues(r, "check_ins", "check-in")
    check_in = found[0]
    if check_in.by is not None and check_in.by not in {person.id for person in model.people}:
        r.error("check_ins[0].by", f"unknown person {check_in.by!r}")
    _not_after_today(r, check_in.date, "check_ins[0].date")
    if check_in.confidence <= LOW_CONFIDENCE and not check_in.note:
        r.error("check_ins[0].note", f"required when confidence is {LOW_CONFIDENCE} or less: say what is in the way")
    raise_if_issues(r, "check_ins", "check-in")
    return check_in


def _not_after_today(r: Reader, day: date, path: str) -> None:
    """A value entered on the web or the API is about what has happened: not dated after today."""
    today = clock.today()
    if day > today:
        r.error(path, f"{day.isoformat()} is after today ({today.isoformat()})")


def _records_not_after_today(r: Reader, kr: KeyResult, path: str) -> None:
    """The measurements and check-ins of a key result created on the web or the API."""
    for k, measurement in enumerate(kr.measurements):
        _not_after_today(r, measurement.date, f"{path}.measurements[{k}].date")
    for k, check_in in enumerate(kr.check_ins):
        _not_after_today(r, check_in.date, f"{path}.check_ins[{k}].date")

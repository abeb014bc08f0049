"""Pass two of validation: ids are unique, references resolve, trees and goal graphs have no cycles."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from lodestar.lib.model import Contribution, Goal, Mission, Period, Unit
from lodestar.modelfile.reader import Reader
from lodestar.modelfile.sections import Indexed


class Ids:
    """The ids defined in each collection, with where each was first defined.

    `written` holds, per kind of entity, every id the file writes, valid or not (None when
    the section itself could not be read). A reference to an id that is written but whose
    entity was refused is not reported again: the entity's own error says what is wrong.
    """

    def __init__(self, r: Reader, written: dict[str, set[str] | None] | None = None) -> None:
        self.r = r
        self.written = written or {}
        self.units: dict[str, Unit] = {}
        self.people: set[str] = set()
        self.locations: set[str] = set()
        self.competencies: set[str] = set()
        self.tasks: set[str] = set()
        self.touchpoints: set[str] = set()
        self.periods: dict[str, Period] = {}
        self.goals: dict[str, Goal] = {}

    def collect(
        self, section: str, entries: Indexed, *, into: dict[str, Any] | set[str], first: dict[str, str]
    ) -> Indexed:
        """Record the ids of `entries`; a duplicate is reported and dropped."""
        kept: Indexed = []
        for index, entity in entries:
            path = f"{section}[{index}].id"
            if entity.id in first:
                self.r.error(path, f"duplicate id {entity.id!r} (first at {first[entity.id]})")
                continue
            first[entity.id] = f"{section}[{index}]"
            if isinstance(into, dict):
                into[entity.id] = entity
            else:
                into.add(entity.id)
            kept.append((index, entity))
        return kept

    def reported(self, value: str, *kinds: str) -> bool:
        """Whether `value` is written as the id of one of these kinds (or cannot be checked)."""
        return any((written := self.written.get(kind, set())) is None or value in written for kind in kinds)

    def unit(self, value: str | None, path: str, *, kind: str | None = None) -> None:
        if value is None:
            return
        unit = self.units.get(value)
        if unit is None:
            if not self.reported(value, "unit"):
                self.r.error(path, f"unknown unit {value!r}")
        elif kind is not None and unit.kind != kind:
            self.r.error(path, f"{value!r} is of kind {unit.kind}, not a {kind.replace('_', ' ')}")

    def units_all(self, values: Iterable[str], path: str, *, kind: str | None = None) -> None:
        for index, value in enumerate(values):
            self.unit(value, f"{path}[{index}]", kind=kind)

    def person(self, value: str | None, path: str) -> None:
        if value is not None and value not in self.people and not self.reported(value, "person"):
            self.r.error(path, f"unknown person {value!r}")

    def owner(self, value: str | None, path: str) -> None:
        if value is None or value in self.units or value in self.people:
            return
        if not self.reported(value, "unit", "person"):
            self.r.error(path, f"unknown unit or person {value!r}")

    def member(self, value: str | None, known: set[str] | dict[str, Any], what: str, path: str) -> None:
        if value is not None and value not in known and not self.reported(value, what):
            self.r.error(path, f"unknown {what} {value!r}")


def check_units(ids: Ids, units: Indexed) -> None:
    roots = [(index, unit) for index, unit in units if unit.parent is None]
    if units and not roots:
        ids.r.error("units", "no root unit: exactly one unit must have no parent")
    for index, _unit in roots[1:]:
        ids.r.error(f"units[{index}].parent", f"required: only one unit can be the root, and {roots[0][1].id!r} is")
    for index, unit in units:
        path = f"units[{index}]"
        if unit.parent is not None:
            if unit.parent == unit.id:
                ids.r.error(f"{path}.parent", "a unit cannot be its own parent")
            else:
                ids.unit(unit.parent, f"{path}.parent")
        ids.member(unit.location, ids.locations, "location", f"{path}.location")
        ids.person(unit.lead, f"{path}.lead")
    _check_unit_cycles(ids, units)


def _check_unit_cycles(ids: Ids, units: Indexed) -> None:
    index_of = {unit.id: index for index, unit in units}
    settled: set[str] = set()
    for _, unit in units:
        trail: list[str] = []
        on_trail: set[str] = set()
        current: str | None = unit.id
        while current is not None and current not in settled and current in ids.units:
            if current in on_trail:
                if trail[-1] == current:  # its own parent, reported by check_units
                    break
                cycle = [*trail[trail.index(current) :], current]
                ids.r.error(f"units[{index_of[current]}].parent", "cycle: " + " → ".join(cycle))
                break
            trail.append(current)
            on_trail.add(current)
            current = ids.units[current].parent
        settled.update(trail)


def check_people(ids: Ids, people: Indexed) -> None:
    for index, person in people:
        path = f"people[{index}]"
        ids.unit(person.unit, f"{path}.unit")
        for competency in person.competencies:
            ids.member(competency, ids.competencies, "competency", f"{path}.competencies.{competency}")


def check_mission(ids: Ids, mission: Mission | None) -> None:
    if mission is not None:
        ids.unit(mission.scope, "mission.scope")


def check_role_profiles(ids: Ids, profiles: Indexed) -> None:
    seen: dict[tuple[str, str | None], int] = {}
    for index, profile in profiles:
        path = f"role_profiles[{index}]"
        ids.unit(profile.unit, f"{path}.unit")
        ids.unit(profile.toward, f"{path}.toward", kind="business_unit")
        key = (profile.unit, profile.toward)
        if key in seen:
            toward = f" toward {profile.toward!r}" if profile.toward else ""
            ids.r.error(path, f"a second profile of {profile.unit!r}{toward} (first at role_profiles[{seen[key]}])")
        else:
            seen[key] = index


def check_vision(ids: Ids, answers: Indexed, default_scope: str | None) -> None:
    seen: dict[tuple[str, str | None, str | None], int] = {}
    for index, answer in answers:
        path = f"vision[{index}]"
        ids.unit(answer.scope, f"{path}.scope")
        ids.unit(answer.toward, f"{path}.toward", kind="business_unit")
        ids.owner(answer.owner, f"{path}.owner")
        key = (answer.question, answer.scope or default_scope, answer.toward)
        if key in seen:
            ids.r.error(
                path, f"a second answer to {answer.question!r} for the same scope (first at vision[{seen[key]}])"
            )
        else:
            seen[key] = index


def check_tasks(ids: Ids, tasks: Indexed) -> None:
    for index, task in tasks:
        path = f"tasks[{index}]"
        ids.units_all(task.responsible, f"{path}.responsible")
        ids.unit(task.accountable, f"{path}.accountable")
        ids.units_all(task.consulted, f"{path}.consulted")
        ids.units_all(task.informed, f"{path}.informed")
        for j, location in enumerate(task.locations):
            ids.member(location, ids.locations, "location", f"{path}.locations[{j}]")
        ids.units_all(task.toward, f"{path}.toward", kind="business_unit")
        for competency in task.competencies:
            ids.member(competency, ids.competencies, "competency", f"{path}.competencies.{competency}")


def check_dependencies(ids: Ids, dependencies: Indexed) -> None:
    for index, dependency in dependencies:
        ids.unit(dependency.from_unit, f"dependencies[{index}].from")
        ids.unit(dependency.to_unit, f"dependencies[{index}].to")


def check_competencies(ids: Ids, competencies: Indexed) -> None:
    for index, competency in competencies:
        for unit in competency.required:
            ids.unit(unit, f"competencies[{index}].required.{unit}")


def check_touchpoints(ids: Ids, touchpoints: Indexed) -> None:
    for index, touchpoint in touchpoints:
        ids.unit(touchpoint.owner, f"touchpoints[{index}].owner")
        ids.units_all(touchpoint.contributors, f"touchpoints[{index}].contributors")


def check_goals(ids: Ids, goals: Indexed) -> None:
    key_results: dict[str, str] = {}
    for index, goal in goals:
        path = f"goals[{index}]"
        ids.owner(goal.owner, f"{path}.owner")
        ids.member(goal.period, ids.periods, "period", f"{path}.period")
        for j, contribution in enumerate(goal.contributes_to):
            if contribution.goal == goal.id:
                ids.r.error(f"{path}.contributes_to[{j}].goal", "a goal cannot contribute to itself")
            else:
                ids.member(contribution.goal, ids.goals, "goal", f"{path}.contributes_to[{j}].goal")
        for j, task in enumerate(goal.tasks):
            ids.member(task, ids.tasks, "task", f"{path}.tasks[{j}]")
        check_rhythm(ids, goal, path)
        for j, kr in enumerate(goal.key_results):
            kr_path = f"{path}.key_results[{j}]"
            if kr.id in key_results:
                ids.r.error(f"{kr_path}.id", f"duplicate key result id {kr.id!r} (first at {key_results[kr.id]})")
            else:
                key_results[kr.id] = kr_path
            for k, check_in in enumerate(kr.check_ins):
                ids.person(check_in.by, f"{kr_path}.check_ins[{k}].by")
    _check_goal_cycles(ids, goals)


def check_rhythm(ids: Ids, goal: Goal, path: str) -> None:
    """A goal's closing lies on or after its period's start; it is carried from another goal; key result owners are people."""
    period = ids.periods.get(goal.period)
    if goal.closed is not None and period is not None and goal.closed.date < period.start:
        ids.r.error(
            f"{path}.closed.date",
            f"{goal.closed.date.isoformat()} is before the start of period {period.id!r} ({period.start.isoformat()})",
        )
    if goal.carried_from is not None:
        if goal.carried_from == goal.id:
            ids.r.error(f"{path}.carried_from", "a goal cannot be carried from itself")
        else:
            ids.member(goal.carried_from, ids.goals, "goal", f"{path}.carried_from")
    for j, kr in enumerate(goal.key_results):
        ids.person(kr.owner, f"{path}.key_results[{j}].owner")


def _check_goal_cycles(ids: Ids, goals: Indexed) -> None:
    """Report each cycle in contributes_to once, at the goal where the walk closes it."""
    index_of = {goal.id: index for index, goal in goals}
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    for _, start in goals:
        if start.id in state:
            continue
        stack: list[tuple[str, Iterable[Contribution]]] = [(start.id, iter(start.contributes_to))]
        path = [start.id]
        state[start.id] = 1
        while stack:
            goal_id, pending = stack[-1]
            advanced = False
            for contribution in pending:
                parent = contribution.goal
                if parent not in ids.goals or parent == goal_id:
                    continue
                if state.get(parent) == 1:
                    cycle = [*path[path.index(parent) :], parent]
                    ids.r.error(f"goals[{index_of[goal_id]}].contributes_to", "cycle: " + " → ".join(cycle))
                    continue
                if parent not in state:
                    state[parent] = 1
                    path.append(parent)
                    stack.append((parent, iter(ids.goals[parent].contributes_to)))
                    advanced = True
                    break
            if not advanced:
                state[goal_id] = 2
                path.pop()
                stack.pop()


def check_kpis(ids: Ids, kpis: Indexed) -> None:
    for index, kpi in kpis:
        ids.owner(kpi.owner, f"kpis[{index}].owner")
        ids.member(kpi.touchpoint, ids.touchpoints, "touchpoint", f"kpis[{index}].touchpoint")

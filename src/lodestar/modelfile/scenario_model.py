"""A scenario's model: the base with the scenario's changes, formed by one pure function.

In this order: units replaced or added, people replaced or added, sections replaced, people
moved, people removed (the goals and KPIs they own pass to their unit, the key results they
own lose their owner, the check-ins they made keep no `by`), units removed (the goals and
KPIs they own pass to the nearest remaining ancestor). Goals, periods, KPIs, mission and vision
are the base's, re-owned so; a goal's tasks that the scenario no longer has are left out of
its model and reported, with the goals that pass to another owner, as affected.

`form` never fails: a change naming what the base does not have is passed over (it is an
error only where the scenario is checked, `scenario_checks.py`), so that a stored scenario
can be compared against a base that changed since.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, TypeVar

from lodestar.lib.model import KeyResult, Model, Person, Unit
from lodestar.lib.scenario import REPLACEABLE, Scenario

Entity = TypeVar("Entity", Unit, Person)
Origins = dict[str, list[str]]  # section -> the path each entry of the formed section was written at


@dataclass(slots=True)
class Formed:
    """A scenario's model, and what forming it did."""

    model: Model
    goals_affected: list[str] = field(default_factory=list)
    # (goal id, task id): the references to tasks the scenario no longer has, left out of its model.
    lost_tasks: list[tuple[str, str]] = field(default_factory=list)
    # where each unit, person and entry of a replaced section was written (base or scenario path)
    origins: Origins = field(default_factory=dict)
    # person index in the formed model -> the path of the move that set its unit
    moved: dict[int, str] = field(default_factory=dict)


def _merged(base: list[Entity], changes: list[Entity], section: str, path: str) -> tuple[list[Entity], list[str]]:
    """The base's entries with the scenario's: an existing id replaced in its place, a new one added at the end."""
    entries = list(base)
    origins = [f"{section}[{i}]" for i in range(len(entries))]
    position = {entity.id: i for i, entity in enumerate(entries)}
    for j, entity in enumerate(changes):
        where = f"{path}.{section}[{j}]"
        if entity.id in position:
            entries[position[entity.id]] = entity
            origins[position[entity.id]] = where
        else:
            position[entity.id] = len(entries)
            entries.append(entity)
            origins.append(where)
    return entries, origins


def _reowned_key_result(kr: KeyResult, removed: set[str]) -> KeyResult:
    owner = None if kr.owner in removed else kr.owner
    check_ins = [
        dataclasses.replace(check_in, by=None) if check_in.by in removed else check_in for check_in in kr.check_ins
    ]
    if owner == kr.owner and check_ins == kr.check_ins:
        return kr
    return dataclasses.replace(kr, owner=owner, check_ins=check_ins)


def form(base: Model, scenario: Scenario, *, path: str = "scenario") -> Formed:
    """The scenario's model; `path` is where the scenario is written (`scenarios[1]`), for the origins."""
    units, unit_origins = _merged(base.units, scenario.units, "units", path)
    people, people_origins = _merged(base.people, scenario.people, "people", path)
    origins: Origins = {"units": unit_origins}
    sections: dict[str, list[Any]] = {}
    for section in REPLACEABLE:
        replaced = getattr(scenario.replace, section)
        if replaced is None:
            sections[section] = list(getattr(base, section))
            origins[section] = [f"{section}[{i}]" for i in range(len(sections[section]))]
        else:
            sections[section] = list(replaced)
            origins[section] = [f"{path}.replace.{section}[{i}]" for i in range(len(replaced))]

    position = {person.id: i for i, person in enumerate(people)}
    moved: dict[str, str] = {}
    for j, move in enumerate(scenario.moves):
        if move.person in position:
            index = position[move.person]
            people[index] = dataclasses.replace(people[index], unit=move.unit)
            moved[move.person] = f"{path}.moves[{j}].unit"

    goals = list(base.goals)
    kpis = list(base.kpis)
    affected: set[str] = set()

    def pass_on(heir_of: dict[str, str]) -> None:
        for i, goal in enumerate(goals):
            if goal.owner in heir_of:
                goals[i] = dataclasses.replace(goal, owner=heir_of[goal.owner])
                affected.add(goal.id)
        for i, kpi in enumerate(kpis):
            if kpi.owner in heir_of:
                kpis[i] = dataclasses.replace(kpi, owner=heir_of[kpi.owner])

    removed_people = set(scenario.remove_people) & set(position)
    if removed_people:
        pass_on({person.id: person.unit for person in people if person.id in removed_people})
        for i, goal in enumerate(goals):
            key_results = [_reowned_key_result(kr, removed_people) for kr in goal.key_results]
            if any(new is not old for new, old in zip(key_results, goal.key_results, strict=True)):
                goals[i] = dataclasses.replace(goal, key_results=key_results)
    kept_people = [i for i, person in enumerate(people) if person.id not in removed_people]

    unit_ids = {unit.id for unit in units}
    removed_units = set(scenario.remove_units) & unit_ids
    if removed_units:
        parent = {unit.id: unit.parent for unit in units}
        heirs: dict[str, str] = {}
        for unit_id in removed_units:
            heir, seen = parent.get(unit_id), {unit_id}
            while heir is not None and heir in removed_units and heir not in seen:
                seen.add(heir)
                heir = parent.get(heir)
            if heir is not None and heir not in removed_units:
                heirs[unit_id] = heir
        pass_on(heirs)
    kept_units = [i for i, unit in enumerate(units) if unit.id not in removed_units]

    task_ids = {task.id for task in sections["tasks"]}
    dropped = {task.id for task in sections["tasks"] if task.change == "drop"}
    lost: list[tuple[str, str]] = []
    for i, goal in enumerate(goals):
        missing = [task for task in goal.tasks if task not in task_ids]
        if missing:
            lost.extend((goal.id, task) for task in missing)
            goals[i] = dataclasses.replace(goal, tasks=[task for task in goal.tasks if task in task_ids])
        if missing or any(task in dropped for task in goal.tasks):
            affected.add(goal.id)

    origins["units"] = [unit_origins[i] for i in kept_units]
    origins["people"] = [people_origins[i] for i in kept_people]
    kept_people_list = [people[i] for i in kept_people]
    model = Model(
        organization=base.organization,
        units=[units[i] for i in kept_units],
        locations=base.locations,
        people=kept_people_list,
        mission=base.mission,
        role_profiles=sections["role_profiles"],
        vision=base.vision,
        tasks=sections["tasks"],
        dependencies=sections["dependencies"],
        competencies=sections["competencies"],
        touchpoints=sections["touchpoints"],
        periods=base.periods,
        goals=goals,
        kpis=kpis,
    )
    return Formed(
        model=model,
        goals_affected=[goal.id for goal in goals if goal.id in affected],
        lost_tasks=lost,
        origins=origins,
        moved={i: moved[person.id] for i, person in enumerate(kept_people_list) if person.id in moved},
    )

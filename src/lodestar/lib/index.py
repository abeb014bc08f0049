"""Look-ups over a model, built once and shared by the checks, the analyses, the reports and permissions.

Units and people share one id namespace, so an owner id names either a unit or a person.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from functools import cached_property

from lodestar.lib.model import KPI, Dependency, Goal, KeyResult, Model, Period, Person, Task, Unit


@dataclass(frozen=True, slots=True)
class TaskRequirement:
    """A task that makes a unit need a competency: the unit is responsible for it."""

    task: Task
    level: int


@dataclass(frozen=True, slots=True)
class Requirement:
    """The level one unit needs of one competency: the highest of the catalog's and its tasks'.

    The rule of LS009: `competencies[].required`, and the tasks not being dropped that the
    unit is responsible for.
    """

    unit: str
    competency: str
    catalog_level: int | None  # the level from competencies[].required, if set
    tasks: tuple[TaskRequirement, ...]  # the tasks not being dropped that need it, in model order

    @property
    def level(self) -> int:
        return max([self.catalog_level or 0, *(task.level for task in self.tasks)])


class ModelIndex:
    """Read-only look-ups over one model; build one per model read and pass it along."""

    def __init__(self, model: Model) -> None:
        self.model = model
        self.units: dict[str, Unit] = {unit.id: unit for unit in model.units}
        self.people: dict[str, Person] = {person.id: person for person in model.people}
        self.tasks: dict[str, Task] = {task.id: task for task in model.tasks}
        self.periods: dict[str, Period] = {period.id: period for period in model.periods}
        self._below: dict[str, frozenset[str]] = {}
        self._people_below: dict[str, list[Person]] = {}

    @cached_property
    def children(self) -> dict[str, list[str]]:
        children: dict[str, list[str]] = defaultdict(list)
        for unit in self.model.units:
            if unit.parent is not None:
                children[unit.parent].append(unit.id)
        return children

    @cached_property
    def unit_order(self) -> dict[str, int]:
        return {unit.id: position for position, unit in enumerate(self.model.units)}

    def below(self, unit_id: str) -> frozenset[str]:
        """`unit_id` and every unit below it (its subtree)."""
        if unit_id not in self._below:
            found, pending = {unit_id}, [unit_id]
            while pending:
                for child in self.children.get(pending.pop(), ()):
                    if child not in found:
                        found.add(child)
                        pending.append(child)
            self._below[unit_id] = frozenset(found)
        return self._below[unit_id]

    def depth(self, unit_id: str) -> int:
        """How many parents a unit has (the root: 0)."""
        depth, seen = 0, {unit_id}
        parent = self.units[unit_id].parent if unit_id in self.units else None
        while parent is not None and parent not in seen:
            seen.add(parent)
            depth += 1
            parent = self.units[parent].parent if parent in self.units else None
        return depth

    def in_tree_order(self) -> list[Unit]:
        """Every unit, each under its parent, siblings in model order (depth first from the root)."""
        ordered: list[Unit] = []
        placed: set[str] = set()
        roots = [unit.id for unit in self.model.units if unit.parent is None or unit.parent not in self.units]
        pending = list(reversed(roots))
        while pending:
            unit_id = pending.pop()
            if unit_id in placed:
                continue
            placed.add(unit_id)
            ordered.append(self.units[unit_id])
            pending.extend(reversed(self.children.get(unit_id, [])))
        ordered.extend(unit for unit in self.model.units if unit.id not in placed)
        return ordered

    def name(self, owner: str | None) -> str:
        """The name of a unit or person; the id itself when it names neither."""
        if owner is None:
            return ""
        if owner in self.units:
            return self.units[owner].name
        if owner in self.people:
            return self.people[owner].name
        return owner

    def owner_unit(self, owner: str) -> str | None:
        """The unit an owner stands for: the unit itself, or a person's unit."""
        if owner in self.units:
            return owner
        person = self.people.get(owner)
        return person.unit if person else None

    @cached_property
    def _people_by_unit(self) -> dict[str, list[Person]]:
        people: dict[str, list[Person]] = defaultdict(list)
        for person in self.model.people:
            people[person.unit].append(person)
        return people

    def people_in(self, unit_id: str) -> list[Person]:
        """The people whose unit is `unit_id`, in model order (not those below it)."""
        return list(self._people_by_unit.get(unit_id, ()))

    @cached_property
    def _person_order(self) -> dict[str, int]:
        return {person.id: position for position, person in enumerate(self.model.people)}

    def people_below(self, unit_id: str) -> list[Person]:
        """The people in `unit_id` or a unit below it, in model order."""
        if unit_id not in self._people_below:
            by_unit, order = self._people_by_unit, self._person_order
            found = [person for unit in self.below(unit_id) for person in by_unit.get(unit, ())]
            self._people_below[unit_id] = sorted(found, key=lambda person: order[person.id])
        return list(self._people_below[unit_id])

    def owners_below(self, unit_id: str) -> frozenset[str]:
        """The owners that stand for a unit: it, every unit below it and the people in them."""
        return self.below(unit_id) | {person.id for person in self.people_below(unit_id)}

    @cached_property
    def scope(self) -> str | None:
        """The mission's scope unit; without a mission, the root unit."""
        return self.model.mission_scope()

    @cached_property
    def agreed_questions(self) -> frozenset[str]:
        """The vision questions with an agreed answer for the mission's scope (toward any unit)."""
        return frozenset(
            answer.question
            for answer in self.model.vision
            if answer.status == "agreed" and (answer.scope or self.scope) == self.scope
        )

    @cached_property
    def dependencies_by_unit(self) -> dict[str, list[Dependency]]:
        """Unit id -> the dependencies it takes part in (on either side), units in order of first mention."""
        involved: dict[str, list[Dependency]] = {}
        for dependency in self.model.dependencies:
            for unit_id in dict.fromkeys((dependency.from_unit, dependency.to_unit)):
                involved.setdefault(unit_id, []).append(dependency)
        return involved

    @cached_property
    def _goal_order(self) -> dict[str, int]:
        return {goal.id: position for position, goal in enumerate(self.model.goals)}

    @cached_property
    def _goals_by_owner(self) -> dict[str, list[Goal]]:
        goals: dict[str, list[Goal]] = defaultdict(list)
        for goal in self.model.goals:
            goals[goal.owner].append(goal)
        return goals

    def goals_owned_by(self, owners: set[str] | frozenset[str]) -> list[Goal]:
        """The goals of these owners, in model order: work in proportion to the goals found."""
        by_owner = self._goals_by_owner
        found = [goal for owner in owners for goal in by_owner.get(owner, ())]
        order = self._goal_order
        return sorted(found, key=lambda goal: order[goal.id])

    @cached_property
    def _units_by_lead(self) -> dict[str, list[Unit]]:
        units: dict[str, list[Unit]] = defaultdict(list)
        for unit in self.model.units:
            if unit.lead is not None:
                units[unit.lead].append(unit)
        return units

    def units_led_by(self, person_id: str) -> list[Unit]:
        """The units whose lead is the person, in model order."""
        return list(self._units_by_lead.get(person_id, ()))

    @cached_property
    def _carried_to(self) -> dict[str, list[Goal]]:
        carried: dict[str, list[Goal]] = defaultdict(list)
        for goal in self.model.goals:
            if goal.carried_from is not None:
                carried[goal.carried_from].append(goal)
        return carried

    def carried_to(self, goal_id: str) -> list[Goal]:
        """The goals carried over from this one (`carried_from`), in model order."""
        return list(self._carried_to.get(goal_id, ()))

    @cached_property
    def _kpis_by_owner(self) -> dict[str, list[KPI]]:
        kpis: dict[str, list[KPI]] = defaultdict(list)
        for kpi in self.model.kpis:
            kpis[kpi.owner].append(kpi)
        return kpis

    def kpis_owned_by(self, owners: set[str] | frozenset[str]) -> list[KPI]:
        """The KPIs of these owners, in model order."""
        wanted = [kpi for owner in owners for kpi in self._kpis_by_owner.get(owner, ())]
        order = self._kpi_order
        return sorted(wanted, key=lambda kpi: order[kpi.id])

    @cached_property
    def _kpi_order(self) -> dict[str, int]:
        return {kpi.id: position for position, kpi in enumerate(self.model.kpis)}

    def check_in_owner(self, goal: Goal, kr: KeyResult) -> str | None:
        """Who checks in on a key result: its `owner`; else the goal's owner if a person; else the owning unit's lead."""
        if kr.owner is not None:
            return kr.owner
        if goal.owner in self.people:
            return goal.owner
        unit = self.units.get(goal.owner)
        return unit.lead if unit is not None else None

    @cached_property
    def _checked_in_by(self) -> dict[str, list[tuple[Goal, KeyResult]]]:
        found: dict[str, list[tuple[Goal, KeyResult]]] = defaultdict(list)
        for goal in self.model.goals:
            for kr in goal.key_results:
                owner = self.check_in_owner(goal, kr)
                if owner is not None:
                    found[owner].append((goal, kr))
        return found

    def key_results_checked_in_by(self, person_id: str) -> list[tuple[Goal, KeyResult]]:
        """The key results the person is the check-in owner of, with their goals, in model order."""
        return list(self._checked_in_by.get(person_id, ()))

    def is_current(self, goal: Goal, as_of: date) -> bool:
        """Whether the goal's period contains `as_of` (both ends inclusive)."""
        period = self.periods.get(goal.period)
        return period is not None and period.start <= as_of <= period.end

    def current_goals(self, as_of: date) -> list[Goal]:
        """The goals whose period contains `as_of`, in model order."""
        return [goal for goal in self.model.goals if self.is_current(goal, as_of)]

    @cached_property
    def requirements(self) -> dict[tuple[str, str], Requirement]:
        """(unit id, competency id) -> what the unit needs: the catalog's entries first, then the tasks'."""
        catalog: dict[tuple[str, str], int] = {}
        for competency in self.model.competencies:
            for unit_id, level in competency.required.items():
                catalog[(unit_id, competency.id)] = level
        by_task: dict[tuple[str, str], list[TaskRequirement]] = defaultdict(list)
        for task in self.model.tasks:
            if task.change == "drop":
                continue
            for competency_id, level in task.competencies.items():
                for unit_id in dict.fromkeys(task.responsible):
                    by_task[(unit_id, competency_id)].append(TaskRequirement(task=task, level=level))
        return {
            key: Requirement(
                unit=key[0], competency=key[1], catalog_level=catalog.get(key), tasks=tuple(by_task.get(key, ()))
            )
            for key in dict.fromkeys([*catalog, *by_task])
        }

    def best_level(self, unit_id: str, competency_id: str) -> int:
        """The best level of the competency among the people in the unit or below it (0 without anyone)."""
        return max((person.competencies.get(competency_id, 0) for person in self.people_below(unit_id)), default=0)

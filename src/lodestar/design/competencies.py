"""Competencies: what each unit requires against the best its people have, and where the gaps are."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from lodestar.design.index import ModelIndex
from lodestar.lib.model import Competency, Model, Person, Task, Unit


@dataclass(frozen=True, slots=True)
class TaskRequirement:
    """A task that makes a unit need a competency: the unit is responsible for it."""

    task: Task
    level: int


@dataclass(frozen=True, slots=True)
class HeatCell:
    unit: str
    competency: str
    required: int  # 0: not required
    catalog_level: int | None  # the level from competencies[].required, if set
    tasks: tuple[TaskRequirement, ...]  # the tasks not being dropped that need it
    best: int  # the best level of a person in the unit or below (0 without anyone)
    best_people: tuple[str, ...]  # person ids who reach `best` (empty when best is 0)

    @property
    def gap(self) -> int:
        return max(0, self.required - self.best)

    @property
    def subject(self) -> str:
        """The finding subject of LS009 for this cell."""
        return f"competency:{self.competency}@{self.unit}"


@dataclass(frozen=True, slots=True)
class CompetencyHeatmap:
    units: list[Unit]  # rows: units with at least one requirement, in model order
    competencies: list[Competency]  # columns: the catalog, in model order
    cells: dict[tuple[str, str], HeatCell]  # (unit id, competency id) -> cell, for every row × column

    def cell(self, unit_id: str, competency_id: str) -> HeatCell:
        return self.cells[(unit_id, competency_id)]

    @property
    def gaps(self) -> list[HeatCell]:
        """Required cells the unit's people do not reach, row by row."""
        return [
            cell
            for unit in self.units
            for competency in self.competencies
            if (cell := self.cells[(unit.id, competency.id)]).gap > 0
        ]


@dataclass(frozen=True, slots=True)
class CompetencyGap:
    unit: Unit
    competency: Competency
    required: int
    best: int
    catalog_level: int | None
    tasks: tuple[TaskRequirement, ...]

    @property
    def gap(self) -> int:
        return self.required - self.best

    @property
    def subject(self) -> str:
        return f"competency:{self.competency.id}@{self.unit.id}"


def _requirements(model: Model) -> tuple[dict[tuple[str, str], int], dict[tuple[str, str], list[TaskRequirement]]]:
    catalog: dict[tuple[str, str], int] = {}
    for competency in model.competencies:
        for unit_id, level in competency.required.items():
            catalog[(unit_id, competency.id)] = level
    by_task: dict[tuple[str, str], list[TaskRequirement]] = defaultdict(list)
    for task in model.tasks:
        if task.change == "drop":
            continue
        for competency_id, level in task.competencies.items():
            for unit_id in dict.fromkeys(task.responsible):
                by_task[(unit_id, competency_id)].append(TaskRequirement(task=task, level=level))
    return catalog, by_task


def competency_heatmap(model: Model) -> CompetencyHeatmap:
    """Per unit and competency the required level, the best available and the tasks behind the requirement.

    The required level is the highest of `competencies[].required` and of the tasks not being
    dropped that the unit is responsible for (the rule of LS009); the best available is the
    best level among the people in the unit or below it.
    """
    index = ModelIndex(model)
    catalog, by_task = _requirements(model)
    required_units = {unit_id for unit_id, _ in (*catalog, *by_task)}
    rows = [unit for unit in model.units if unit.id in required_units]
    people_in: dict[str, list[Person]] = defaultdict(list)
    for person in model.people:
        people_in[person.unit].append(person)
    cells: dict[tuple[str, str], HeatCell] = {}
    for unit in rows:
        people = [person for unit_id in index.below(unit.id) for person in people_in[unit_id]]
        for competency in model.competencies:
            key = (unit.id, competency.id)
            tasks = tuple(by_task.get(key, ()))
            required = max([catalog.get(key, 0), *(t.level for t in tasks)])
            best = max((person.competencies.get(competency.id, 0) for person in people), default=0)
            holders = tuple(p.id for p in people if best > 0 and p.competencies.get(competency.id, 0) == best)
            cells[key] = HeatCell(
                unit=unit.id,
                competency=competency.id,
                required=required,
                catalog_level=catalog.get(key),
                tasks=tasks,
                best=best,
                best_people=holders,
            )
    return CompetencyHeatmap(units=rows, competencies=list(model.competencies), cells=cells)


def competency_gaps(model: Model, *, heatmap: CompetencyHeatmap | None = None) -> list[CompetencyGap]:
    """Every required level that no person in the unit or below reaches (LS009), largest gap first."""
    heatmap = heatmap or competency_heatmap(model)
    units = {unit.id: unit for unit in heatmap.units}
    competencies = {competency.id: competency for competency in heatmap.competencies}
    gaps = [
        CompetencyGap(
            unit=units[cell.unit],
            competency=competencies[cell.competency],
            required=cell.required,
            best=cell.best,
            catalog_level=cell.catalog_level,
            tasks=cell.tasks,
        )
        for cell in heatmap.gaps
    ]
    return sorted(gaps, key=lambda gap: -gap.gap)


@dataclass(frozen=True, slots=True)
class PeopleCompetencies:
    competencies: list[Competency]
    people: list[Person]  # people with at least one level, in model order

    def level(self, person: Person, competency_id: str) -> int | None:
        return person.competencies.get(competency_id)


def people_competencies(model: Model, *, unit: str | None = None) -> PeopleCompetencies:
    """People × competencies levels; with `unit`, only the people in that unit or below."""
    index = ModelIndex(model)
    units = index.below(unit) if unit is not None else None
    people = [p for p in model.people if p.competencies and (units is None or p.unit in units)]
    return PeopleCompetencies(competencies=list(model.competencies), people=people)

"""Competencies: what each unit requires against the best its people have, and where the gaps are."""

from __future__ import annotations

from dataclasses import dataclass

from lodestar.lib.index import ModelIndex, TaskRequirement
from lodestar.lib.model import Competency, Model, Person, Unit


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


def competency_heatmap(model: Model, *, index: ModelIndex | None = None) -> CompetencyHeatmap:
    """Per unit and competency the required level, the best available and the tasks behind the requirement.

    The required level is `ModelIndex.requirements` (the rule of LS009); the best available is
    the best level among the people in the unit or below it.
    """
    index = index or ModelIndex(model)
    required_units = {unit_id for unit_id, _ in index.requirements}
    rows = [unit for unit in model.units if unit.id in required_units]
    cells: dict[tuple[str, str], HeatCell] = {}
    for unit in rows:
        people = index.people_below(unit.id)
        for competency in model.competencies:
            key = (unit.id, competency.id)
            requirement = index.requirements.get(key)
            best = index.best_level(unit.id, competency.id)
            holders = tuple(p.id for p in people if best > 0 and p.competencies.get(competency.id, 0) == best)
            cells[key] = HeatCell(
                unit=unit.id,
                competency=competency.id,
                required=requirement.level if requirement else 0,
                catalog_level=requirement.catalog_level if requirement else None,
                tasks=requirement.tasks if requirement else (),
                best=best,
                best_people=holders,
            )
    return CompetencyHeatmap(units=rows, competencies=list(model.competencies), cells=cells)


def competency_gaps(
    model: Model, *, heatmap: CompetencyHeatmap | None = None, index: ModelIndex | None = None
) -> list[CompetencyGap]:
    """Every required level that no person in the unit or below reaches (LS009), largest gap first."""
    heatmap = heatmap or competency_heatmap(model, index=index)
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
    units = ModelIndex(model).below(unit) if unit is not None else None
    people = [p for p in model.people if p.competencies and (units is None or p.unit in units)]
    return PeopleCompetencies(competencies=list(model.competencies), people=people)

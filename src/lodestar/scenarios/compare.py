"""The figures of `lodestar scenarios compare`: for the base and each scenario's model, by the same pure functions.

Every list of ids is in the order of its model; every mapping has its keys sorted. The health
check's findings are those of LS001-LS015: the survey rule is not judged on scenarios, nor on
the base here.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any

from lodestar.checks.rules import HOTSPOT_DEPENDENCIES, HOTSPOT_INTENSITY, run_checks
from lodestar.lib.errors import NotFound
from lodestar.lib.index import ModelIndex
from lodestar.lib.model import Model
from lodestar.lib.scenario import BASE_ID, Scenario
from lodestar.lib.vocabulary import TASK_DELIVERIES
from lodestar.modelfile.scenario_model import form
from lodestar.scoring.roles import score_roles

# The codes a comparison counts: the health check's rules on the organization and its goals.
LAST_COMPARED_CODE = "LS015"
COUNTED_KINDS = ("department", "team")
FIGURES = (
    "tasks",
    "without_accountable",
    "without_responsible",
    "accountable_load",
    "max_accountable_load",
    "interfaces",
    "hotspots",
    "competency_gaps",
    "headcount",
    "units",
    "target_archetypes",
    "goals_affected",
    "findings",
)


class UnknownScenario(NotFound):
    """A scenario id that the model does not have."""


@dataclass(frozen=True, slots=True)
class Compared:
    """One column of a comparison: the id (`base` or a scenario's), its name and its figures."""

    id: str
    name: str
    figures: dict[str, Any]
    model: Model

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, **self.figures}


def _sorted(mapping: dict[str, int]) -> dict[str, int]:
    return {key: mapping[key] for key in sorted(mapping) if mapping[key] > 0}


def figures(model: Model, *, as_of: date, goals_affected: list[str]) -> dict[str, Any]:
    """Every figure of one model (the base or a scenario's), as the JSON output names them."""
    index = ModelIndex(model)
    kept = [task for task in model.tasks if task.change != "drop"]
    by_delivery = Counter(task.delivery for task in kept)
    load = Counter(task.accountable for task in kept if task.accountable is not None)
    interfaces: Counter[str] = Counter()
    for dependency in model.dependencies:
        if dependency.target >= HOTSPOT_INTENSITY:
            interfaces[dependency.from_unit] += 1
            interfaces[dependency.to_unit] += 1
    findings = [f for f in run_checks(model, as_of) if f.code <= LAST_COMPARED_CODE]
    scope = model.mission_scope()
    in_scope = index.below(scope) if scope is not None else frozenset()
    archetypes = {
        profile.unit if profile.toward is None else f"{profile.unit}>{profile.toward}": profile.target.archetype
        for profile in score_roles(model)
    }
    return {
        "tasks": {"total": len(kept), **{delivery: by_delivery.get(delivery, 0) for delivery in TASK_DELIVERIES}},
        "without_accountable": [task.id for task in kept if task.accountable is None],
        "without_responsible": [task.id for task in kept if not task.responsible],
        "accountable_load": _sorted(dict(load)),
        "max_accountable_load": max(load.values(), default=0),
        "interfaces": _sorted(dict(interfaces)),
        "hotspots": [unit.id for unit in model.units if interfaces.get(unit.id, 0) >= HOTSPOT_DEPENDENCIES],
        "competency_gaps": [f.subject.removeprefix("competency:") for f in findings if f.code == "LS009"],
        "headcount": _sorted(dict(Counter(person.unit for person in model.people))),
        "units": sum(1 for unit in model.units if unit.id in in_scope and unit.kind in COUNTED_KINDS),
        "target_archetypes": {key: archetypes[key] for key in sorted(archetypes)},
        "goals_affected": goals_affected,
        "findings": dict(sorted(Counter(f.code for f in findings).items())),
    }


def _dropped_goals(model: Model) -> list[str]:
    dropped = {task.id for task in model.tasks if task.change == "drop"}
    return [goal.id for goal in model.goals if any(task in dropped for task in goal.tasks)]


def chosen(model: Model, ids: list[str]) -> list[tuple[int, Scenario]]:
    """The scenarios named (all without names), in file order. Raises UnknownScenario."""
    known = {scenario.id for scenario in model.scenarios}
    unknown = [ident for ident in ids if ident not in known]
    if unknown:
        raise UnknownScenario(f"unknown scenario {', '.join(repr(ident) for ident in unknown)}")
    wanted = set(ids)
    return [(i, s) for i, s in enumerate(model.scenarios) if not wanted or s.id in wanted]


def compare(model: Model, ids: list[str], *, as_of: date) -> list[Compared]:
    """The base, then each scenario named (all without names) in file order. Raises UnknownScenario."""
    columns = [Compared(BASE_ID, BASE_ID, figures(model, as_of=as_of, goals_affected=_dropped_goals(model)), model)]
    for index, scenario in chosen(model, ids):
        formed = form(model, scenario, path=f"scenarios[{index}]")
        found = figures(formed.model, as_of=as_of, goals_affected=formed.goals_affected)
        columns.append(Compared(scenario.id, scenario.name, found, formed.model))
    return columns


def comparison_json(as_of: date, columns: list[Compared]) -> dict[str, Any]:
    """`lodestar scenarios compare --format json` (and the API's /scenarios/compare)."""
    return {"as_of": as_of.isoformat(), "scenarios": [column.as_json() for column in columns]}

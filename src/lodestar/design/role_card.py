"""A unit's role card: what is our job and who are our neighbours."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from lodestar.design.competencies import CompetencyGap, competency_gaps
from lodestar.design.network import dependency_network
from lodestar.design.raci import raci_letters, raci_units
from lodestar.design.tasks import DeliveryCounts, count_deliveries
from lodestar.lib.errors import NotFound
from lodestar.lib.index import ModelIndex
from lodestar.lib.model import Dependency, Model, Person, Task, Touchpoint, Unit
from lodestar.lib.wording import Wording, gettext_noop


@dataclass(frozen=True, slots=True)
class CardTask:
    task: Task
    letters: str  # the unit's letters for the task, in RACI order: "RA", "C", ...

    @property
    def label(self) -> str:
        return "/".join(self.letters)


@dataclass(frozen=True, slots=True)
class CardDependency:
    dependency: Dependency
    other: str  # the unit on the other side
    other_name: str
    hotspot: bool  # the other side is a dependency hotspot (LS010)


@dataclass(frozen=True, slots=True)
class Neighbour:
    unit: Unit
    links: int  # shared tasks, dependencies and touchpoints


@dataclass(frozen=True, slots=True)
class RoleCard:
    unit: Unit
    parent: Unit | None
    lead: Person | None
    location_name: str | None
    purpose: str | None
    parent_purpose: str | None  # the purpose the unit's own is derived from
    mission: str | None  # the mission statement, when the unit lies within the mission's scope
    leads_or_does: list[CardTask]  # tasks it is R or A for
    supports: list[CardTask]  # tasks it is only C or I for
    changes: list[CardTask]  # of the R/A tasks: the new, expanded, reduced and dropped ones
    delivery: DeliveryCounts  # of the tasks it is R for, those being dropped left out
    depends_on: list[CardDependency]  # dependencies it has (it is `from`)
    depended_on_by: list[CardDependency]  # dependencies others have on it (it is `to`)
    hotspot: bool  # the unit itself is a dependency hotspot
    owns: list[Touchpoint]
    contributes_to: list[Touchpoint]
    gaps: list[CompetencyGap]
    neighbours: list[Neighbour]  # units it shares the most work with, most links first

    @property
    def central_or_decentral(self) -> str | None:
        """'central', 'decentral', 'external' or 'mixed' for the tasks it does; None without any."""
        return self.delivery.prevailing


CHANGE_ORDER = {"new": 0, "expand": 1, "reduce": 2, "drop": 3}


def role_card(model: Model, unit_id: str) -> RoleCard:
    """The role card of one unit. Raises NotFound for an unknown unit."""
    index = ModelIndex(model)
    unit = index.units.get(unit_id)
    if unit is None:
        raise NotFound(Wording.of(gettext_noop("no unit %(id)s"), id=repr(unit_id)))
    parent = index.units.get(unit.parent) if unit.parent else None

    leads_or_does, supports = [], []
    for task in model.tasks:
        letters = raci_letters(task, unit_id)
        if "R" in letters or "A" in letters:
            leads_or_does.append(CardTask(task, letters))
        elif letters:
            supports.append(CardTask(task, letters))
    changes = sorted(
        (item for item in leads_or_does if item.task.change in CHANGE_ORDER),
        key=lambda item: CHANGE_ORDER[item.task.change],
    )
    doing = [task for task in model.tasks if unit_id in task.responsible and task.change != "drop"]

    network = dependency_network(model)
    hotspots = {node.id for node in network.hotspots}
    depends_on = [
        CardDependency(d, d.to_unit, index.name(d.to_unit), d.to_unit in hotspots)
        for d in model.dependencies
        if d.from_unit == unit_id
    ]
    depended_on_by = [
        CardDependency(d, d.from_unit, index.name(d.from_unit), d.from_unit in hotspots)
        for d in model.dependencies
        if d.to_unit == unit_id
    ]
    owns = [tp for tp in model.touchpoints if tp.owner == unit_id]
    contributes = [tp for tp in model.touchpoints if unit_id in tp.contributors and tp.owner != unit_id]

    scope = model.mission_scope()
    within_mission = model.mission is not None and scope is not None and unit_id in index.below(scope)
    location = next((loc.name for loc in model.locations if loc.id == unit.location), None)
    return RoleCard(
        unit=unit,
        parent=parent,
        lead=index.people.get(unit.lead) if unit.lead else None,
        location_name=location,
        purpose=unit.purpose,
        parent_purpose=parent.purpose if parent else None,
        mission=model.mission.statement if within_mission and model.mission else None,
        leads_or_does=leads_or_does,
        supports=supports,
        changes=changes,
        delivery=count_deliveries(doing),
        depends_on=depends_on,
        depended_on_by=depended_on_by,
        hotspot=unit_id in hotspots,
        owns=owns,
        contributes_to=contributes,
        gaps=[gap for gap in competency_gaps(model, index=index) if gap.unit.id == unit_id],
        neighbours=_neighbours(model, index, unit_id),
    )


def _neighbours(model: Model, index: ModelIndex, unit_id: str) -> list[Neighbour]:
    links: Counter[str] = Counter()
    for task in model.tasks:
        units = raci_units(task)
        if unit_id in units:
            links.update(u for u in units if u != unit_id)
    for d in model.dependencies:
        if unit_id in (d.from_unit, d.to_unit):
            links.update(u for u in (d.from_unit, d.to_unit) if u != unit_id)
    for tp in model.touchpoints:
        units = list(dict.fromkeys([tp.owner, *tp.contributors]))
        if unit_id in units:
            links.update(u for u in units if u != unit_id)
    order = index.unit_order
    ranked = sorted(links.items(), key=lambda item: (-item[1], order.get(item[0], len(order))))
    return [Neighbour(index.units[u], count) for u, count in ranked if u in index.units]

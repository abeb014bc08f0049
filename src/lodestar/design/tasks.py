"""The task catalog seen three ways: the RACI matrix, the central/decentral split, the change overview."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from lodestar.design.raci import raci_letters, raci_units
from lodestar.lib.index import ModelIndex
from lodestar.lib.model import Goal, Location, Model, Task, Unit
from lodestar.lib.vocabulary import TASK_CHANGES, TASK_DELIVERIES
from lodestar.lib.wording import gettext_noop

# Why a RACI row is flagged, in English; pages and reports translate them (gettext).
NO_ACCOUNTABLE = gettext_noop("no accountable unit (A)")
NO_RESPONSIBLE = gettext_noop("no responsible unit (R)")
# The row of the tasks without a location in the split by location (translated where it is shown).
NO_LOCATION = gettext_noop("no location given")
CHANGE_LABELS = {"new": "new", "expand": "expanded", "keep": "kept", "reduce": "reduced", "drop": "dropped"}


def filter_tasks(
    model: Model,
    *,
    change: str | None = None,
    delivery: str | None = None,
    unit: str | None = None,
    location: str | None = None,
    toward: str | None = None,
) -> list[Task]:
    """The tasks matching every given filter, in model order.

    `unit` matches a task that names the unit in any of R, A, C or I; `location` one performed
    there; `toward` one that serves that business unit.
    """
    return [
        task
        for task in model.tasks
        if (change is None or task.change == change)
        and (delivery is None or task.delivery == delivery)
        and (unit is None or unit in raci_units(task))
        and (location is None or location in task.locations)
        and (toward is None or toward in task.toward)
    ]


# --- RACI ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RaciRow:
    task: Task
    letters: dict[str, str]  # unit id -> "R", "RA", "C", ... (units without a letter left out)
    problems: tuple[str, ...]  # why the row is flagged; empty when it has exactly one A and an R

    @property
    def flagged(self) -> bool:
        return bool(self.problems)

    def cell(self, unit_id: str) -> str:
        """The letters for display: 'R/A', 'C' or ''."""
        return "/".join(self.letters.get(unit_id, ""))


@dataclass(frozen=True, slots=True)
class RaciMatrix:
    units: list[Unit]  # the columns: every unit named by a row, in model order
    rows: list[RaciRow]

    @property
    def flagged(self) -> list[RaciRow]:
        return [row for row in self.rows if row.flagged]


def raci_problems(task: Task) -> tuple[str, ...]:
    """Why a task's RACI is incomplete: it needs exactly one A (the format allows at most one) and an R."""
    problems = []
    if task.accountable is None:
        problems.append(NO_ACCOUNTABLE)
    if not task.responsible:
        problems.append(NO_RESPONSIBLE)
    return tuple(problems)


def raci_matrix(model: Model, *, tasks: Sequence[Task] | None = None) -> RaciMatrix:
    """Tasks × units with R/A/C/I letters, rows without exactly one A or without an R flagged.

    `tasks` narrows the rows (say, to a filtered catalog); the columns follow the rows.
    """
    index = ModelIndex(model)
    chosen = list(model.tasks if tasks is None else tasks)
    rows = []
    named: set[str] = set()
    for task in chosen:
        units = raci_units(task)
        named.update(units)
        rows.append(
            RaciRow(
                task=task,
                letters={unit: raci_letters(task, unit) for unit in units},
                problems=raci_problems(task),
            )
        )
    columns = [unit for unit in model.units if unit.id in named]
    columns += [Unit(id=unit, name=unit, kind="unknown") for unit in sorted(named - index.units.keys())]
    return RaciMatrix(units=columns, rows=rows)


# --- central / decentral / external ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DeliveryCounts:
    central: int = 0
    decentral: int = 0
    external: int = 0

    @property
    def total(self) -> int:
        return self.central + self.decentral + self.external

    def share(self, delivery: str) -> float:
        """The share of one delivery in [0, 1]; 0 without tasks."""
        return getattr(self, delivery) / self.total if self.total else 0.0

    @property
    def prevailing(self) -> str | None:
        """'central', 'decentral' or 'external' when one holds more than half the tasks, 'mixed' otherwise."""
        if not self.total:
            return None
        for delivery in TASK_DELIVERIES:
            if getattr(self, delivery) * 2 > self.total:
                return delivery
        return "mixed"


@dataclass(frozen=True, slots=True)
class DeliveryRow:
    key: str | None  # location or unit id; None for tasks without a location
    name: str
    counts: DeliveryCounts
    tasks: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DeliverySplit:
    total: DeliveryCounts
    by_location: list[DeliveryRow]
    by_unit: list[DeliveryRow]


def count_deliveries(tasks: Sequence[Task]) -> DeliveryCounts:
    return DeliveryCounts(**{d: sum(1 for task in tasks if task.delivery == d) for d in TASK_DELIVERIES})


def delivery_split(model: Model) -> DeliverySplit:
    """Central, decentral and external tasks per location and per responsible unit.

    It describes the target organization, so tasks being dropped are left out. A task counts
    once for every location it names (tasks naming none are counted under "no location") and
    once for every responsible unit.
    """
    kept = [task for task in model.tasks if task.change != "drop"]
    by_location: list[DeliveryRow] = []
    locations: list[Location | None] = [*model.locations, None]
    for location in locations:
        if location is None:
            tasks = [task for task in kept if not task.locations]
        else:
            tasks = [task for task in kept if location.id in task.locations]
        if tasks:
            by_location.append(
                DeliveryRow(
                    key=None if location is None else location.id,
                    name=NO_LOCATION if location is None else location.name,
                    counts=count_deliveries(tasks),
                    tasks=tuple(task.id for task in tasks),
                )
            )
    by_unit = []
    for unit in model.units:
        tasks = [task for task in kept if unit.id in task.responsible]
        if tasks:
            by_unit.append(
                DeliveryRow(
                    key=unit.id, name=unit.name, counts=count_deliveries(tasks), tasks=tuple(t.id for t in tasks)
                )
            )
    return DeliverySplit(total=count_deliveries(kept), by_location=by_location, by_unit=by_unit)


# --- what changes ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ChangeItem:
    task: Task
    goals: list[Goal]  # the goals that list the task

    @property
    def unplanned(self) -> bool:
        """New or expanded, yet no goal lists it (LS015)."""
        return self.task.change in ("new", "expand") and not self.goals

    @property
    def pursued_though_dropped(self) -> bool:
        """Being dropped, yet a goal still lists it (LS008)."""
        return self.task.change == "drop" and bool(self.goals)


@dataclass(frozen=True, slots=True)
class ChangeGroup:
    change: str
    items: list[ChangeItem]


@dataclass(frozen=True, slots=True)
class ChangeOverview:
    groups: list[ChangeGroup]  # all five changes in the order new, expand, keep, reduce, drop

    def group(self, change: str) -> ChangeGroup:
        return next(group for group in self.groups if group.change == change)


def change_overview(model: Model) -> ChangeOverview:
    """Tasks grouped by change, each with the goals that list it."""
    listing: dict[str, list[Goal]] = {task.id: [] for task in model.tasks}
    for goal in model.goals:
        for task_id in dict.fromkeys(goal.tasks):
            if task_id in listing:
                listing[task_id].append(goal)
    return ChangeOverview(
        groups=[
            ChangeGroup(
                change=change,
                items=[ChangeItem(task=task, goals=listing[task.id]) for task in model.tasks if task.change == change],
            )
            for change in TASK_CHANGES
        ]
    )

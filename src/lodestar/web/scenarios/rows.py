"""The comparison's figures as the compare page shows them: one row per figure, a cell per column."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy, ngettext

from lodestar.lib.scenario import Scenario
from lodestar.lib.vocabulary import TASK_DELIVERIES
from lodestar.scenarios.compare import FIGURES, Compared

# The figures of `lodestar scenarios compare`, in its order, as the page names them.
LABELS: dict[str, Promise] = {
    "tasks": gettext_lazy("Tasks"),
    "without_accountable": gettext_lazy("Tasks without an accountable unit (A)"),
    "without_responsible": gettext_lazy("Tasks without a responsible unit (R)"),
    "accountable_load": gettext_lazy("Accountable tasks per unit"),
    "max_accountable_load": gettext_lazy("Most accountable tasks of one unit"),
    "interfaces": gettext_lazy("Intense interfaces per unit"),
    "hotspots": gettext_lazy("Interface hotspots"),
    "competency_gaps": gettext_lazy("Competency gaps"),
    "headcount": gettext_lazy("Headcount per unit"),
    "units": gettext_lazy("Departments and teams in scope"),
    "target_archetypes": gettext_lazy("Target role archetypes"),
    "goals_affected": gettext_lazy("Goals affected"),
    "findings": gettext_lazy("Health check findings per rule"),
}
assert tuple(LABELS) == FIGURES


@dataclass(frozen=True, slots=True)
class Cell:
    value: Any
    kind: str  # "number", "list" (ids), "counts" (key → number), "names" (key → archetype)
    changed: bool


@dataclass(frozen=True, slots=True)
class Row:
    key: str
    label: str
    cells: list[Cell]
    sub: str | None = None  # a task delivery for the rows of "tasks"


def _kind(value: Any) -> str:
    if isinstance(value, list):
        return "list"
    if isinstance(value, dict):
        return "names" if any(isinstance(v, str) for v in value.values()) else "counts"
    return "number"


def _row(key: str, label: str, values: list[Any], sub: str | None = None) -> Row:
    base = values[0]
    return Row(key, label, [Cell(v, _kind(v), i > 0 and v != base) for i, v in enumerate(values)], sub)


def comparison_rows(columns: list[Compared]) -> list[Row]:
    """One row per figure (the tasks' total and one per delivery); a cell differs when it is not the base's."""
    rows = [_row("tasks", str(LABELS["tasks"]), [c.figures["tasks"]["total"] for c in columns])]
    rows += [
        _row("tasks", str(LABELS["tasks"]), [c.figures["tasks"][d] for c in columns], sub=d) for d in TASK_DELIVERIES
    ]
    rows += [_row(key, str(LABELS[key]), [c.figures[key] for c in columns]) for key in FIGURES if key != "tasks"]
    return rows


def change_counts(scenario: Scenario) -> list[str]:
    """What a scenario changes, in a few counts in the page's language."""
    parts = []
    if scenario.units:
        n = len(scenario.units)
        parts.append(ngettext("%(n)s unit replaced or added", "%(n)s units replaced or added", n) % {"n": n})
    if scenario.remove_units:
        n = len(scenario.remove_units)
        parts.append(ngettext("%(n)s unit removed", "%(n)s units removed", n) % {"n": n})
    if scenario.people:
        n = len(scenario.people)
        parts.append(ngettext("%(n)s person replaced or added", "%(n)s people replaced or added", n) % {"n": n})
    if scenario.remove_people:
        n = len(scenario.remove_people)
        parts.append(ngettext("%(n)s person removed", "%(n)s people removed", n) % {"n": n})
    if scenario.moves:
        n = len(scenario.moves)
        parts.append(ngettext("%(n)s person moved", "%(n)s people moved", n) % {"n": n})
    return parts

"""The comparison's figures as the compare page shows them: one row per figure, a cell per column."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import ngettext

from lodestar.checks.rules import run_checks
from lodestar.i18n.words import finding_text, hint
from lodestar.lib.index import ModelIndex
from lodestar.lib.model import Goal, Model
from lodestar.lib.scenario import BASE_ID, Scenario
from lodestar.lib.vocabulary import TASK_DELIVERIES
from lodestar.reports.scenarios_section import LABELS
from lodestar.scenarios.affected import DROPPED, affected_goals
from lodestar.scenarios.compare import FIGURES, LAST_COMPARED_CODE, Compared
from lodestar.web.task_links import task_href


@dataclass(frozen=True, slots=True)
class Item:
    """One id or key of a cell, with what it counts: its link, its value and how it differs from the base."""

    key: str
    href: str | None
    value: Any = None  # the number (or archetype) of a key, None for an id of a list
    delta: int | None = None  # a number's difference to the base's, when it has one and differs
    new: bool = False  # not in the base's figure
    was: Any = None  # the base's archetype of a key, when it differs


@dataclass(frozen=True, slots=True)
class Cell:
    value: Any
    kind: str  # "number", "list" (ids), "counts" (key → number), "names" (key → archetype)
    changed: bool
    href: str | None = None  # where a number's tasks are (the tasks page, filtered)
    delta: int | None = None  # a number's difference to the base's
    items: list[Item] = field(default_factory=list)
    gone: list[Item] = field(default_factory=list)  # ids or keys of the base's figure this one no longer has


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


class Links:
    """Where each figure's ids lead: the design pages in that column's model (`?scenario=`), the goals, the health check."""

    def __init__(self, *, as_of: str | None) -> None:
        self.as_of = as_of

    def query(self, column: str, **more: str) -> str:
        params = {} if column == BASE_ID else {"scenario": column}
        params.update(more)
        if self.as_of:
            params["as_of"] = self.as_of
        return f"?{urlencode(params)}" if params else ""

    def tasks(self, column: str, anchor: str = "raci", **more: str) -> str:
        return f"{reverse('tasks')}{self.query(column, **more)}#{anchor}"

    def item(self, figure: str, column: str, key: str) -> str | None:
        """The page that shows `key` of `figure` in `column`'s model."""
        if figure in ("without_accountable", "without_responsible"):
            return task_href(key, self.query(column))
        if figure == "accountable_load":
            return self.tasks(column, unit=key)
        if figure in ("interfaces", "hotspots"):
            return f"{reverse('dependencies')}{self.query(column)}#table"
        if figure == "competency_gaps":
            competency, _, unit = key.partition("@")
            return f"{reverse('competencies')}{self.query(column)}#gap-{competency}-{unit}"
        if figure == "headcount":
            return f"{reverse('unit', args=[key])}{self.query(column)}"
        if figure == "target_archetypes":
            return f"{reverse('roles')}{self.query(column)}"
        if figure == "goals_affected":
            return f"{reverse('goal', args=[key])}{self.query(BASE_ID)}"
        if figure == "findings":
            if column == BASE_ID:
                return f"{reverse('health-check')}{self.query(BASE_ID, rule=key)}"
            return f"#findings-{column}-{key}"
        return None

    def number(self, figure: str, column: str, sub: str | None) -> str | None:
        if figure == "tasks":
            return self.tasks(column, delivery=sub) if sub else self.tasks(column)
        if figure == "max_accountable_load":
            return self.tasks(column)
        return None


def _cell(figure: str, column: str, value: Any, base: Any, links: Links, sub: str | None, first: bool) -> Cell:
    kind, changed = _kind(value), not first and value != base
    if kind == "number":
        delta = value - base if changed and isinstance(base, int) else None
        return Cell(value, kind, changed, links.number(figure, column, sub), delta)
    if kind == "list":
        known = set(base) if isinstance(base, list) else set()
        items = [Item(v, links.item(figure, column, v), new=not first and v not in known) for v in value]
        gone = [Item(v, None) for v in (base if not first else []) if v not in set(value)]
        return Cell(value, kind, changed, items=items, gone=gone)
    before = base if isinstance(base, dict) and not first else value
    items = []
    for k, v in value.items():
        old = before.get(k)
        if kind == "counts":
            delta = v - (old or 0) if v != (old or 0) else None
            items.append(Item(k, links.item(figure, column, k), v, delta=delta, new=old is None))
        else:
            items.append(Item(k, links.item(figure, column, k), v, new=old is None, was=old if old != v else None))
    gone = [Item(k, None, 0 if kind == "counts" else before[k]) for k in before if k not in value]
    return Cell(value, kind, changed, items=items, gone=gone)


def _row(key: str, label: str, columns: list[Compared], links: Links, sub: str | None = None) -> Row:
    values = [c.figures[key][sub or "total"] if key == "tasks" else c.figures[key] for c in columns]
    cells = [
        _cell(key, c.id, v, values[0], links, sub, first=i == 0)
        for i, (c, v) in enumerate(zip(columns, values, strict=True))
    ]
    return Row(key, label, cells, sub)


def comparison_rows(columns: list[Compared], *, as_of: str | None = None) -> list[Row]:
    """One row per figure (the tasks' total and one per delivery); a cell differs when it is not the base's.

    `as_of` is the page's date when one was asked for, kept in every link.
    """
    links = Links(as_of=as_of)
    label = str(LABELS["tasks"])
    rows = [_row("tasks", label, columns, links)]
    rows += [_row("tasks", label, columns, links, sub=d) for d in TASK_DELIVERIES]
    rows += [_row(key, str(LABELS[key]), columns, links) for key in FIGURES if key != "tasks"]
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


# The findings of a scenario's model are listed on the page, at most this many per rule.
FINDINGS_SHOWN = 10


@dataclass(frozen=True, slots=True)
class TaskLine:
    id: str
    name: str
    how: str  # affected.DROPPED or affected.GONE
    href: str


@dataclass(frozen=True, slots=True)
class GoalLine:
    goal: Goal
    href: str
    tasks: list[TaskLine]
    owner_from: str | None  # names, when the owner passed to another
    owner_to: str | None


def affected_lines(base: Model, column: Compared, *, as_of: str | None = None) -> list[GoalLine]:
    """The goals `column` affects, each with the tasks concerned and the owner it passed from and to, by name."""
    links = Links(as_of=as_of)
    before, after = ModelIndex(base), ModelIndex(column.model)
    names = {task.id: task.name for task in base.tasks} | {task.id: task.name for task in column.model.tasks}
    lines = []
    for found in affected_goals(base, column.model):
        tasks = [
            TaskLine(
                t.task,
                names.get(t.task, t.task),
                t.how,
                # a task the scenario no longer has is shown where it still is: in the base
                task_href(t.task, links.query(column.id if t.how == DROPPED else BASE_ID)),
            )
            for t in found.tasks
        ]
        owner_from = before.name(found.owner_from) if found.owner_passed else None
        owner_to = after.name(found.owner_to) if found.owner_passed else None
        lines.append(
            GoalLine(
                found.goal, links.item("goals_affected", BASE_ID, found.goal.id) or "", tasks, owner_from, owner_to
            )
        )
    return lines


@dataclass(frozen=True, slots=True)
class FindingGroup:
    code: str
    hint: str
    messages: list[str]
    more: int  # findings of the rule beyond those listed


def finding_groups(column: Compared, as_of: date) -> list[FindingGroup]:
    """The health check's findings on a scenario's model, by rule, as the comparison counts them."""
    groups: dict[str, list[str]] = {}
    for finding in run_checks(column.model, as_of):
        if finding.code <= LAST_COMPARED_CODE:
            groups.setdefault(finding.code, []).append(finding_text(finding))
    return [
        FindingGroup(code, hint(code), messages[:FINDINGS_SHOWN], max(0, len(messages) - FINDINGS_SHOWN))
        for code, messages in sorted(groups.items())
    ]

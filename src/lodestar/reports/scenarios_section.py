"""The organization report's section comparing scenarios (`lodestar report --scenarios ID,…`).

The figures are those of `lodestar scenarios compare` (the same function), as one table: the base's
column in full, and in each scenario's what differs from the base, in bold with its difference in
brackets (a tint too, but never the tint alone). Then the charts of the compare page and the goals
each scenario affects, with the tasks concerned and the owners passed on.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.utils.functional import Promise
from django.utils.html import escape
from django.utils.safestring import SafeString
from django.utils.translation import gettext, gettext_lazy, ngettext, pgettext
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether

from lodestar.i18n.numbers import count
from lodestar.i18n.terms import term
from lodestar.lib.index import ModelIndex
from lodestar.lib.model import Model
from lodestar.lib.vocabulary import TASK_DELIVERIES
from lodestar.reports.pdf_kit import CONTENT_WIDTH, TINTS, Styles, b, chart, indented, p, smaller, spacer, table
from lodestar.reports.scenario_charts import column_name, comparison_charts
from lodestar.reports.scene import Scene
from lodestar.scenarios.affected import DROPPED, affected_goals
from lodestar.scenarios.compare import FIGURES, Compared, compare

# The figures of `lodestar scenarios compare`, in its order, as the compare page and the report name them.
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
MOST_IDS = 12  # a cell lists at most this many ids


@dataclass(frozen=True, slots=True)
class Line:
    """One row of the table: the figure's label and each column's text, and whether it differs from the base."""

    label: str
    texts: list[str]
    changed: list[bool]


@dataclass(frozen=True, slots=True)
class GoalNote:
    title: str
    id: str
    notes: list[str]  # the owner passed on, each task concerned


@dataclass(frozen=True, slots=True)
class ScenarioSection:
    columns: list[Compared]
    lines: list[Line]
    charts: dict[str, Scene]
    affected: list[tuple[str, list[GoalNote]]]  # per scenario: its name and the goals it affects


def _ids(values: list[str]) -> str:
    shown = ", ".join(values[:MOST_IDS])
    more = len(values) - MOST_IDS
    rest = " " + ngettext("and %(n)s more", "and %(n)s more", more) % {"n": count(more)} if more > 0 else ""
    return f"{count(len(values))}: {shown}{rest}" if values else count(0)


def _value(value: Any) -> str:
    return term("archetype", value) if isinstance(value, str) else count(value)


def _text(value: Any, base: Any, first: bool) -> str:
    """A figure as a cell's text: in full for the base, what differs from it for a scenario."""
    if isinstance(value, list):
        return _ids(value)
    if not isinstance(value, dict):
        delta = "" if first or value == base else f" ({'+' if value > base else ''}{count(value - base)})"
        return count(value) + delta
    if first:
        return "; ".join(f"{key} {_value(v)}" for key, v in value.items()) or "—"
    if value == base:
        return gettext("as in the base")
    parts, new = [], pgettext("scenario figure", "new")
    for key, v in value.items():
        old = base.get(key)
        if old is None:
            parts.append(f"{key} {_value(v)} ({new})")
        elif old != v:
            if isinstance(v, int):
                change = f"{'+' if v > old else ''}{count(v - old)}"
            else:
                change = gettext("was %(before)s") % {"before": _value(old)}
            parts.append(f"{key} {_value(v)} ({change})")
    gone = gettext("no longer")
    parts += [f"{key} – ({gone})" for key in base if key not in value]
    if any(base.get(key) == v for key, v in value.items()):
        parts.append(gettext("others as in the base"))
    return "; ".join(parts)


def _line(label: str, values: list[Any]) -> Line:
    base = values[0]
    return Line(
        label,
        [_text(v, base, first=i == 0) for i, v in enumerate(values)],
        [i > 0 and v != base for i, v in enumerate(values)],
    )


def _goal_notes(base: Model, column: Compared) -> list[GoalNote]:
    before, after = ModelIndex(base), ModelIndex(column.model)
    names = {task.id: task.name for task in base.tasks} | {task.id: task.name for task in column.model.tasks}
    notes = []
    for found in affected_goals(base, column.model):
        lines = []
        if found.owner_passed:
            lines.append(
                gettext("owner passed from %(before)s to %(after)s")
                % {"before": before.name(found.owner_from), "after": after.name(found.owner_to)}
            )
        for task in found.tasks:
            how = gettext("dropped in this scenario") if task.how == DROPPED else gettext("no longer in this scenario")
            lines.append(f"{names.get(task.task, task.task)} ({task.task}): {how}")
        notes.append(GoalNote(found.goal.title, found.goal.id, lines))
    return notes


def scenario_section(model: Model, ids: list[str], *, as_of: date) -> ScenarioSection:
    """The section for the scenarios named (in file order). Raises UnknownScenario."""
    columns = compare(model, ids, as_of=as_of)
    tasks = [c.figures["tasks"] for c in columns]
    lines = [_line(str(LABELS["tasks"]), [t["total"] for t in tasks])]
    lines += [_line(f"– {term('task_delivery', d)}", [t[d] for t in tasks]) for d in TASK_DELIVERIES]
    lines += [_line(str(LABELS[key]), [c.figures[key] for c in columns]) for key in FIGURES if key != "tasks"]
    affected = [(c.name, _goal_notes(model, c)) for c in columns[1:]]
    return ScenarioSection(columns, lines, comparison_charts(columns), affected)


def title() -> str:
    return gettext("Scenarios compared")


def intro(section: ScenarioSection) -> str:
    return gettext(
        "The figures of lodestar scenarios compare for the base and %(names)s. The base's column is given "
        "in full; a scenario's figure that differs from the base is set in bold on a tint, with its "
        "difference in brackets, and for figures per unit only what differs is listed."
    ) % {"names": ", ".join(c.name for c in section.columns[1:])}


CHART_TITLES = {
    "delivery": gettext_lazy("Tasks by delivery"),
    "accountable_load": gettext_lazy("Accountable tasks per unit"),
    "interfaces": gettext_lazy("Intense interfaces per unit"),
}


# --- PDF -------------------------------------------------------------------------------------


def pdf(section: ScenarioSection, s: Styles) -> list[Flowable]:
    """The section's flowables: heading, table, charts and the goals affected."""
    cell, bold = smaller(s.cell, 7.5), smaller(s.cell_bold, 7.5)
    head = [p(gettext("Figure"), bold), *(p(column_name(c), bold) for c in section.columns)]
    rows: list[list[Any]] = [head]
    commands: list[tuple[Any, ...]] = []
    for r, line in enumerate(section.lines, 1):
        rows.append([p(line.label, cell)])
        for c, (text, changed) in enumerate(zip(line.texts, line.changed, strict=True), 1):
            rows[-1].append(p(b(text), bold, markup=True) if changed else p(text, cell))
            if changed:
                commands.append(("BACKGROUND", (c, r), (c, r), TINTS["draft"]))
    first = 112.0
    rest = (CONTENT_WIDTH - first) / len(section.columns)
    story: list[Flowable] = [p(title(), s.h1), p(intro(section), s.muted), spacer(4)]
    story.append(table(rows, [first] + [rest] * len(section.columns), zebra=False, commands=commands))
    for key, scene in section.charts.items():
        block = [p(str(CHART_TITLES[key]), s.h2), chart(scene)]
        story += [CondPageBreak(160), KeepTogether(block)]
    story += [CondPageBreak(120), p(gettext("Goals a scenario affects"), s.h2)]
    for name, goals in section.affected:
        story.append(p(b(name), s.body, markup=True))
        if not goals:
            story.append(p(gettext("No goal affected."), indented(s.small, 1)))
        for goal in goals:
            story.append(p(f"•&nbsp;{b(goal.title)} ({escape(goal.id)})", indented(s.small, 1), markup=True))
            story += [p(f"–&nbsp;{escape(note)}", indented(s.small, 2), markup=True) for note in goal.notes]
        story.append(spacer(4))
    return story


# --- HTML ------------------------------------------------------------------------------------


def html_context(section: ScenarioSection, svg: Callable[[Scene, str], SafeString]) -> dict[str, Any]:
    """What `reports/_scenarios.html` shows; `svg` draws a scene as inline SVG (the HTML report's)."""
    return {
        "title": title(),
        "intro": intro(section),
        "heads": [column_name(c) for c in section.columns],
        "lines": [
            {"label": line.label, "cells": list(zip(line.texts, line.changed, strict=True))} for line in section.lines
        ],
        "charts": [(str(CHART_TITLES[key]), svg(scene, "chart compare")) for key, scene in section.charts.items()],
        "affected": section.affected,
    }

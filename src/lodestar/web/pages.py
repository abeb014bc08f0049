"""Shaping a snapshot for the page templates: rows, the alignment tree, my goals, KPI cards, role cards,
links to subjects."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import pgettext_lazy

from lodestar.design import analysis
from lodestar.goals.snapshot import Snapshot
from lodestar.lib.model import KPI, Goal, Measurement, Model, Period
from lodestar.lib.vocabulary import METRIC_SOURCE_PREFIX
from lodestar.scoring.progress import kpi_status, latest_on_or_before
from lodestar.scoring.report import GoalScore

OPEN_LEVELS = 2
# The role card's groups of changing tasks (the changes of design.tasks.CHANGE_LABELS), as headings.
CHANGE_HEADINGS: dict[str, Promise] = {
    "new": pgettext_lazy("tasks", "New"),
    "expand": pgettext_lazy("tasks", "Expanded"),
    "reduce": pgettext_lazy("tasks", "Reduced"),
    "drop": pgettext_lazy("tasks", "Dropped"),
}


@dataclass(slots=True)
class GoalRow:
    goal: Goal
    score: GoalScore
    owner_name: str
    owner_url: str
    period: Period
    weight: float | None = None
    editable: bool = False
    proposed: bool = False  # shown through a proposed link: it does not count there


@dataclass(slots=True)
class TreeNode:
    row: GoalRow
    children: list[TreeNode] = field(default_factory=list)
    matches: bool = True
    open: bool = False


@dataclass(slots=True)
class MeasurementRow:
    """A measurement with where its value came from: a metric refresh (`metric:<id>`) or a person."""

    measurement: Measurement
    metric: str | None
    note: str | None


def measurement_rows(measurements: list[Measurement]) -> list[MeasurementRow]:
    rows = []
    for x in measurements:
        source = x.source or ""
        if source.startswith(METRIC_SOURCE_PREFIX):
            rows.append(MeasurementRow(x, source.removeprefix(METRIC_SOURCE_PREFIX), None))
        else:
            rows.append(MeasurementRow(x, None, source or None))
    return rows


def owner_url(snapshot: Snapshot, owner: str) -> str:
    if owner in snapshot.people:
        return reverse("person", args=[owner])
    return reverse("unit", args=[owner])


def goal_row(
    snapshot: Snapshot,
    goal: Goal,
    *,
    weight: float | None = None,
    editable: frozenset[str] | None = frozenset(),
    proposed: bool = False,
) -> GoalRow:
    return GoalRow(
        goal=goal,
        score=snapshot.goal_scores[goal.id],
        owner_name=snapshot.owner_name(goal.owner),
        owner_url=owner_url(snapshot, goal.owner),
        period=snapshot.periods[goal.period],
        weight=weight,
        editable=editable is None or goal.owner in editable,
        proposed=proposed,
    )


def goal_rows(snapshot: Snapshot, goals: list[Goal], *, editable: frozenset[str] | None = frozenset()) -> list[GoalRow]:
    return [goal_row(snapshot, goal, editable=editable) for goal in goals]


def alignment_tree(
    snapshot: Snapshot, *, period: str = "", unit: str = "", status: str = ""
) -> tuple[list[TreeNode], int]:
    """Top-level goals with their contributors below, each under every goal it contributes to.

    With filters, goals that match are shown with the goals above them that lead to the
    mission (those marked as context). A goal proposed to a parent is shown under it as a
    leaf marked proposed (it counts only where its links do). Returns the roots and the
    number of matching goals.
    """
    owners = snapshot.owners_of_unit(unit) if unit in snapshot.units else None
    matching = {
        goal.id
        for goal in snapshot.model.goals
        if (not period or goal.period == period)
        and (owners is None or goal.owner in owners)
        and (not status or snapshot.goal_scores[goal.id].status == status)
    }
    visible = set(matching)
    pending = list(matching)
    while pending:
        for contribution in snapshot.goals[pending.pop()].counted_contributions:
            if contribution.goal not in visible:
                visible.add(contribution.goal)
                pending.append(contribution.goal)
    filtered = bool(period or unit or status)

    def node(goal: Goal, weight: float | None, depth: int, trail: frozenset[str]) -> TreeNode:
        children = [
            node(snapshot.goals[child], child_weight, depth + 1, trail | {child})
            for child, child_weight in snapshot.contributors.get(goal.id, [])
            if child in visible and child not in trail
        ]
        children += [
            TreeNode(row=goal_row(snapshot, snapshot.goals[child], weight=child_weight, proposed=True))
            for child, child_weight in snapshot.proposals.get(goal.id, [])
            if child in visible
        ]
        return TreeNode(
            row=goal_row(snapshot, goal, weight=weight),
            children=children,
            matches=goal.id in matching,
            open=depth < OPEN_LEVELS or (filtered and bool(children)),
        )

    roots = [node(goal, None, 0, frozenset({goal.id})) for goal in snapshot.top_level() if goal.id in visible]
    return roots, len(matching)


def carried_on_to(snapshot: Snapshot, goal_id: str) -> list[Goal]:
    """The goals that were carried over from this one (`carried_from`), in the order of the model file."""
    return [goal for goal in snapshot.model.goals if goal.carried_from == goal_id]


def my_owners(snapshot: Snapshot, person_id: str | None) -> set[str]:
    """What counts as "mine": my person, my unit and the units I lead."""
    if person_id is None or person_id not in snapshot.people:
        return set()
    person = snapshot.people[person_id]
    return {person.id, person.unit} | {unit.id for unit in snapshot.model.units if unit.lead == person.id}


def subject_link(snapshot: Snapshot, subject: str) -> str | None:
    """The page a health-check finding is about, where there is one."""
    kind, _, ident = subject.partition(":")
    if kind == "goal" and ident in snapshot.goals:
        return reverse("goal", args=[ident])
    if kind == "key_result" and ident in snapshot.key_results:
        return reverse("goal", args=[snapshot.key_results[ident][0].id]) + f"#kr-{ident}"
    if kind == "unit" and ident in snapshot.units:
        return reverse("unit", args=[ident])
    if kind == "competency":
        unit = ident.partition("@")[2]
        return reverse("unit", args=[unit]) if unit in snapshot.units else None
    return None


def kpi_cards(snapshot: Snapshot, kpis: list[KPI]) -> list[dict[str, object]]:
    cards: list[dict[str, object]] = []
    for kpi in kpis:
        latest = latest_on_or_before(kpi.measurements, snapshot.as_of)
        current = None if latest is None else latest.value
        cards.append(
            {
                "kpi": kpi,
                "current": current,
                "date": None if latest is None else latest.date,
                "status": kpi_status(kpi, current),
                "owner_name": snapshot.owner_name(kpi.owner),
                "owner_url": owner_url(snapshot, kpi.owner),
            }
        )
    return cards


def role_card_context(model: Model, unit_id: str) -> dict[str, Any]:
    """What the role card on a unit or person page shows."""
    card = analysis.role_card(model, unit_id)
    changes = [
        {
            "label": str(CHANGE_HEADINGS[change]),
            "tasks": [i.task for i in card.changes if i.task.change == change],
        }
        for change in CHANGE_HEADINGS
    ]
    return {"card": card, "card_changes": [group for group in changes if group["tasks"]]}

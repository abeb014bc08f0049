"""Shaping a snapshot for the page templates: rows, the alignment tree, my goals, KPI cards, role cards,
links to subjects."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import pgettext_lazy

from lodestar.design import analysis
from lodestar.goals.snapshot import Snapshot
from lodestar.lib.errors import NotFound
from lodestar.lib.model import KPI, Goal, Measurement, Model, Period
from lodestar.lib.vocabulary import METRIC_SOURCE_PREFIX
from lodestar.lib.wording import Wording, gettext_noop
from lodestar.scoring.progress import kpi_status, latest_on_or_before
from lodestar.scoring.report import GoalScore

# The alignment tree opens its top OPEN_LEVELS levels and holds one more, closed, where the three
# levels come to at most TREE_LINES goals (else it holds two); a branch below is loaded when opened.
OPEN_LEVELS = 2
LOADED_LEVELS = 3
TREE_LINES = 400
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
    to_load: int = 0  # contributors not loaded yet: the branch's address loads them


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


@dataclass(frozen=True, slots=True)
class TreeFilters:
    """The alignment tree's filters; empty strings filter nothing."""

    period: str = ""
    unit: str = ""
    status: str = ""

    @property
    def active(self) -> bool:
        return bool(self.period or self.unit or self.status)

    def query(self) -> str:
        """The filters as a query string for a branch's address (`&` between, no leading `?`)."""
        return urlencode(
            {
                name: value
                for name, value in (("period", self.period), ("unit", self.unit), ("status", self.status))
                if value
            }
        )


@dataclass(slots=True)
class TreeScope:
    """Which goals the tree shows: those that match the filters and the goals they lead up to (None: every goal)."""

    matching: set[str] | None
    visible: set[str] | None
    filters: TreeFilters

    def shows(self, goal_id: str) -> bool:
        return self.visible is None or goal_id in self.visible

    def matches(self, goal_id: str) -> bool:
        return self.matching is None or goal_id in self.matching


def tree_scope(snapshot: Snapshot, filters: TreeFilters) -> TreeScope:
    """The goals that match the filters, with those above them that lead to the mission (shown as context)."""
    if not filters.active:
        return TreeScope(None, None, filters)
    owners = snapshot.owners_of_unit(filters.unit) if filters.unit in snapshot.units else None
    matching = {
        goal.id
        for goal in snapshot.model.goals
        if (not filters.period or goal.period == filters.period)
        and (owners is None or goal.owner in owners)
        and (not filters.status or snapshot.goal_scores[goal.id].status == filters.status)
    }
    visible = set(matching)
    pending = list(matching)
    while pending:
        for contribution in snapshot.goals[pending.pop()].counted_contributions:
            if contribution.goal not in visible:
                visible.add(contribution.goal)
                pending.append(contribution.goal)
    return TreeScope(matching, visible, filters)


def _below(snapshot: Snapshot, scope: TreeScope, goal_id: str) -> list[str]:
    """The goals shown right below a goal: its contributors and those proposed to it."""
    found = [*snapshot.contributors.get(goal_id, []), *snapshot.proposals.get(goal_id, [])]
    return [child for child, _ in found if scope.shows(child)]


def loaded_levels(snapshot: Snapshot, scope: TreeScope, roots: list[Goal]) -> int:
    """How many levels the tree holds: LOADED_LEVELS where they come to at most TREE_LINES goals, else two."""
    lines, level = len(roots), [goal.id for goal in roots]
    for _ in range(1, LOADED_LEVELS):
        level = [child for goal_id in level for child in _below(snapshot, scope, goal_id)]
        lines += len(level)
        if lines > TREE_LINES:
            return 2
    return LOADED_LEVELS


def _tree_node(
    snapshot: Snapshot,
    scope: TreeScope,
    goal: Goal,
    weight: float | None,
    depth: int,
    trail: frozenset[str],
    loaded: int = LOADED_LEVELS,
) -> TreeNode:
    """A goal's node with its contributors down to `loaded` levels; deeper, the number of contributors to load."""
    contributors = [
        (child, child_weight)
        for child, child_weight in snapshot.contributors.get(goal.id, [])
        if scope.shows(child) and child not in trail
    ]
    proposed = [(child, w) for child, w in snapshot.proposals.get(goal.id, []) if scope.shows(child)]
    node = TreeNode(row=goal_row(snapshot, goal, weight=weight), matches=scope.matches(goal.id))
    if depth >= loaded - 1:
        node.to_load = len(contributors) + len(proposed)
        return node
    node.children = [
        _tree_node(snapshot, scope, snapshot.goals[child], child_weight, depth + 1, trail | {child}, loaded)
        for child, child_weight in contributors
    ]
    node.children += [
        TreeNode(row=goal_row(snapshot, snapshot.goals[child], weight=child_weight, proposed=True))
        for child, child_weight in proposed
    ]
    node.open = bool(node.children) and (depth < OPEN_LEVELS or scope.filters.active)
    return node


def alignment_tree(snapshot: Snapshot, filters: TreeFilters) -> tuple[list[TreeNode], int]:
    """Top-level goals with their contributors below, each under every goal it contributes to.

    The tree holds its top levels (`loaded_levels`: three, or two in a large organization; two of
    them open); a goal below them says how many contributors it has, which its branch
    (`tree_branch`) loads when it is opened.
    With filters, goals that match are shown with the goals above them that lead to the
    mission (those marked as context). A goal proposed to a parent is shown under it as a
    leaf marked proposed (it counts only where its links do). Returns the roots and the
    number of matching goals.
    """
    scope = tree_scope(snapshot, filters)
    top = [goal for goal in snapshot.top_level() if scope.shows(goal.id)]
    loaded = loaded_levels(snapshot, scope, top)
    roots = [_tree_node(snapshot, scope, goal, None, 0, frozenset({goal.id}), loaded) for goal in top]
    return roots, len(snapshot.model.goals) if scope.matching is None else len(scope.matching)


def tree_branch(snapshot: Snapshot, goal_id: str, filters: TreeFilters) -> list[TreeNode]:
    """The contributors of one goal as the tree shows them when its branch is opened, each with its own to load.

    Raises NotFound for an unknown goal.
    """
    goal = snapshot.goals.get(goal_id)
    if goal is None:
        raise NotFound(Wording.of(gettext_noop("no goal %(id)s"), id=repr(goal_id)))
    scope = tree_scope(snapshot, filters)
    node = _tree_node(snapshot, scope, goal, None, 0, frozenset({goal_id}), loaded=2)
    return node.children


def carried_on_to(snapshot: Snapshot, goal_id: str) -> list[Goal]:
    """The goals that were carried over from this one (`carried_from`), in the order of the model file."""
    return snapshot.index.carried_to(goal_id)


def my_owners(snapshot: Snapshot, person_id: str | None) -> set[str]:
    """What counts as "mine": my person, my unit and the units I lead."""
    if person_id is None or person_id not in snapshot.people:
        return set()
    person = snapshot.people[person_id]
    return {person.id, person.unit} | {unit.id for unit in snapshot.index.units_led_by(person.id)}


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

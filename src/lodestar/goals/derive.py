"""Draft goals derived from what the organization already says, for a unit and the units below it.

Two health-check findings become proposals:

- LS015, a task that is `new` or `expand` and that no goal lists: a goal of its accountable unit
  that lists the task, contributing to the current top-level goal that shares the most tasks with
  it (the most tasks of the same accountable unit listed by the goal or the goals below it); when
  no top-level goal shares one, it traces to the mission directly.
- LS004, a department or team without a goal in a current period: a goal of that unit that
  contributes to the current goals its parent unit owns, in their period.

A proposal's period is its parent goal's (for several parents, the shortest of them); without a
parent, the shortest period containing the day. Nothing is created here: a proposal is created (as
an ordinary goal) only when someone accepts it. Pure: the dismissed proposals come in as keys.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date

from lodestar.checks.rules import run_checks
from lodestar.lib.index import ModelIndex
from lodestar.lib.model import Goal, Model, Period
from lodestar.lib.wording import Wording, gettext_noop


@dataclass(frozen=True, slots=True)
class Proposal:
    """A draft goal: `key` names it for dismissing (`task:ID`, or `unit:ID@PERIOD`)."""

    key: str
    finding: str  # the health-check code it answers
    why: Wording  # the finding's message
    title: Wording  # the draft title, said in the reader's language when the goal is created
    owner: str
    period: str
    contributes_to: list[str] = field(default_factory=list)
    tasks: list[str] = field(default_factory=list)

    def document(self, goal_id: str, title: str) -> dict[str, object]:
        """The goal as the model file writes it, with `goal_id` and `title` (the draft title in some language)."""
        document: dict[str, object] = {"id": goal_id, "title": title, "owner": self.owner, "period": self.period}
        if self.contributes_to:
            document["contributes_to"] = [{"goal": parent} for parent in self.contributes_to]
        if self.tasks:
            document["tasks"] = list(self.tasks)
        return document


def _shortest(periods: list[Period]) -> Period | None:
    return min(periods, key=lambda period: (period.end - period.start, period.start), default=None)


def _below(goals: list[Goal]) -> dict[str, list[Goal]]:
    children: dict[str, list[Goal]] = {}
    for goal in goals:
        for contribution in goal.counted_contributions:
            children.setdefault(contribution.goal, []).append(goal)
    return children


def _tree_tasks(goal: Goal, children: dict[str, list[Goal]]) -> set[str]:
    """The tasks listed by the goal and every goal below it."""
    found: set[str] = set()
    pending, seen = [goal], {goal.id}
    while pending:
        current = pending.pop()
        found.update(current.tasks)
        for child in children.get(current.id, []):
            if child.id not in seen:
                seen.add(child.id)
                pending.append(child)
    return found


def _sharing_most(index: ModelIndex, accountable: str, as_of: date) -> Goal | None:
    """The current top-level goal whose tree lists the most tasks of the same accountable unit (first in model order)."""
    model = index.model
    children = _below(model.goals)
    theirs = {task.id for task in model.tasks if task.accountable == accountable}
    best: tuple[int, Goal] | None = None
    for goal in index.current_goals(as_of):
        if goal.counted_contributions:
            continue
        shared = len(_tree_tasks(goal, children) & theirs)
        if shared and (best is None or shared > best[0]):
            best = (shared, goal)
    return None if best is None else best[1]


def derive_proposals(model: Model, unit_id: str, as_of: date, *, dismissed: Collection[str] = ()) -> list[Proposal]:
    """The draft goals for `unit_id` and the units below it as of `as_of`, not dismissed, in the findings' order."""
    index = ModelIndex(model)
    below = index.below(unit_id)
    current_periods = [period for period in model.periods if period.start <= as_of <= period.end]
    fallback = _shortest(current_periods)
    proposals: list[Proposal] = []
    for finding in run_checks(model, as_of):
        kind, _, subject = finding.subject.partition(":")
        if finding.code == "LS015" and kind == "task":
            task = index.tasks[subject]
            if task.accountable is None or task.accountable not in below or f"task:{task.id}" in dismissed:
                continue
            parent = _sharing_most(index, task.accountable, as_of)
            period = index.periods[parent.period] if parent is not None else fallback
            if period is None:
                continue
            title = gettext_noop("Build up %(task)s") if task.change == "new" else gettext_noop("Expand %(task)s")
            proposals.append(
                Proposal(
                    key=f"task:{task.id}",
                    finding=finding.code,
                    why=finding.wording,
                    title=Wording.of(title, task=task.name),
                    owner=task.accountable,
                    period=period.id,
                    contributes_to=[parent.id] if parent is not None else [],
                    tasks=[task.id],
                )
            )
        elif finding.code == "LS004" and kind == "unit" and subject in below:
            unit = index.units[subject]
            parents = [
                goal
                for goal in index.current_goals(as_of)
                if unit.parent is not None and goal.owner == unit.parent and goal.closed_as_of(as_of) is None
            ]
            period = _shortest([index.periods[goal.period] for goal in parents]) or fallback
            if period is None or f"unit:{unit.id}@{period.id}" in dismissed:
                continue
            wanted = [goal.id for goal in parents if goal.period == period.id]
            parent_name = index.name(unit.parent) if unit.parent else ""
            proposals.append(
                Proposal(
                    key=f"unit:{unit.id}@{period.id}",
                    finding=finding.code,
                    why=finding.wording,
                    title=Wording.of(
                        gettext_noop("%(unit)s: our contribution to %(parent)s"), unit=unit.name, parent=parent_name
                    )
                    if parent_name
                    else Wording.of(gettext_noop("%(unit)s: our goal"), unit=unit.name),
                    owner=unit.id,
                    period=period.id,
                    contributes_to=wanted,
                )
            )
    return proposals

"""Why a goal is affected in a model: the tasks concerned and the owner it passed from and to.

`lodestar scenarios compare` names the affected goals (`goals_affected`); the compare page and the
report say why, from the base and the scenario's model, by this pure function. A goal is affected
by the tasks it lists that are `drop` in the model or that the model no longer has, and by an
owner that passed to another (a removed unit or person). For the base itself, only the first.
"""

from __future__ import annotations

from dataclasses import dataclass

from lodestar.lib.model import Goal, Model

DROPPED, GONE = "dropped", "gone"


@dataclass(frozen=True, slots=True)
class AffectedTask:
    task: str  # the task's id
    how: str  # DROPPED: `change: drop` in the model; GONE: the model no longer has it


@dataclass(frozen=True, slots=True)
class AffectedGoal:
    goal: Goal  # as the base has it (its tasks and its owner before the scenario)
    tasks: list[AffectedTask]  # in the order the goal lists them
    owner_from: str | None = None  # the owner in the base, when it passed to another
    owner_to: str | None = None  # the owner in the model, when it passed from another

    @property
    def owner_passed(self) -> bool:
        return self.owner_from is not None


def affected_goals(base: Model, model: Model) -> list[AffectedGoal]:
    """The goals of `base` affected in `model` (a scenario's, or the base itself), in the base's order."""
    kept = {task.id: task for task in model.tasks}
    owners = {goal.id: goal.owner for goal in model.goals}
    found: list[AffectedGoal] = []
    for goal in base.goals:
        tasks = [
            AffectedTask(task, GONE if task not in kept else DROPPED)
            for task in goal.tasks
            if task not in kept or kept[task].change == "drop"
        ]
        owner = owners.get(goal.id, goal.owner)
        if owner != goal.owner:
            found.append(AffectedGoal(goal, tasks, owner_from=goal.owner, owner_to=owner))
        elif tasks:
            found.append(AffectedGoal(goal, tasks))
    return found

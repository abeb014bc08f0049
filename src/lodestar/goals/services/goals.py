"""Create, update (including aligning to parent goals) and delete goals."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import F, Max

from lodestar.accounts import audit
from lodestar.accounts.actor import Actor
from lodestar.accounts.permissions import require_owner, require_some_owner
from lodestar.goals import models as g
from lodestar.goals.documents import goal_document
from lodestar.goals.services.common import (
    Saved,
    expect_version,
    find_goal,
    merged,
    owner_columns,
    stored_model,
)
from lodestar.goals.services.key_results import insert_key_result
from lodestar.goals.validation import read_goal
from lodestar.lib import model as m
from lodestar.lib.errors import Conflict, Invalid

__all__ = ["Saved", "create_goal", "delete_goal", "update_goal"]


def _write_links(goal: m.Goal) -> None:
    """Replace the goal's contributions and tasks with the ones given."""
    g.GoalContribution.objects.filter(goal_id=goal.id).delete()
    g.GoalTask.objects.filter(goal_id=goal.id).delete()
    g.GoalContribution.objects.bulk_create(
        g.GoalContribution(goal_id=goal.id, parent_id=c.goal, weight=c.weight, ordinal=j)
        for j, c in enumerate(goal.contributes_to)
    )
    g.GoalTask.objects.bulk_create(
        g.GoalTask(goal_id=goal.id, task_id=task, ordinal=j) for j, task in enumerate(goal.tasks)
    )


def create_goal(*, actor: Actor, document: Any) -> Saved:
    """Add a goal (with any key results) in the model file's format.

    Raises Invalid (field errors), PermissionDenied (owner outside the actor's reach), NotFound (no model).
    """
    with transaction.atomic():
        model = stored_model()
        require_some_owner(actor, model, what="create goals")
        goal = read_goal(document, model=model)
        require_owner(actor, goal.owner, model, what="goals of this owner")
        ordinal = (g.Goal.objects.aggregate(last=Max("ordinal"))["last"] or 0) + 1
        g.Goal.objects.create(
            id=goal.id,
            title=goal.title,
            period_id=goal.period,
            description=goal.description,
            version=1,
            ordinal=ordinal,
            **owner_columns(model, goal.owner),
        )
        _write_links(goal)
        for j, kr in enumerate(goal.key_results):
            insert_key_result(goal.id, kr, ordinal=j)
        after = goal_document(goal)
        if goal.key_results:
            after["key_results"] = [kr.id for kr in goal.key_results]
        audit.record(actor=actor, action="goal.create", subject=f"goal:{goal.id}", goal_id=goal.id, after=after)
    return Saved(id=goal.id, version=1)


def update_goal(*, actor: Actor, goal_id: str, changes: Any, version: Any) -> Saved:
    """Change a goal's title, owner, period, description, tasks or parent goals (`contributes_to`).

    `version` is the version the change is based on. Raises NotFound, PermissionDenied,
    Conflict (someone else changed the goal first) and Invalid.
    """
    with transaction.atomic():
        model = stored_model()
        current = find_goal(model, goal_id)
        require_owner(actor, current.owner, model, what=f"goal {goal_id!r}")
        stored = g.Goal.objects.filter(id=goal_id).values_list("version", flat=True).first() or 0
        expect_version(version, stored, what=f"goal {goal_id!r}")
        before = goal_document(current)
        if type(changes) is dict and "key_results" in changes:
            raise Invalid("invalid goal", [("key_results", "change key results one by one, not through the goal")])
        document = merged(before, changes, fixed=("id",), what="goal")
        goal = read_goal(document, model=model, replacing=goal_id)
        require_owner(actor, goal.owner, model, what="goals of this owner")
        updated = g.Goal.objects.filter(id=goal_id, version=version).update(
            title=goal.title,
            period_id=goal.period,
            description=goal.description,
            version=F("version") + 1,
            **owner_columns(model, goal.owner),
        )
        if not updated:
            raise Conflict(f"goal {goal_id!r} was changed by someone else at the same moment; reload and try again")
        _write_links(goal)
        after = goal_document(goal)
        action = "goal.align" if set(changes) == {"contributes_to"} else "goal.update"
        audit.record(actor=actor, action=action, subject=f"goal:{goal_id}", goal_id=goal_id, before=before, after=after)
    return Saved(id=goal_id, version=version + 1)


def delete_goal(*, actor: Actor, goal_id: str, version: Any = None) -> None:
    """Delete a goal with its key results, measurements and check-ins.

    Refused (Conflict) while other goals contribute to it, or when `version` is given and stale.
    Raises NotFound and PermissionDenied.
    """
    with transaction.atomic():
        model = stored_model()
        goal = find_goal(model, goal_id)
        require_owner(actor, goal.owner, model, what=f"goal {goal_id!r}")
        if version is not None:
            stored = g.Goal.objects.filter(id=goal_id).values_list("version", flat=True).first() or 0
            expect_version(version, stored, what=f"goal {goal_id!r}")
        contributors = [other.id for other in model.goals if any(c.goal == goal_id for c in other.contributes_to)]
        if contributors:
            raise Conflict(
                f"goal {goal_id!r} cannot be deleted while {', '.join(contributors)} contribute to it; "
                "align those goals elsewhere first"
            )
        before = goal_document(goal)
        before["key_results"] = [kr.id for kr in goal.key_results]
        g.Goal.objects.filter(id=goal_id).delete()
        audit.record(actor=actor, action="goal.delete", subject=f"goal:{goal_id}", goal_id=goal_id, before=before)

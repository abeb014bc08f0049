"""Create, update (including aligning to parent goals) and delete goals."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import F, Max

from lodestar.accounts import audit
from lodestar.accounts.actor import Actor
from lodestar.accounts.permissions import require_owner, require_some_owner
from lodestar.goals import models as goals
from lodestar.goals.services.common import Saved, expect_version, find_goal, merged
from lodestar.goals.services.key_results import insert_key_result
from lodestar.goals.validation import read_goal
from lodestar.lib.errors import Conflict, Invalid
from lodestar.lib.model import Model
from lodestar.modelfile.documents import goal_document
from lodestar.store.load import load_model
from lodestar.store.rows import goal_rows, insert_entity, replace_relations

__all__ = ["Saved", "create_goal", "delete_goal", "update_goal"]


def _people(model: Model) -> set[str]:
    return {person.id for person in model.people}


def create_goal(*, actor: Actor, document: Any) -> Saved:
    """Add a goal (with any key results) in the model file's format.

    Raises Invalid (field errors), PermissionDenied (owner outside the actor's reach), NotFound (no model).
    """
    with transaction.atomic():
        model = load_model()
        require_some_owner(actor, model, what="create goals")
        goal = read_goal(document, model=model)
        require_owner(actor, goal.owner, model, what="goals of this owner")
        ordinal = (goals.Goal.objects.aggregate(last=Max("ordinal"))["last"] or 0) + 1
        insert_entity(goal_rows(goal, people=_people(model)), version=1, ordinal=ordinal)
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
        model = load_model()
        current = find_goal(model, goal_id)
        require_owner(actor, current.owner, model, what=f"goal {goal_id!r}")
        stored = goals.Goal.objects.filter(id=goal_id).values_list("version", flat=True).first() or 0
        expect_version(version, stored, what=f"goal {goal_id!r}")
        before = goal_document(current)
        if type(changes) is dict and "key_results" in changes:
            raise Invalid("invalid goal", [("key_results", "change key results one by one, not through the goal")])
        document = merged(before, changes, fixed=("id",), what="goal")
        goal = read_goal(document, model=model, replacing=goal_id)
        require_owner(actor, goal.owner, model, what="goals of this owner")
        rows = goal_rows(goal, people=_people(model))
        updated = goals.Goal.objects.filter(id=goal_id, version=version).update(**rows.row, version=F("version") + 1)
        if not updated:
            raise Conflict(f"goal {goal_id!r} was changed by someone else at the same moment; reload and try again")
        replace_relations(rows)
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
        model = load_model()
        goal = find_goal(model, goal_id)
        require_owner(actor, goal.owner, model, what=f"goal {goal_id!r}")
        if version is not None:
            stored = goals.Goal.objects.filter(id=goal_id).values_list("version", flat=True).first() or 0
            expect_version(version, stored, what=f"goal {goal_id!r}")
        contributors = [other.id for other in model.goals if any(c.goal == goal_id for c in other.contributes_to)]
        if contributors:
            raise Conflict(
                f"goal {goal_id!r} cannot be deleted while {', '.join(contributors)} contribute to it; "
                "align those goals elsewhere first"
            )
        before = goal_document(goal)
        before["key_results"] = [kr.id for kr in goal.key_results]
        goals.Goal.objects.filter(id=goal_id).delete()
        audit.record(actor=actor, action="goal.delete", subject=f"goal:{goal_id}", goal_id=goal_id, before=before)

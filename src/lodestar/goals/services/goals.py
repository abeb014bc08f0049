"""Create, update (including aligning to parent goals) and delete goals."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import Max

from lodestar.accounts import audit
from lodestar.accounts.actor import Actor
from lodestar.accounts.permissions import require_owner, require_some_owner
from lodestar.goals import models as goals
from lodestar.goals.services.alignments import settle_links
from lodestar.goals.services.common import GOALS, GOALS_WITH_KEY_RESULTS, find_goal, merged, new_entity
from lodestar.goals.services.key_results import insert_key_result
from lodestar.goals.validation import read_goal
from lodestar.lib.errors import Conflict, Invalid
from lodestar.lib.model import Model
from lodestar.metrics.bindings import check_bindings
from lodestar.modelfile.documents import goal_document
from lodestar.store.load import load_model
from lodestar.store.rows import goal_rows, insert_entity, replace_relations
from lodestar.store.versions import Saved, clash_is_conflict, delete_versioned, expect_version, write_versioned

__all__ = ["Saved", "create_goal", "delete_goal", "update_goal"]


def _people(model: Model) -> set[str]:
    return {person.id for person in model.people}


def create_goal(*, actor: Actor, document: Any) -> Saved[str]:
    """Add a goal (with any key results) in the model file's format.

    A link to a goal the actor may not edit is proposed (see `alignments.settle_links`).
    Raises Invalid (field errors), PermissionDenied (owner outside the actor's reach), NotFound (no model)
    and Conflict (the same id, or a key result's, created by someone else at the same moment).
    """
    with clash_is_conflict(new_entity("goal", document)), transaction.atomic():
        model = load_model(parts=GOALS_WITH_KEY_RESULTS)
        require_some_owner(actor, model, what="create goals")
        goal = read_goal(document, model=model)
        require_owner(actor, goal.owner, model, what="goals of this owner")
        bindings = [(f"key_results[{j}].metric", kr.metric) for j, kr in enumerate(goal.key_results)]
        check_bindings([(path, metric) for path, metric in bindings if metric is not None], what="goal")
        settle_links(actor, goal, written=document, current=None, model=model)
        ordinal = (goals.Goal.objects.aggregate(last=Max("ordinal"))["last"] or 0) + 1
        insert_entity(goal_rows(goal, people=_people(model)), version=1, ordinal=ordinal)
        for j, kr in enumerate(goal.key_results):
            insert_key_result(goal.id, kr, ordinal=j)
        after = goal_document(goal)
        if goal.key_results:
            after["key_results"] = [kr.id for kr in goal.key_results]
        audit.record(actor=actor, action="goal.create", subject=f"goal:{goal.id}", goal_id=goal.id, after=after)
    return Saved(id=goal.id, version=1)


def update_goal(*, actor: Actor, goal_id: str, changes: Any, version: Any) -> Saved[str]:
    """Change a goal's title, owner, period, description, tasks or parent goals (`contributes_to`).

    A new link to a goal the actor may not edit is proposed (see `alignments.settle_links`).
    `version` is the version the change is based on. Raises NotFound, PermissionDenied,
    Conflict (someone else changed the goal, or a goal it refers to, first) and Invalid.
    """
    what = f"goal {goal_id!r}"
    with clash_is_conflict(what), transaction.atomic():
        model = load_model(parts=GOALS)
        current = find_goal(model, goal_id)
        require_owner(actor, current.owner, model, what=what)
        expect_version(version, stored=current.version, what=what)
        before = goal_document(current)
        if type(changes) is dict and "key_results" in changes:
            raise Invalid("invalid goal", [("key_results", "change key results one by one, not through the goal")])
        document = merged(before, changes, fixed=("id",), what="goal")
        goal = read_goal(document, model=model, replacing=goal_id)
        require_owner(actor, goal.owner, model, what="goals of this owner")
        settle_links(actor, goal, written=document, current=current, model=model)
        people = _people(model)
        rows = goal_rows(goal, people=people)
        saved = write_versioned(goals.Goal, goal_id, version=version, what=what, columns=rows.row)
        replace_relations(rows, previous=goal_rows(current, people=people))
        after = goal_document(goal)
        action = "goal.align" if set(changes) == {"contributes_to"} else "goal.update"
        audit.record(actor=actor, action=action, subject=f"goal:{goal_id}", goal_id=goal_id, before=before, after=after)
    return Saved(id=goal_id, version=saved)


def delete_goal(*, actor: Actor, goal_id: str, version: Any = None) -> None:
    """Delete a goal with its key results, measurements and check-ins.

    Refused (Conflict) while other goals contribute, propose to contribute or are carried over from
    it, or when `version` is given and stale.
    Raises NotFound and PermissionDenied.
    """
    what = f"goal {goal_id!r}"
    with transaction.atomic():
        model = load_model(parts=GOALS_WITH_KEY_RESULTS)
        goal = find_goal(model, goal_id)
        require_owner(actor, goal.owner, model, what=what)
        expect_version(version, stored=goal.version, what=what, required=False)
        _refuse_while_linked(goal_id, model)
        copies = [other.id for other in model.goals if other.carried_from == goal_id]
        if copies:
            raise Conflict(
                f"goal {goal_id!r} cannot be deleted while {', '.join(copies)} name it as carried_from; "
                "delete those goals or take the key out of them first"
            )
        before = goal_document(goal)
        before["key_results"] = [kr.id for kr in goal.key_results]
        delete_versioned(goals.Goal, goal_id, version=version, what=what)
        audit.record(actor=actor, action="goal.delete", subject=f"goal:{goal_id}", goal_id=goal_id, before=before)


def _refuse_while_linked(goal_id: str, model: Model) -> None:
    """Raise Conflict while goals contribute, or propose to contribute, to the goal."""
    counted = [other.id for other in model.goals if any(c.goal == goal_id for c in other.counted_contributions)]
    proposed = [other.id for other in model.goals if any(c.goal == goal_id for c in other.proposed_contributions)]
    reasons = [f"{', '.join(counted)} contribute to it"] if counted else []
    reasons += [f"{', '.join(proposed)} propose to contribute to it"] if proposed else []
    if reasons:
        raise Conflict(
            f"goal {goal_id!r} cannot be deleted while {' and '.join(reasons)}; "
            f"align those goals elsewhere{' or decline the proposals' if proposed else ''} first"
        )

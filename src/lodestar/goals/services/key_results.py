"""Create, update and delete the key results of a goal."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import Max

from lodestar.accounts import audit
from lodestar.accounts.actor import Actor
from lodestar.accounts.permissions import require_owner
from lodestar.goals import models as goals
from lodestar.goals.services.common import KEY_RESULTS, UPDATES, find_goal, find_key_result, merged, new_entity
from lodestar.goals.validation import read_key_result
from lodestar.lib.errors import Invalid
from lodestar.lib.model import KeyResult
from lodestar.metrics.bindings import check_bindings
from lodestar.modelfile.documents import key_result_document
from lodestar.store.load import load_model
from lodestar.store.rows import insert_entity, key_result_rows
from lodestar.store.versions import Saved, clash_is_conflict, delete_versioned, expect_version, write_versioned


def insert_key_result(goal_id: str, kr: KeyResult, *, ordinal: int) -> None:
    """Store a validated key result with its measurements and check-ins."""
    insert_entity(key_result_rows(kr, goal_id=goal_id), version=1, ordinal=ordinal)


def create_key_result(*, actor: Actor, goal_id: str, document: Any) -> Saved[str]:
    """Add a key result to a goal. Raises NotFound, PermissionDenied, Invalid and Conflict (the id taken meanwhile)."""
    with clash_is_conflict(new_entity("key result", document)), transaction.atomic():
        model = load_model(parts=KEY_RESULTS)
        goal = find_goal(model, goal_id)
        require_owner(actor, goal.owner, model, what=f"the key results of goal {goal_id!r}")
        kr = read_key_result(document, model=model)
        check_bindings([("metric", kr.metric)] if kr.metric is not None else [], what="key result")
        ordinal = (goals.KeyResult.objects.filter(goal_id=goal_id).aggregate(last=Max("ordinal"))["last"] or 0) + 1
        insert_key_result(goal_id, kr, ordinal=ordinal)
        audit.record(
            actor=actor,
            action="key_result.create",
            subject=f"key_result:{kr.id}",
            goal_id=goal_id,
            after=key_result_document(kr),
        )
    return Saved(id=kr.id, version=1)


def update_key_result(*, actor: Actor, key_result_id: str, changes: Any, version: Any) -> Saved[str]:
    """Change a key result's title, unit, baseline, target, direction, range, weight or metric.

    Raises NotFound, PermissionDenied, Conflict (stale `version`) and Invalid.
    """
    what = f"key result {key_result_id!r}"
    with transaction.atomic():
        model = load_model(parts=KEY_RESULTS)
        goal, current = find_key_result(model, key_result_id)
        require_owner(actor, goal.owner, model, what=f"the key results of goal {goal.id!r}")
        expect_version(version, stored=current.version, what=what)
        if type(changes) is dict and ({"measurements", "check_ins"} & set(changes)):
            raise Invalid(
                "invalid key result",
                [(key, "record these one at a time") for key in ("measurements", "check_ins") if key in changes],
            )
        before = key_result_document(current)
        document = merged(before, changes, fixed=("id",), what="key result")
        kr = read_key_result(document, model=model, replacing=key_result_id)
        if kr.metric is not None and kr.metric != current.metric:
            check_bindings([("metric", kr.metric)], what="key result")
        columns = key_result_rows(kr, goal_id=goal.id).row
        saved = write_versioned(goals.KeyResult, key_result_id, version=version, what=what, columns=columns)
        audit.record(
            actor=actor,
            action="key_result.update",
            subject=f"key_result:{key_result_id}",
            goal_id=goal.id,
            before=before,
            after=key_result_document(kr),
        )
    return Saved(id=key_result_id, version=saved)


def delete_key_result(*, actor: Actor, key_result_id: str, version: Any = None) -> None:
    """Delete a key result with its measurements and check-ins. Raises NotFound, PermissionDenied, Conflict."""
    what = f"key result {key_result_id!r}"
    with transaction.atomic():
        model = load_model(parts=UPDATES)
        goal, kr = find_key_result(model, key_result_id)
        require_owner(actor, goal.owner, model, what=f"the key results of goal {goal.id!r}")
        expect_version(version, stored=kr.version, what=what, required=False)
        delete_versioned(goals.KeyResult, key_result_id, version=version, what=what)
        audit.record(
            actor=actor,
            action="key_result.delete",
            subject=f"key_result:{key_result_id}",
            goal_id=goal.id,
            before={**key_result_document(kr), "measurements": len(kr.measurements), "check_ins": len(kr.check_ins)},
        )

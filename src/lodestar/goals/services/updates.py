"""Record measurements and check-ins on key results: the owners' everyday update."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import Max

from lodestar.accounts import audit
from lodestar.accounts.actor import Actor
from lodestar.accounts.permissions import require_owner
from lodestar.accounts.roles import ADMIN, EDITOR
from lodestar.goals import models as goals
from lodestar.goals.services.common import KEY_RESULTS, MEASUREMENTS, find_key_result
from lodestar.goals.validation import read_check_in, read_measurement
from lodestar.lib.errors import Invalid
from lodestar.lib.model import CheckIn, Measurement
from lodestar.modelfile.documents import check_in_document, measurement_document
from lodestar.store.load import load_model
from lodestar.store.rows import check_in_row, measurement_row
from lodestar.store.versions import clash_is_conflict, lock_row


def record_measurement(*, actor: Actor, key_result_id: str, document: Any) -> Measurement:
    """Add `{date, value, source?}` to a key result; one per date.

    Parallel measurements of one key result take turns; a clash with one saved at the same moment
    raises Conflict. Raises NotFound, PermissionDenied and Invalid (with field paths).
    """
    with clash_is_conflict(f"a measurement of key result {key_result_id!r}"), transaction.atomic():
        lock_row(goals.KeyResult, key_result_id)
        model = load_model(parts=MEASUREMENTS)
        goal, kr = find_key_result(model, key_result_id)
        require_owner(actor, goal.owner, model, what=f"the key results of goal {goal.id!r}")
        measurement = read_measurement(document, key_result=kr)
        goals.Measurement.objects.create(**measurement_row("key_result_id", kr.id, measurement))
        audit.record(
            actor=actor,
            action="measurement.record",
            subject=f"key_result:{kr.id}",
            goal_id=goal.id,
            after=measurement_document(measurement),
        )
    return measurement


def record_check_in(*, actor: Actor, key_result_id: str, document: Any) -> CheckIn:
    """Add `{date, confidence, note?, by?}`; `by` defaults to the actor's person.

    A member records check-ins as their own person; only admins and editors may name another one.
    The audit entry names the signed-in actor either way.

    A confidence of LOW_CONFIDENCE or less needs a note. Parallel check-ins of one key result take
    turns (each gets its own ordinal). Raises NotFound, PermissionDenied, Invalid and Conflict.
    """
    with clash_is_conflict(f"a check-in on key result {key_result_id!r}"), transaction.atomic():
        lock_row(goals.KeyResult, key_result_id)
        model = load_model(parts=KEY_RESULTS)
        goal, kr = find_key_result(model, key_result_id)
        require_owner(actor, goal.owner, model, what=f"the key results of goal {goal.id!r}")
        document = _signed_by_the_actor(actor, document)
        check_in = read_check_in(document, model=model)
        ordinal = (goals.CheckIn.objects.filter(key_result_id=kr.id).aggregate(last=Max("ordinal"))["last"] or 0) + 1
        goals.CheckIn.objects.create(**check_in_row(kr.id, check_in, ordinal=ordinal))
        audit.record(
            actor=actor,
            action="check_in.record",
            subject=f"key_result:{kr.id}",
            goal_id=goal.id,
            after=check_in_document(check_in),
        )
    return check_in


def _signed_by_the_actor(actor: Actor, document: Any) -> Any:
    """The document with `by` set to the actor's person; a member naming anyone else is refused."""
    if type(document) is not dict:
        return document
    if actor.role in (ADMIN, EDITOR):
        return document if "by" in document or actor.person_id is None else {**document, "by": actor.person_id}
    if actor.person_id is None:
        message = "your account is not linked to a person of the organization: ask an admin to link it"
        raise Invalid("1 error in the check-in", [("by", message)])
    if document.get("by", actor.person_id) != actor.person_id:
        message = (
            f"you record check-ins as yourself ({actor.person_id!r}): "
            "only admins and editors may record a check-in by another person"
        )
        raise Invalid("1 error in the check-in", [("by", message)])
    return {**document, "by": actor.person_id}

"""Record measurements and check-ins on key results: the owners' everyday update."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import Max

from lodestar.accounts import audit
from lodestar.accounts.actor import Actor
from lodestar.accounts.permissions import require_owner
from lodestar.goals import models as g
from lodestar.goals.documents import check_in_document, measurement_document
from lodestar.goals.services.common import find_key_result, stored_model
from lodestar.goals.validation import read_check_in, read_measurement
from lodestar.lib import model as m


def record_measurement(*, actor: Actor, key_result_id: str, document: Any) -> m.Measurement:
    """Add `{date, value, source?}` to a key result; one per date.

    Raises NotFound, PermissionDenied and Invalid (with field paths).
    """
    with transaction.atomic():
        model = stored_model()
        goal, kr = find_key_result(model, key_result_id)
        require_owner(actor, goal.owner, model, what=f"the key results of goal {goal.id!r}")
        measurement = read_measurement(document, key_result=kr)
        g.Measurement.objects.create(
            key_result_id=kr.id, date=measurement.date, value=measurement.value, source=measurement.source or ""
        )
        audit.record(
            actor=actor,
            action="measurement.record",
            subject=f"key_result:{kr.id}",
            goal_id=goal.id,
            after=measurement_document(measurement),
        )
    return measurement


def record_check_in(*, actor: Actor, key_result_id: str, document: Any) -> m.CheckIn:
    """Add `{date, confidence, note?, by?}`; `by` defaults to the actor's person.

    A confidence of 3 or less needs a note. Raises NotFound, PermissionDenied and Invalid.
    """
    with transaction.atomic():
        model = stored_model()
        goal, kr = find_key_result(model, key_result_id)
        require_owner(actor, goal.owner, model, what=f"the key results of goal {goal.id!r}")
        if type(document) is dict and "by" not in document and actor.person_id is not None:
            document = {**document, "by": actor.person_id}
        check_in = read_check_in(document, model=model)
        ordinal = (g.CheckIn.objects.filter(key_result_id=kr.id).aggregate(last=Max("ordinal"))["last"] or 0) + 1
        g.CheckIn.objects.create(
            key_result_id=kr.id,
            date=check_in.date,
            by_id=check_in.by,
            confidence=check_in.confidence,
            note=check_in.note,
            ordinal=ordinal,
        )
        audit.record(
            actor=actor,
            action="check_in.record",
            subject=f"key_result:{kr.id}",
            goal_id=goal.id,
            after=check_in_document(check_in),
        )
    return check_in

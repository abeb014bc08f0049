"""Roll a period over: carry its unfinished goals into the next period, in one transaction.

`rhythm/rollover.py` decides what is carried and how the copies look; this stores them, after
keeping the model as it was as a restore point. Who may change a goal may carry it; a copy's
link to a goal the actor may not edit counts only where the original's link counted with the
same weight (consent was given), otherwise it is proposed (`alignments.settle_links`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from django.db import transaction
from django.db.models import Max

from lodestar.accounts import audit
from lodestar.accounts.actor import Actor
from lodestar.accounts.permissions import can_edit_owner, require_some_owner
from lodestar.goals import models as goals
from lodestar.goals.services.alignments import settle_links
from lodestar.goals.services.key_results import insert_key_result
from lodestar.lib.errors import PermissionDenied
from lodestar.lib.model import Model
from lodestar.modelfile.documents import goal_document
from lodestar.rhythm.rollover import RollOver, plan_rollover
from lodestar.store.load import load_model
from lodestar.store.restore import keep_restore_point
from lodestar.store.rows import goal_rows, insert_entity
from lodestar.store.versions import clash_is_conflict

__all__ = ["plan_roll_over", "roll_over"]


def plan_roll_over(*, actor: Actor, source: str, target: str, goal_ids: Sequence[str] | None = None) -> RollOver:
    """What `roll_over` would carry, and the copies it would add; writes nothing.

    Raises NotFound (no model), PermissionDenied and RollOverRefused (an Invalid naming every problem).
    """
    model = load_model()
    return _planned(actor, model, source, target, goal_ids)


def roll_over(*, actor: Actor, source: str, target: str, goal_ids: Sequence[str] | None = None) -> RollOver:
    """Carry goals of period `source` into period `target` (`goal_ids`, default: those with a final score below 1).

    One transaction: the stored model is kept as a restore point, then every copy and its key
    results are added, with one audit entry for the roll-over and one per copy; a refusal writes
    nothing. Nothing to carry writes nothing either. Raises as `plan_roll_over`, and Conflict
    when a copy's id was taken at the same moment.
    """
    with clash_is_conflict(f"the roll-over from {source!r} to {target!r}"), transaction.atomic():
        model = load_model()
        rollover = _planned(actor, model, source, target, goal_ids)
        if not rollover.carried:
            return rollover
        point = keep_restore_point(actor=actor, reason=f"before the roll-over from {source} to {target}", model=model)
        grown = dataclasses.replace(model, goals=[*model.goals, *rollover.copies])
        people = {person.id for person in model.people}
        ordinal = goals.Goal.objects.aggregate(last=Max("ordinal"))["last"] or 0
        for carried in rollover.carried:
            copy = carried.copy
            settle_links(actor, copy, written=goal_document(copy), current=carried.original, model=grown)
            ordinal += 1
            insert_entity(goal_rows(copy, people=people), version=1, ordinal=ordinal)
            for j, kr in enumerate(copy.key_results):
                insert_key_result(copy.id, kr, ordinal=j)
            after = goal_document(copy)
            if copy.key_results:
                after["key_results"] = [kr.id for kr in copy.key_results]
            audit.record(actor=actor, action="goal.carry", subject=f"goal:{copy.id}", goal_id=copy.id, after=after)
        audit.record(
            actor=actor,
            action="period.rollover",
            subject=f"period:{source}",
            after={
                "from": source,
                "to": target,
                "goals": {c.original.id: c.copy.id for c in rollover.carried},
                "key_results": {kr.id: duplicate.id for c in rollover.carried for kr, duplicate in c.key_results},
                "restore_point": None if point is None else point.pk,
            },
        )
    return rollover


def _planned(actor: Actor, model: Model, source: str, target: str, goal_ids: Sequence[str] | None) -> RollOver:
    require_some_owner(actor, model, what="roll goals over")
    rollover = plan_rollover(model, source, target, goal_ids)
    denied = [c.original for c in rollover.carried if not can_edit_owner(actor, c.original.owner, model)]
    if denied:
        names = ", ".join(f"{goal.id!r} (owned by {goal.owner!r})" for goal in denied)
        raise PermissionDenied(f"you may not carry goal{'s' if len(denied) != 1 else ''} {names}: name only your own")
    return rollover

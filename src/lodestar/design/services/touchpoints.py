"""Create, update and delete customer touchpoints with their owner and contributors."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from lodestar.accounts import audit
from lodestar.accounts.actor import Actor
from lodestar.accounts.permissions import require_editor
from lodestar.design import models as design
from lodestar.design.services.common import SavedEntity, expect_version, fingerprint, merged, next_ordinal
from lodestar.lib.errors import Conflict, NotFound
from lodestar.lib.model import Model, Touchpoint
from lodestar.modelfile.documents import touchpoint_document
from lodestar.modelfile.entities import read_touchpoint
from lodestar.store.load import load_model
from lodestar.store.rows import insert_entity, replace_relations, touchpoint_rows


def find_touchpoint(model: Model, touchpoint_id: str) -> Touchpoint:
    touchpoint = next((t for t in model.touchpoints if t.id == touchpoint_id), None)
    if touchpoint is None:
        raise NotFound(f"no touchpoint {touchpoint_id!r}")
    return touchpoint


def create_touchpoint(*, actor: Actor, document: Any) -> SavedEntity:
    """Add a touchpoint `{id, name, stage, channel, owner, contributors?}`. Raises PermissionDenied and Invalid."""
    require_editor(actor, what="change touchpoints")
    with transaction.atomic():
        model = load_model()
        tp = read_touchpoint(document, model=model)
        insert_entity(touchpoint_rows(tp), ordinal=next_ordinal(design.Touchpoint))
        after = touchpoint_document(tp)
        audit.record(actor=actor, action="touchpoint.create", subject=f"touchpoint:{tp.id}", after=after)
    return SavedEntity(id=tp.id, version=fingerprint(after))


def update_touchpoint(*, actor: Actor, touchpoint_id: str, changes: Any, version: Any) -> SavedEntity:
    """Change a touchpoint; its id stays. Raises NotFound, PermissionDenied, Conflict and Invalid."""
    require_editor(actor, what="change touchpoints")
    with transaction.atomic():
        model = load_model()
        before = touchpoint_document(find_touchpoint(model, touchpoint_id))
        expect_version(version, before, what=f"touchpoint {touchpoint_id!r}")
        document = merged(before, changes, fixed=("id",), what="touchpoint")
        tp = read_touchpoint(document, model=model, replacing=touchpoint_id)
        rows = touchpoint_rows(tp)
        design.Touchpoint.objects.filter(id=touchpoint_id).update(**rows.row)
        replace_relations(rows)
        after = touchpoint_document(tp)
        audit.record(
            actor=actor, action="touchpoint.update", subject=f"touchpoint:{touchpoint_id}", before=before, after=after
        )
    return SavedEntity(id=touchpoint_id, version=fingerprint(after))


def delete_touchpoint(*, actor: Actor, touchpoint_id: str, version: Any = None) -> None:
    """Delete a touchpoint. Refused (Conflict) while KPIs are attached to it."""
    require_editor(actor, what="change touchpoints")
    with transaction.atomic():
        model = load_model()
        before = touchpoint_document(find_touchpoint(model, touchpoint_id))
        expect_version(version, before, what=f"touchpoint {touchpoint_id!r}", required=False)
        kpis = [kpi.id for kpi in model.kpis if kpi.touchpoint == touchpoint_id]
        if kpis:
            raise Conflict(
                f"touchpoint {touchpoint_id!r} cannot be deleted while KPIs are attached to it ({', '.join(kpis)})"
            )
        design.Touchpoint.objects.filter(id=touchpoint_id).delete()
        audit.record(actor=actor, action="touchpoint.delete", subject=f"touchpoint:{touchpoint_id}", before=before)

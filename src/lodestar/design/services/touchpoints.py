"""Create, update and delete customer touchpoints with their owner and contributors."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from lodestar.accounts import audit
from lodestar.accounts.actor import Actor
from lodestar.accounts.permissions import require_editor
from lodestar.design import models as design
from lodestar.design.services.common import merged, next_ordinal
from lodestar.lib.errors import Conflict, NotFound
from lodestar.lib.model import Model, Touchpoint
from lodestar.lib.wording import Wording, gettext_noop
from lodestar.modelfile.documents import touchpoint_document
from lodestar.modelfile.entities import read_touchpoint
from lodestar.store.load import load_model
from lodestar.store.rows import insert_entity, replace_relations, touchpoint_rows
from lodestar.store.versions import Saved, delete_versioned, expect_version, write_versioned


def find_touchpoint(model: Model, touchpoint_id: str) -> Touchpoint:
    touchpoint = next((t for t in model.touchpoints if t.id == touchpoint_id), None)
    if touchpoint is None:
        raise NotFound(Wording.of(gettext_noop("no touchpoint %(id)s"), id=repr(touchpoint_id)))
    return touchpoint


def create_touchpoint(*, actor: Actor, document: Any) -> Saved[str]:
    """Add a touchpoint `{id, name, stage, channel, owner, contributors?}`. Raises PermissionDenied and Invalid."""
    require_editor(actor, what="change touchpoints")
    with transaction.atomic():
        model = load_model()
        touchpoint = read_touchpoint(document, model=model)
        insert_entity(touchpoint_rows(touchpoint), ordinal=next_ordinal(design.Touchpoint), version=1)
        audit.record(
            actor=actor,
            action="touchpoint.create",
            subject=f"touchpoint:{touchpoint.id}",
            after=touchpoint_document(touchpoint),
        )
    return Saved(id=touchpoint.id, version=1)


def update_touchpoint(*, actor: Actor, touchpoint_id: str, changes: Any, version: Any) -> Saved[str]:
    """Change a touchpoint; its id stays. Raises NotFound, PermissionDenied, Conflict and Invalid."""
    require_editor(actor, what="change touchpoints")
    what = f"touchpoint {touchpoint_id!r}"
    with transaction.atomic():
        model = load_model()
        current = find_touchpoint(model, touchpoint_id)
        expect_version(version, stored=current.version, what=what)
        before = touchpoint_document(current)
        document = merged(before, changes, fixed=("id",), what="touchpoint")
        touchpoint = read_touchpoint(document, model=model, replacing=touchpoint_id)
        rows = touchpoint_rows(touchpoint)
        saved = write_versioned(design.Touchpoint, touchpoint_id, version=version, what=what, columns=rows.row)
        replace_relations(rows, previous=touchpoint_rows(current))
        after = touchpoint_document(touchpoint)
        audit.record(
            actor=actor, action="touchpoint.update", subject=f"touchpoint:{touchpoint_id}", before=before, after=after
        )
    return Saved(id=touchpoint_id, version=saved)


def delete_touchpoint(*, actor: Actor, touchpoint_id: str, version: Any = None) -> None:
    """Delete a touchpoint. Refused (Conflict) while KPIs are attached to it."""
    require_editor(actor, what="change touchpoints")
    what = f"touchpoint {touchpoint_id!r}"
    with transaction.atomic():
        model = load_model()
        current = find_touchpoint(model, touchpoint_id)
        expect_version(version, stored=current.version, what=what, required=False)
        kpis = [kpi.id for kpi in model.kpis if kpi.touchpoint == touchpoint_id]
        if kpis:
            raise Conflict(
                f"touchpoint {touchpoint_id!r} cannot be deleted while KPIs are attached to it ({', '.join(kpis)})"
            )
        delete_versioned(design.Touchpoint, touchpoint_id, version=version, what=what)
        audit.record(
            actor=actor,
            action="touchpoint.delete",
            subject=f"touchpoint:{touchpoint_id}",
            before=touchpoint_document(current),
        )

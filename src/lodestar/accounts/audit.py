"""The audit log: every change, from any surface, with who, when, what, before and after."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from lodestar.accounts.actor import Actor, command_line_actor
from lodestar.accounts.models import AuditEntry

_acting: ContextVar[Actor | None] = ContextVar("lodestar_acting", default=None)
CHANGES_KEPT = 200


@contextmanager
def acting_as(actor: Actor) -> Iterator[None]:
    """Attribute changes made by code that takes no actor (the import) to `actor`."""
    token = _acting.set(actor)
    try:
        yield
    finally:
        _acting.reset(token)


def current_actor() -> Actor:
    return _acting.get() or command_line_actor()


def record(
    *, actor: Actor, action: str, subject: str, goal_id: str = "", before: Any = None, after: Any = None
) -> AuditEntry:
    """Write one audit entry; call inside the transaction that makes the change."""
    return AuditEntry.objects.create(
        at=timezone.now(),
        actor=actor.label,
        surface=actor.surface,
        action=action,
        subject=subject,
        goal_id=goal_id,
        before=before,
        after=after,
    )


def record_import(*, plan: Any) -> None:
    """The import as one entry: counts and (the first few hundred) changed entities."""
    summary = plan.as_json()
    kept = summary["changes"][:CHANGES_KEPT]
    after = {**summary, "changes": kept, "changes_left_out": len(summary["changes"]) - len(kept)}
    record(actor=current_actor(), action="model.import", subject="model", after=after)


def entries(*, goal_id: str | None = None) -> QuerySet[AuditEntry]:
    """The newest entries first, optionally only those about one goal, not yet read (for a page of them)."""
    found = AuditEntry.objects.all()
    return found if goal_id is None else found.filter(goal_id=goal_id)


def list_entries(*, goal_id: str | None = None, limit: int = 100, offset: int = 0) -> list[AuditEntry]:
    """The newest entries first, optionally only those about one goal."""
    return list(entries(goal_id=goal_id)[offset : offset + limit])


def count_entries() -> int:
    return AuditEntry.objects.count()

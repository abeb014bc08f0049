"""Create, update and delete the tasks of the catalog, with their RACI, locations, business units and needs."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from lodestar.accounts import audit
from lodestar.accounts.actor import Actor
from lodestar.accounts.permissions import require_editor
from lodestar.design import models as d
from lodestar.design.documents import fingerprint, task_document
from lodestar.design.services.common import SavedEntity, expect_version, merged, next_ordinal, stored_model
from lodestar.goals.models import GoalTask
from lodestar.lib import model as m
from lodestar.lib.errors import Conflict, NotFound
from lodestar.modelfile.entities import read_task


def find_task(model: m.Model, task_id: str) -> m.Task:
    task = next((task for task in model.tasks if task.id == task_id), None)
    if task is None:
        raise NotFound(f"no task {task_id!r}")
    return task


def _write_relations(task: m.Task) -> None:
    """Replace the task's assignments, locations, business units and competency needs with the given ones."""
    for relation in (d.TaskAssignment, d.TaskLocation, d.TaskBusinessUnit, d.TaskCompetency):
        relation.objects.filter(task_id=task.id).delete()
    d.TaskAssignment.objects.bulk_create(
        d.TaskAssignment(task_id=task.id, unit_id=unit, role=role, ordinal=j)
        for role, units in (("R", task.responsible), ("C", task.consulted), ("I", task.informed))
        for j, unit in enumerate(dict.fromkeys(units))
    )
    d.TaskLocation.objects.bulk_create(
        d.TaskLocation(task_id=task.id, location_id=location, ordinal=j)
        for j, location in enumerate(dict.fromkeys(task.locations))
    )
    d.TaskBusinessUnit.objects.bulk_create(
        d.TaskBusinessUnit(task_id=task.id, unit_id=unit, ordinal=j)
        for j, unit in enumerate(dict.fromkeys(task.toward))
    )
    d.TaskCompetency.objects.bulk_create(
        d.TaskCompetency(task_id=task.id, competency_id=c, level=level, ordinal=j)
        for j, (c, level) in enumerate(task.competencies.items())
    )


def create_task(*, actor: Actor, document: Any) -> SavedEntity:
    """Add a task to the catalog. Raises PermissionDenied, Invalid and NotFound (no model)."""
    require_editor(actor, what="change the task catalog")
    with transaction.atomic():
        model = stored_model()
        task = read_task(document, model=model)
        d.Task.objects.create(
            id=task.id,
            name=task.name,
            change=task.change,
            delivery=task.delivery,
            accountable_id=task.accountable,
            ordinal=next_ordinal(d.Task),
        )
        _write_relations(task)
        after = task_document(task)
        audit.record(actor=actor, action="task.create", subject=f"task:{task.id}", after=after)
    return SavedEntity(id=task.id, version=fingerprint(after))


def update_task(*, actor: Actor, task_id: str, changes: Any, version: Any) -> SavedEntity:
    """Change a task; its id stays. Raises NotFound, PermissionDenied, Conflict (stale `version`) and Invalid."""
    require_editor(actor, what="change the task catalog")
    with transaction.atomic():
        model = stored_model()
        before = task_document(find_task(model, task_id))
        expect_version(version, before, what=f"task {task_id!r}")
        task = read_task(merged(before, changes, fixed=("id",), what="task"), model=model, replacing=task_id)
        d.Task.objects.filter(id=task_id).update(
            name=task.name, change=task.change, delivery=task.delivery, accountable_id=task.accountable
        )
        _write_relations(task)
        after = task_document(task)
        audit.record(actor=actor, action="task.update", subject=f"task:{task_id}", before=before, after=after)
    return SavedEntity(id=task_id, version=fingerprint(after))


def delete_task(*, actor: Actor, task_id: str, version: Any = None) -> None:
    """Delete a task. Refused (Conflict) while goals list it. Raises NotFound and PermissionDenied."""
    require_editor(actor, what="change the task catalog")
    with transaction.atomic():
        model = stored_model()
        before = task_document(find_task(model, task_id))
        expect_version(version, before, what=f"task {task_id!r}", required=False)
        goals = sorted(GoalTask.objects.filter(task_id=task_id).values_list("goal_id", flat=True))
        if goals:
            raise Conflict(
                f"task {task_id!r} cannot be deleted while goals list it ({', '.join(goals)}); "
                "take it off those goals first, or mark it as dropped"
            )
        d.Task.objects.filter(id=task_id).delete()
        audit.record(actor=actor, action="task.delete", subject=f"task:{task_id}", before=before)

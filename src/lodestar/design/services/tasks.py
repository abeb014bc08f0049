"""Create, update and delete the tasks of the catalog, with their RACI, locations, business units and needs."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from lodestar.accounts import audit
from lodestar.accounts.actor import Actor
from lodestar.accounts.permissions import require_editor
from lodestar.design import models as design
from lodestar.design.services.common import merged, next_ordinal
from lodestar.goals.models import GoalTask
from lodestar.lib.errors import Conflict, NotFound
from lodestar.lib.model import Model, Task
from lodestar.lib.wording import Wording, gettext_noop
from lodestar.modelfile.documents import task_document
from lodestar.modelfile.entities import read_task
from lodestar.store.load import load_model
from lodestar.store.rows import insert_entity, replace_relations, task_rows
from lodestar.store.versions import Saved, delete_versioned, expect_version, write_versioned


def find_task(model: Model, task_id: str) -> Task:
    task = next((task for task in model.tasks if task.id == task_id), None)
    if task is None:
        raise NotFound(Wording.of(gettext_noop("no task %(id)s"), id=repr(task_id)))
    return task


def create_task(*, actor: Actor, document: Any) -> Saved[str]:
    """Add a task to the catalog. Raises PermissionDenied, Invalid and NotFound (no model)."""
    require_editor(actor, what="change the task catalog")
    with transaction.atomic():
        model = load_model()
        task = read_task(document, model=model)
        insert_entity(task_rows(task), ordinal=next_ordinal(design.Task), version=1)
        audit.record(actor=actor, action="task.create", subject=f"task:{task.id}", after=task_document(task))
    return Saved(id=task.id, version=1)


def update_task(*, actor: Actor, task_id: str, changes: Any, version: Any) -> Saved[str]:
    """Change a task; its id stays. Raises NotFound, PermissionDenied, Conflict (stale `version`) and Invalid."""
    require_editor(actor, what="change the task catalog")
    what = f"task {task_id!r}"
    with transaction.atomic():
        model = load_model()
        current = find_task(model, task_id)
        expect_version(version, stored=current.version, what=what)
        before = task_document(current)
        task = read_task(merged(before, changes, fixed=("id",), what="task"), model=model, replacing=task_id)
        rows = task_rows(task)
        saved = write_versioned(design.Task, task_id, version=version, what=what, columns=rows.row)
        replace_relations(rows, previous=task_rows(current))
        after = task_document(task)
        audit.record(actor=actor, action="task.update", subject=f"task:{task_id}", before=before, after=after)
    return Saved(id=task_id, version=saved)


def delete_task(*, actor: Actor, task_id: str, version: Any = None) -> None:
    """Delete a task. Refused (Conflict) while goals list it. Raises NotFound and PermissionDenied."""
    require_editor(actor, what="change the task catalog")
    what = f"task {task_id!r}"
    with transaction.atomic():
        model = load_model()
        current = find_task(model, task_id)
        expect_version(version, stored=current.version, what=what, required=False)
        goals = sorted(GoalTask.objects.filter(task_id=task_id).values_list("goal_id", flat=True))
        if goals:
            raise Conflict(
                f"task {task_id!r} cannot be deleted while goals list it ({', '.join(goals)}); "
                "take it off those goals first, or mark it as dropped"
            )
        delete_versioned(design.Task, task_id, version=version, what=what)
        audit.record(actor=actor, action="task.delete", subject=f"task:{task_id}", before=task_document(current))

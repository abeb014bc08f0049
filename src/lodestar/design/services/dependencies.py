"""Create, update and delete the dependencies between units (now and in the target picture)."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from lodestar.accounts import audit
from lodestar.accounts.actor import Actor
from lodestar.accounts.permissions import require_editor
from lodestar.design import models as design
from lodestar.design.services.common import find, merged, next_ordinal
from lodestar.lib.model import Dependency, Model
from lodestar.modelfile.documents import dependency_document
from lodestar.modelfile.entities import read_dependency
from lodestar.store.load import load_model
from lodestar.store.rows import dependency_rows, insert_entity
from lodestar.store.versions import Saved, delete_versioned, expect_version, write_versioned


def dependencies_by_id(model: Model) -> dict[int, Dependency]:
    """The stored model's dependencies by row id, in model order."""
    return {dependency.row: dependency for dependency in model.dependencies if dependency.row is not None}


def create_dependency(*, actor: Actor, document: Any) -> Saved[int]:
    """Add a dependency `{from, to, about, kind, now, target}`. Raises PermissionDenied and Invalid."""
    require_editor(actor, what="change dependencies")
    with transaction.atomic():
        model = load_model()
        dependency = read_dependency(document, model=model)
        row = insert_entity(dependency_rows(dependency), ordinal=next_ordinal(design.Dependency), version=1)
        after = dependency_document(dependency)
        audit.record(actor=actor, action="dependency.create", subject=f"dependency:{row.pk}", after=after)
    return Saved(id=row.pk, version=1)


def update_dependency(*, actor: Actor, dependency_id: int, changes: Any, version: Any) -> Saved[int]:
    """Change a dependency. Raises NotFound, PermissionDenied, Conflict (stale `version`) and Invalid."""
    require_editor(actor, what="change dependencies")
    what = f"dependency {dependency_id}"
    with transaction.atomic():
        model = load_model()
        current = find(dependencies_by_id(model), dependency_id, "dependency")
        expect_version(version, stored=current.version, what=what)
        before = dependency_document(current)
        dependency = read_dependency(merged(before, changes, fixed=(), what="dependency"), model=model)
        columns = dependency_rows(dependency).row
        saved = write_versioned(design.Dependency, dependency_id, version=version, what=what, columns=columns)
        after = dependency_document(dependency)
        audit.record(
            actor=actor, action="dependency.update", subject=f"dependency:{dependency_id}", before=before, after=after
        )
    return Saved(id=dependency_id, version=saved)


def delete_dependency(*, actor: Actor, dependency_id: int, version: Any = None) -> None:
    """Delete a dependency. Raises NotFound, PermissionDenied and Conflict (stale `version`)."""
    require_editor(actor, what="change dependencies")
    what = f"dependency {dependency_id}"
    with transaction.atomic():
        model = load_model()
        current = find(dependencies_by_id(model), dependency_id, "dependency")
        expect_version(version, stored=current.version, what=what, required=False)
        delete_versioned(design.Dependency, dependency_id, version=version, what=what)
        audit.record(
            actor=actor,
            action="dependency.delete",
            subject=f"dependency:{dependency_id}",
            before=dependency_document(current),
        )
